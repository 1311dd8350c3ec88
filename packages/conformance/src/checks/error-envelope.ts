/**
 * The `error_envelope` check: error bodies use one of the envelopes the spec documents for errors
 * and, where the docs pin a message to the situation, that message. Messages are read from the
 * spec's response examples (never restated here): the 401 wordings, "Resource not found", the
 * permission messages chosen by `x-permission`, and named examples such as `invalidFileType`.
 */
import type { JsonSchema, OperationInfo, SpecValidator } from '@identitycall/openapi';
import type { Exchange } from '../engine/exchange.js';
import { mediaTypeOf, type CheckFailure } from './response.js';

/** What a situation expects of an error: the documented messages (any one of them). */
export interface ErrorExpectation {
  /** Documented messages; the body's `error` (or one of its `errors`) must be one of them. */
  messages: string[];
  /** Where the messages come from, for failure messages (e.g. "401 examples of getOperator"). */
  source: string;
}

/** The messages of an operation's documented response for `status`, optionally only some named examples. */
export function documentedMessages(op: OperationInfo, status: number, pick?: (name: string, message: string) => boolean): string[] {
  const response = op.responses.find((r) => r.status === String(status));
  const out: string[] = [];
  for (const media of response?.content ?? []) {
    for (const example of media.examples) {
      const value = example.value as { error?: unknown; errors?: unknown } | undefined;
      const messages = typeof value?.error === 'string' ? [value.error] : Array.isArray(value?.errors) ? value.errors.filter((m): m is string => typeof m === 'string') : [];
      for (const m of messages) if (!pick || pick(example.name, m)) out.push(m);
    }
  }
  return [...new Set(out)];
}

/** The expectation of a documented response, or undefined when it documents no message. */
export function expectMessages(op: OperationInfo, status: number, pick?: (name: string, message: string) => boolean): ErrorExpectation | undefined {
  const messages = documentedMessages(op, status, pick);
  return messages.length > 0 ? { messages, source: `${status} examples of ${op.operationId}` } : undefined;
}

/** The situations whose messages the docs pin, each read from the operation's examples. */
export const situations = {
  /** A missing, malformed or unknown key. */
  unauthorized: (op: OperationInfo) => expectMessages(op, 401),
  /** A key without the permission `x-permission` names: the 403 example that names it. */
  permission: (op: OperationInfo) =>
    op.permission ? expectMessages(op, 403, (_name, m) => new RegExp(`\\b${op.permission}\\b`, 'i').test(m)) : undefined,
  /** A project-scoped key creating or deleting a project. */
  projectScoped: (op: OperationInfo) => expectMessages(op, 403, (name) => name === 'projectScopedKey'),
  /** A resource that does not exist, was deleted, or is outside the key's project. */
  notFound: (op: OperationInfo) => expectMessages(op, 404),
  /** A named example of the operation's response for `status`. */
  named: (op: OperationInfo, status: number, name: string) => expectMessages(op, status, (n) => n === name),
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
    return fail(`the error is not a JSON envelope (content-type ${headers.get('content-type') ?? '(none)'}): ${exchange.response.text.slice(0, 120)}`);
  }
  if (!schemas.some((schema) => validator.validate(schema, body).valid)) {
    return fail(`body ${JSON.stringify(body).slice(0, 200)} is neither documented envelope ({"error": "…"} or {"errors": ["…"]})`);
  }
  if (!expectation) return [];
  const { error, errors } = body as { error?: unknown; errors?: unknown };
  const sent = typeof error === 'string' ? [error] : Array.isArray(errors) ? errors.map(String) : [];
  if (sent.some((m) => expectation.messages.includes(m))) return [];
  return fail(`message ${JSON.stringify(sent.length === 1 ? sent[0] : sent)} is not the documented ${expectation.messages.map((m) => JSON.stringify(m)).join(' or ')} (${expectation.source})`);
}
