/**
 * Named contract checks over one exchange, each failing with a message that says what differs
 * from the spec. Server side: status, content type, body schema, headers. Client side: the
 * request the client sent.
 */
import type { SpecValidator } from '@identitycall/openapi';
import { matchOperation, type Exchange } from './exchange.js';

/** The names under which failures are reported. */
export type CheckName =
  | 'not_a_server_error'
  | 'status_code_conformance'
  | 'content_type_conformance'
  | 'response_schema_conformance'
  | 'response_headers_conformance'
  | 'request_conformance';

/** One failed check. */
export interface CheckFailure {
  check: CheckName;
  operationId: string;
  message: string;
}

/** Checks the server's response against what the spec documents for the operation. */
export function checkResponse(validator: SpecValidator, operationId: string, exchange: Exchange): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const fail = (check: CheckName, message: string) => failures.push({ check, operationId, message });
  const { status, headers, body, text } = exchange.response;
  const where = `${exchange.request.method} ${exchange.request.path} → ${status}`;

  if (status >= 500) fail('not_a_server_error', `${where}: server error ${text.slice(0, 200)}`);
  const documented = validator.response(operationId, status);
  if (!documented) {
    const statuses = validator.operation(operationId).responses.map((r) => r.status).join(', ');
    fail('status_code_conformance', `${where}: status ${status} is not documented (documented: ${statuses})`);
    return failures;
  }
  const contentType = headers.get('content-type');
  if (documented.content.length === 0) {
    if (text !== '') fail('content_type_conformance', `${where}: documented without a body, got ${JSON.stringify(text.slice(0, 100))}`);
  } else {
    const mediaType = contentType?.split(';')[0]!.trim().toLowerCase();
    const allowed = documented.content.map((m) => m.contentType.toLowerCase());
    if (!mediaType || !allowed.includes(mediaType)) {
      fail('content_type_conformance', `${where}: content-type ${contentType ?? '(none)'}, documented ${allowed.join(', ')}`);
    } else {
      const result = validator.validateResponse(operationId, status, body, mediaType);
      if (!result.valid) fail('response_schema_conformance', `${where}: ${result.errors.join('; ')}`);
    }
  }
  for (const [name, header] of Object.entries(documented.headers)) {
    const value = headers.get(name);
    if (value === null) {
      if (header.required || name === 'retry-after') fail('response_headers_conformance', `${where}: header ${name} is missing`);
    } else if (header.schema !== undefined) {
      const result = validator.validate(header.schema, value);
      if (!result.valid) fail('response_headers_conformance', `${where}: header ${name}: ${value} ${result.errors.join('; ')}`);
    }
  }
  return failures;
}

/** Checks the request the client sent: a documented operation, with a body its schema accepts. */
export function checkRequest(validator: SpecValidator, exchange: Exchange): CheckFailure[] {
  const { method, path, headers, body } = exchange.request;
  const op = matchOperation(validator.operations, method, path);
  if (!op) return [{ check: 'request_conformance', operationId: '(none)', message: `${method} ${path} is not an operation of the spec` }];
  const failures: CheckFailure[] = [];
  if (op.secured && !/^Bearer \S+$/.test(headers.get('authorization') ?? '')) {
    failures.push({ check: 'request_conformance', operationId: op.operationId, message: `${method} ${path}: no bearer token sent` });
  }
  if (op.requestBody) {
    const contentType = headers.get('content-type')?.split(';')[0]!.trim().toLowerCase();
    if (body === undefined) {
      if (op.requestBody.required) failures.push({ check: 'request_conformance', operationId: op.operationId, message: `${method} ${path}: required body missing` });
    } else if (contentType === 'application/json') {
      const result = validator.validateRequestBody(op.operationId, JSON.parse(body), contentType);
      if (!result.valid) failures.push({ check: 'request_conformance', operationId: op.operationId, message: `${method} ${path}: ${result.errors.join('; ')}` });
    } else if (!op.requestBody.content.some((m) => m.contentType === contentType)) {
      failures.push({ check: 'request_conformance', operationId: op.operationId, message: `${method} ${path}: content-type ${contentType} not accepted` });
    }
  }
  return failures;
}

/** Formats failures for an assertion message. */
export function formatFailures(failures: readonly CheckFailure[]): string {
  return failures.map((f) => `[${f.check}] ${f.operationId}: ${f.message}`).join('\n');
}
