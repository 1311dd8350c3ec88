/**
 * Documented error messages, read from the spec's response examples: by operation and status, by
 * shared response, and as the message templates of `x-message-template`. Servers answer with these
 * texts and checks compare against them, so no package types a documented string again.
 * @see https://docs.identitycall.ai/api-reference/errors
 * @see ../DECISIONS.md (B23)
 */
import { resolveRef, type OpenAPIDocument } from './document.js';
import type { NamedExample, OperationInfo } from './operations.js';
import { permissionResponses, type Permission } from './permissions.js';

/** The messages of an error example: `error`, or every entry of `errors`; none for other shapes. */
export function messagesOfExample(value: unknown): string[] {
  const { error, errors } = (value ?? {}) as { error?: unknown; errors?: unknown };
  if (typeof error === 'string') return [error];
  if (Array.isArray(errors)) return errors.filter((m): m is string => typeof m === 'string');
  return [];
}

/**
 * The messages of an operation's documented response for `status`, in example order, without
 * repeats; `pick` keeps only some examples (by example name and message).
 */
export function errorMessages(
  op: OperationInfo,
  status: number | string,
  pick?: (exampleName: string, message: string) => boolean,
): string[] {
  const response = op.responses.find((r) => r.status === String(status));
  const out = new Set<string>();
  for (const media of response?.content ?? []) {
    for (const example of media.examples) {
      for (const m of messagesOfExample(example.value)) if (!pick || pick(example.name, m)) out.add(m);
    }
  }
  return [...out];
}

function sharedResponse(doc: OpenAPIDocument, name: string): Record<string, unknown> {
  const raw = doc.components?.responses?.[name];
  if (!raw) throw new Error(`The spec has no shared response components.responses.${name}`);
  return resolveRef<Record<string, unknown>>(doc, raw);
}

function examplesOfResponse(doc: OpenAPIDocument, response: Record<string, unknown>): NamedExample[] {
  const out: NamedExample[] = [];
  for (const media of Object.values((response.content ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const [name, raw] of Object.entries((media.examples ?? {}) as Record<string, unknown>)) {
      const ex = resolveRef<{ value?: unknown }>(doc, raw);
      out.push({ name, value: ex?.value });
    }
  }
  return out;
}

/**
 * The message of a shared response's example: the named one, or the first when no name is given.
 * @throws Error naming the response and example when either is missing or carries no message.
 */
export function responseMessage(doc: OpenAPIDocument, responseName: string, exampleName?: string): string {
  const examples = examplesOfResponse(doc, sharedResponse(doc, responseName));
  const example = exampleName === undefined ? examples[0] : examples.find((e) => e.name === exampleName);
  const message = example ? messagesOfExample(example.value)[0] : undefined;
  if (message === undefined) {
    throw new Error(
      `components.responses.${responseName} has no example${exampleName ? ` "${exampleName}"` : ''} with an error message` +
        ` (examples: ${examples.map((e) => e.name).join(', ') || 'none'})`,
    );
  }
  return message;
}

/** The 403 message a key without `permission` gets (the first example of its `x-permissions` response). */
export function permissionMessage(doc: OpenAPIDocument, permission: Permission): string {
  return responseMessage(doc, permissionResponses(doc)[permission]);
}

/** A message with `{name}` placeholders, from a shared response's `x-message-template`. */
export interface MessageTemplate {
  /** The template as the spec writes it, e.g. `Malformed JSON in request body: {detail}`. */
  readonly template: string;
  /** The message with each `{name}` replaced by `values[name]`. */
  format(values: Record<string, string>): string;
  /** Whether `message` has the template's shape (any text in place of each placeholder). */
  matches(message: string): boolean;
}

/**
 * The `x-message-template` of a shared response.
 * @throws Error when the response has none, or when one of its examples does not match it.
 */
export function messageTemplate(doc: OpenAPIDocument, responseName: string): MessageTemplate {
  const response = sharedResponse(doc, responseName);
  const template = response['x-message-template'];
  if (typeof template !== 'string' || template === '') {
    throw new Error(`components.responses.${responseName} has no x-message-template`);
  }
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `^${template
      .split(/\{\w+\}/)
      .map(escape)
      .join('[\\s\\S]+')}$`,
  );
  const result: MessageTemplate = {
    template,
    format: (values) =>
      template.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = values[name];
        if (value === undefined) throw new Error(`${responseName}'s x-message-template needs a value for {${name}}`);
        return value;
      }),
    matches: (message) => pattern.test(message),
  };
  for (const example of examplesOfResponse(doc, response)) {
    for (const m of messagesOfExample(example.value)) {
      if (!result.matches(m))
        throw new Error(`Example "${example.name}" of ${responseName} ("${m}") does not match its x-message-template "${template}"`);
    }
  }
  return result;
}

/** One documented error message and every place the spec gives it. */
export interface DocumentedMessage {
  message: string;
  /** `operationId status` pairs whose examples carry the message. */
  where: string[];
}

/**
 * Every message of every documented error example (status ≥ 400) of every operation. Guard tests
 * use it to find documented strings typed into source files.
 */
export function documentedMessages(operations: readonly OperationInfo[]): DocumentedMessage[] {
  const byMessage = new Map<string, string[]>();
  for (const op of operations) {
    for (const r of op.responses) {
      if (!/^[45]/.test(r.status)) continue;
      for (const m of errorMessages(op, r.status)) {
        const where = byMessage.get(m) ?? [];
        where.push(`${op.operationId} ${r.status}`);
        byMessage.set(m, where);
      }
    }
  }
  return [...byMessage].map(([message, where]) => ({ message, where }));
}
