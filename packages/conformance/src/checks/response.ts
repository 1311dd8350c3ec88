/**
 * The checks that look at one exchange alone: status, content type, body schema and headers of a
 * response, and what a client sent. The checks that need a situation (a negative request, a key,
 * a deletion) are applied by the engine (`engine/evaluate.ts`).
 */
import type { SpecValidator } from '@identitycall/openapi';
import { matchOperation, type Exchange } from '../engine/exchange.js';
import type { CheckName } from './catalogue.js';

/** One failed check. */
export interface CheckFailure {
  check: CheckName;
  operationId: string;
  message: string;
}

/**
 * Options of {@link checkResponse}. Nothing here widens the documented statuses: a status, a
 * content type or a required header the operation does not document fails whether the request was
 * valid or invalid on purpose (spec/DECISIONS.md B25).
 */
export interface ResponseCheckOptions {
  /** A documented 5xx was asked for (the mock's `Prefer: code=`): it is the contract, not a failure. */
  allowServerError?: boolean;
}

const where = (e: Exchange) => `${e.request.method} ${e.request.path} → ${e.response.status}`;

/** The media type of a Content-Type header value, lower case, without parameters. */
export const mediaTypeOf = (value: string | null | undefined): string | undefined =>
  value?.split(';')[0]!.trim().toLowerCase() || undefined;

/** The statuses `operationId` documents, in the spec's order, for a failure message. */
export const documentedStatuses = (validator: SpecValidator, operationId: string): string =>
  validator
    .operation(operationId)
    .responses.map((r) => r.status)
    .join(', ');

/**
 * Checks the server's response against what the spec documents for the operation: the status is
 * documented (`status_code_conformance`), the Content-Type is a documented media type of that
 * status and a body-less status has no body (`content_type_conformance`), the body validates
 * (`response_schema_conformance`), and every required header is present and valid
 * (`response_headers_conformance`). Works on any exchange of a matched operation — one the engine
 * sent, or one observed on real traffic.
 */
export function checkResponse(
  validator: SpecValidator,
  operationId: string,
  exchange: Exchange,
  options: ResponseCheckOptions = {},
): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const fail = (check: CheckName, message: string) => failures.push({ check, operationId, message });
  if (exchange.error !== undefined) {
    fail('not_a_server_error', `${exchange.request.method} ${exchange.request.path}: ${exchange.error}`);
    return failures;
  }
  const { status, headers, body, text } = exchange.response;
  const at = where(exchange);

  if (status >= 500 && !options.allowServerError) fail('not_a_server_error', `${at}: server error ${text.slice(0, 200)}`);
  const documented = validator.response(operationId, status);
  if (!documented) {
    fail(
      'status_code_conformance',
      `${at}: status ${status} is not documented (documented: ${documentedStatuses(validator, operationId)})`,
    );
    return failures;
  }
  const contentType = headers.get('content-type');
  if (documented.content.length === 0) {
    if (text !== '') fail('content_type_conformance', `${at}: documented without a body, got ${JSON.stringify(text.slice(0, 100))}`);
  } else {
    const mediaType = mediaTypeOf(contentType);
    const allowed = documented.content.map((m) => m.contentType.toLowerCase());
    if (!mediaType || !allowed.includes(mediaType)) {
      fail('content_type_conformance', `${at}: content-type ${contentType ?? '(none)'}, documented ${allowed.join(', ')}`);
    } else {
      const result = validator.validateResponse(operationId, status, body, mediaType);
      if (!result.valid) fail('response_schema_conformance', `${at}: ${result.errors.join('; ')}`);
    }
  }
  for (const [name, header] of Object.entries(documented.headers)) {
    const value = headers.get(name);
    if (value === null) {
      // Retry-After is what makes a 429 actionable; the spec documents it on every 429.
      if (header.required || name === 'retry-after')
        fail('response_headers_conformance', `${at}: header ${name} is missing (the spec requires it on ${status})`);
    } else if (header.schema !== undefined) {
      const result = validator.validate(header.schema, value);
      if (!result.valid) fail('response_headers_conformance', `${at}: header ${name}: ${value} ${result.errors.join('; ')}`);
    }
  }
  return failures;
}

/** Checks the request a client sent: a documented operation, a bearer token, a body its schema accepts. */
export function checkRequest(validator: SpecValidator, exchange: Exchange): CheckFailure[] {
  const { method, path, headers, body } = exchange.request;
  const op = matchOperation(validator.operations, method, path);
  if (!op) return [{ check: 'request_conformance', operationId: '(none)', message: `${method} ${path} is not an operation of the spec` }];
  const failures: CheckFailure[] = [];
  const fail = (message: string) =>
    failures.push({ check: 'request_conformance', operationId: op.operationId, message: `${method} ${path}: ${message}` });
  if (op.secured && !/^Bearer \S+$/.test(headers.get('authorization') ?? '')) fail('no bearer token sent');
  if (op.requestBody) {
    const contentType = mediaTypeOf(headers.get('content-type'));
    if (body === undefined) {
      if (op.requestBody.required) fail('required body missing');
    } else if (contentType === 'application/json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch (e) {
        fail(`body is not JSON: ${(e as Error).message}`);
        return failures;
      }
      const result = validator.validateRequestBody(op.operationId, parsed, contentType);
      if (!result.valid) fail(result.errors.join('; '));
    } else if (!op.requestBody.content.some((m) => m.contentType === contentType)) {
      fail(`content-type ${contentType} not accepted`);
    }
  }
  return failures;
}

/** Formats failures for an assertion message. */
export function formatFailures(failures: readonly CheckFailure[]): string {
  return failures.map((f) => `[${f.check}] ${f.operationId}: ${f.message}`).join('\n');
}
