/**
 * The `error_envelope` check: error bodies use one of the envelopes the spec documents for errors
 * and, where the spec pins a message to the situation, carry that message. Messages are read with
 * the spec package's readers (never restated here): the 401 wordings, the not-found message, the
 * permission messages of `x-permissions`, named examples such as `invalidFileType`, and the
 * malformed-JSON template (`x-message-template`).
 * @see https://docs.identitycall.ai/api-reference/errors
 */
import {
  errorMessages,
  formatBytes,
  jsonBodyLimit,
  messageTemplate,
  permissionMessage,
  permissionResponses,
  type JsonSchema,
  type OpenAPIDocument,
  type OperationInfo,
  type SpecValidator,
} from '@identitycall/openapi';
import type { Exchange } from '../engine/exchange.js';
import { mediaTypeOf, type CheckFailure } from './response.js';

/** What a situation expects of an error's message. */
export interface ErrorExpectation {
  /** Documented messages; the body's `error` (or one of its `errors`) must be one of them… */
  messages: string[];
  /** …or have this shape (a documented template, or a fact the message must name). */
  shape?: { describe: string; matches(message: string): boolean };
  /** Where the expectation comes from, for failure messages (e.g. "404 examples of getOperator"). */
  source: string;
}

/** The expectation of an operation's documented response for `status` (optionally only some named examples), or undefined when it documents no message. */
export function expectMessages(
  op: OperationInfo,
  status: number,
  pick?: (exampleName: string, message: string) => boolean,
): ErrorExpectation | undefined {
  const messages = errorMessages(op, status, pick);
  return messages.length > 0 ? { messages, source: `${status} examples of ${op.operationId}` } : undefined;
}

/** The situations whose messages the spec pins, each read from the spec. */
export const situations = {
  /** A missing, malformed or unknown key. */
  unauthorized: (op: OperationInfo) => expectMessages(op, 401),
  /** A key without the permission the operation's `x-permission` names. */
  permission: (doc: OpenAPIDocument, op: OperationInfo): ErrorExpectation | undefined =>
    op.permission
      ? {
          messages: [permissionMessage(doc, op.permission)],
          source: `${permissionResponses(doc)[op.permission]}, the x-permissions response of "${op.permission}"`,
        }
      : undefined,
  /** A project-scoped key creating or deleting a project. */
  projectScoped: (op: OperationInfo) => expectMessages(op, 403, (name) => name === 'projectScopedKey'),
  /** A resource that does not exist, was deleted, or is outside the key's project. */
  notFound: (op: OperationInfo) => expectMessages(op, 404),
  /** A named example of the operation's response for `status`. */
  named: (op: OperationInfo, status: number, name: string) => expectMessages(op, status, (n) => n === name),
  /** A body that is not JSON: the message fits `MalformedJson`'s `x-message-template`. */
  malformedJson: (doc: OpenAPIDocument): ErrorExpectation => {
    const template = messageTemplate(doc, 'MalformedJson');
    return {
      messages: [],
      shape: { describe: `a message of the form "${template.template}"`, matches: template.matches },
      source: 'x-message-template of MalformedJson',
    };
  },
  /**
   * A JSON body over the limit (`x-max-bytes`): the documented message (`PayloadTooLarge`'s), or
   * at least one that names the limit, so the client learns what to change.
   */
  tooLarge: (doc: OpenAPIDocument, op: OperationInfo): ErrorExpectation => {
    const limit = formatBytes(jsonBodyLimit(doc));
    return {
      messages: errorMessages(op, 413),
      shape: { describe: `a message naming the limit (${limit})`, matches: (m) => m.includes(limit) },
      source: `413 examples of ${op.operationId} and x-max-bytes`,
    };
  },
} as const;

/** The schemas the spec documents for error bodies (4xx and 5xx), from every operation. */
export function errorSchemas(validator: SpecValidator): JsonSchema[] {
  const seen = new Set<unknown>();
  for (const op of validator.operations) {
    for (const r of op.responses) {
      if (!/^[45]/.test(r.status)) continue;
      for (const m of r.content) if (m.schema !== undefined) seen.add(m.schema);
    }
  }
  return [...seen] as JsonSchema[];
}

/** Applies `error_envelope` to an error exchange (status ≥ 400); empty when it passes. */
export function checkErrorEnvelope(
  validator: SpecValidator,
  schemas: readonly JsonSchema[],
  operationId: string,
  exchange: Exchange,
  expectation?: ErrorExpectation,
): CheckFailure[] {
  const { status, headers, body } = exchange.response;
  if (exchange.error !== undefined || status < 400) return [];
  const at = `${exchange.request.method} ${exchange.request.path} → ${status}`;
  const fail = (message: string): CheckFailure[] => [{ check: 'error_envelope', operationId, message: `${at}: ${message}` }];
  if (mediaTypeOf(headers.get('content-type')) !== 'application/json' || body === undefined || typeof body !== 'object') {
    return fail(
      `the error is not a JSON envelope (content-type ${headers.get('content-type') ?? '(none)'}): ${exchange.response.text.slice(0, 120)}`,
    );
  }
  if (!schemas.some((schema) => validator.validate(schema, body).valid)) {
    return fail(`body ${JSON.stringify(body).slice(0, 200)} is neither documented envelope ({"error": "…"} or {"errors": ["…"]})`);
  }
  if (!expectation) return [];
  const { error, errors } = body as { error?: unknown; errors?: unknown };
  const sent = typeof error === 'string' ? [error] : Array.isArray(errors) ? errors.map(String) : [];
  if (sent.some((m) => expectation.messages.includes(m) || expectation.shape?.matches(m))) return [];
  const documented =
    expectation.messages.length > 0 ? [`the documented ${expectation.messages.map((m) => JSON.stringify(m)).join(' or ')}`] : [];
  const wanted = [...documented, ...(expectation.shape ? [expectation.shape.describe] : [])].join(', or ');
  return fail(`message ${JSON.stringify(sent.length === 1 ? sent[0] : sent)} is not ${wanted} (${expectation.source})`);
}
