/**
 * The named checks. Each failure is reported under one of these names, with a message that says
 * what differs from the spec. This module holds the catalogue and the checks that look at one
 * exchange alone (status, content type, body schema, headers; and what a client sent); the checks
 * that need a situation (a negative request, a key, a deletion) are applied by the engine.
 * @see https://schemathesis.readthedocs.io/en/stable/reference/checks/
 */
import type { SpecValidator } from '@identitycall/openapi';
import { matchOperation, type Exchange } from './exchange.js';

/** Whether a check needs a server that keeps state (`behaviour`) or holds for any target (`contract`). */
export type CheckTier = 'contract' | 'behaviour';

/** Every check the engine reports, with its tier and what it verifies. */
export const CHECKS = {
  not_a_server_error: { tier: 'contract', description: 'No response is a 5xx, and every request gets an answer (no timeout, no dropped connection).' },
  status_code_conformance: { tier: 'contract', description: 'The status is documented for the operation (a refused invalid request may also get 400, 405, 413 or 422).' },
  content_type_conformance: { tier: 'contract', description: 'The Content-Type is the documented media type (and a body-less response has no body).' },
  response_schema_conformance: { tier: 'contract', description: "The body validates against the operation's schema for that status (JSON Schema 2020-12, compiled from the spec)." },
  response_headers_conformance: { tier: 'contract', description: 'Documented headers are present and valid (Retry-After on 429: seconds or an HTTP date).' },
  negative_data_rejection: { tier: 'contract', description: 'A request the spec says is invalid (wrong type, missing field, out of range, unknown enum value, malformed JSON, bad id, bad upload) is refused with a 4xx.' },
  positive_data_acceptance: { tier: 'contract', description: "A valid request (the spec's examples, requests generated from the schemas) is accepted with a 2xx." },
  ignored_auth: { tier: 'contract', description: 'A request without a key, with a malformed Authorization header or with an unknown key gets 401.' },
  error_envelope: { tier: 'contract', description: 'Error bodies use the documented envelope ({"error": "…"} or {"errors": ["…"]}) and, where the docs give one for the situation, the documented string.' },
  unsupported_method: { tier: 'contract', description: 'A method the path does not document gets 405 with an Allow header listing the documented methods.' },
  request_conformance: { tier: 'contract', description: 'What the client sent is a documented operation with a bearer token and a body its schema accepts.' },
  client_return_conformance: { tier: 'contract', description: 'The client returned exactly what the server said (the `data` of the body, or the body).' },
  use_after_free: { tier: 'behaviour', description: 'After a successful delete the resource answers 404 (get, update, delete again).' },
  ensure_resource_availability: { tier: 'behaviour', description: 'A created resource can be fetched with the values it was created with, and is listed.' },
  permission_enforcement: { tier: 'behaviour', description: 'With --read-only-key: every write or delete operation answers 403 with the documented message and changes nothing; reads succeed.' },
  scope_isolation: { tier: 'behaviour', description: "With --project-key: another project's resources answer 404 (never 403) and are not listed; creating or deleting a project, or uploading into another project, is 403." },
  partial_update: { tier: 'behaviour', description: 'PATCH changes only the fields sent (operators, projects, virtual numbers, recordings).' },
  null_clears_field: { tier: 'behaviour', description: '`"email": null` clears an operator\'s email; `"retention_days": null` disables a project\'s retention.' },
  phone_normalisation: { tier: 'behaviour', description: 'Phone numbers are stored in E.164 whatever the spacing and punctuation sent; an unparseable one is 422 "Phone number is invalid".' },
  initials_derivation: { tier: 'behaviour', description: '`initials` is derived from `name` (first letters of the first and last word, non-ASCII included), on create and on rename.' },
  idempotent_upload: { tier: 'behaviour', description: 'Re-uploading the same (project_id, external_id) answers 200 with the same recording and creates nothing.' },
  delete_cascade: { tier: 'behaviour', description: "Deleting an operator takes it off every number's routing list; deleting a project deletes its recordings." },
  pagination_walk: { tier: 'behaviour', description: 'Walking List Recordings page by page sees every recording once, with consistent `meta`.' },
  processing_lifecycle: { tier: 'behaviour', description: 'An upload moves pending → processing → completed (never back); the transcription is 422 "Transcription not available" until then, 200 after.' },
} as const satisfies Record<string, { tier: CheckTier; description: string }>;

/** The names under which failures are reported. */
export type CheckName = keyof typeof CHECKS;

/** Every check name, in catalogue order. */
export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[];

/** One failed check. */
export interface CheckFailure {
  check: CheckName;
  operationId: string;
  message: string;
}

/** Statuses any operation may answer to a request it refuses at the HTTP level (malformed body, method, size). */
export const HTTP_LEVEL_STATUSES: readonly number[] = [400, 405, 413, 422];

/** Options of {@link checkResponse}. */
export interface ResponseCheckOptions {
  /** The request is invalid on purpose: 400/405/413/422 are acceptable even where not documented. */
  negative?: boolean;
  /** A documented 5xx was asked for (the mock's `Prefer: code=`): it is the contract, not a failure. */
  allowServerError?: boolean;
}

const where = (e: Exchange) => `${e.request.method} ${e.request.path} → ${e.response.status}`;

/** The media type of a Content-Type header value, lower case, without parameters. */
export const mediaTypeOf = (value: string | null | undefined): string | undefined =>
  value?.split(';')[0]!.trim().toLowerCase() || undefined;

/** Checks the server's response against what the spec documents for the operation. */
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
    if (!(options.negative && HTTP_LEVEL_STATUSES.includes(status))) {
      const statuses = validator.operation(operationId).responses.map((r) => r.status).join(', ');
      fail('status_code_conformance', `${at}: status ${status} is not documented (documented: ${statuses})`);
    }
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
      if (header.required || name === 'retry-after') fail('response_headers_conformance', `${at}: header ${name} is missing`);
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
  const fail = (message: string) => failures.push({ check: 'request_conformance', operationId: op.operationId, message: `${method} ${path}: ${message}` });
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
