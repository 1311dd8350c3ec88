/**
 * The facts other packages read from the spec: permissions, documented messages and templates,
 * and request limits. Checked on the real document and on small fixture documents that break
 * each rule, so every reader fails loudly instead of returning something wrong.
 */
import { describe, expect, it } from 'vitest';
import {
  PERMISSIONS,
  documentedMessages,
  errorMessages,
  formatBytes,
  jsonBodyLimit,
  largestUpload,
  listOperations,
  loadSpec,
  messageTemplate,
  permissionMessage,
  permissionResponses,
  responseMessage,
  uploadFormats,
  type OpenAPIDocument,
} from './index.js';

const doc = loadSpec();
const operations = listOperations(doc);

/** A copy of the real document with `edit` applied, for the failure cases. */
function edited(edit: (d: OpenAPIDocument) => void): OpenAPIDocument {
  const copy = structuredClone(doc) as OpenAPIDocument;
  edit(copy);
  return copy;
}
const bearer = (d: OpenAPIDocument) => d.components!.securitySchemes!.bearerAuth as Record<string, unknown>;
const jsonBody = (d: OpenAPIDocument, path: string, method: string) =>
  (d.paths[path] as Record<string, { requestBody: { content: Record<string, Record<string, unknown>> } }>)[method]!.requestBody.content[
    'application/json'
  ]!;

describe('permissions', () => {
  it('x-permissions names every permission and a shared 403 response for each', () => {
    const responses = permissionResponses(doc);
    expect(Object.keys(responses).sort()).toEqual([...PERMISSIONS].sort());
    for (const name of Object.values(responses)) expect(doc.components?.responses?.[name]).toBeDefined();
  });

  it.each(operations)("$operationId needs a known permission and documents that permission's 403 message", (op) => {
    expect(PERMISSIONS).toContain(op.permission);
    expect(errorMessages(op, 403)).toContain(permissionMessage(doc, op.permission!));
  });

  it.each([
    { name: 'no x-permissions', edit: (d: OpenAPIDocument) => delete bearer(d)['x-permissions'], error: /has an x-permissions map/ },
    {
      name: 'an unknown permission',
      edit: (d: OpenAPIDocument) => ((bearer(d)['x-permissions'] as Record<string, string>).admin = 'NotFound'),
      error: /unknown: admin/,
    },
    {
      name: 'a missing permission',
      edit: (d: OpenAPIDocument) => delete (bearer(d)['x-permissions'] as Record<string, string>).delete,
      error: /missing: delete/,
    },
    {
      name: 'an unknown response',
      edit: (d: OpenAPIDocument) => ((bearer(d)['x-permissions'] as Record<string, string>).read = 'Nope'),
      error: /x-permissions\.read/,
    },
  ])('refuses a spec with $name', ({ edit, error }) => {
    expect(() => permissionResponses(edited(edit))).toThrow(error);
  });
});

describe('documented messages', () => {
  it('reads a shared response example by name, or the first one', () => {
    const unauthorized = doc.components!.responses!.Unauthorized as {
      content: Record<string, { examples: Record<string, { value: { error: string } }> }>;
    };
    const examples = Object.entries(unauthorized.content['application/json']!.examples);
    expect(responseMessage(doc, 'Unauthorized')).toBe(examples[0]![1].value.error);
    expect(responseMessage(doc, 'Unauthorized', examples[1]![0])).toBe(examples[1]![1].value.error);
  });

  it.each([
    { name: 'an unknown response', args: ['Nope'] as [string, string?], error: /no shared response components\.responses\.Nope/ },
    { name: 'an unknown example', args: ['NotFound', 'nope'] as [string, string?], error: /no example "nope".*examples: notFound/ },
  ])('names $name', ({ args, error }) => {
    expect(() => responseMessage(doc, ...args)).toThrow(error);
  });

  it('lists every documented error message with where it is documented', () => {
    const all = documentedMessages(operations);
    const notFound = all.find((m) => m.message === responseMessage(doc, 'NotFound'));
    expect(notFound?.where).toEqual(expect.arrayContaining(['getOperator 404', 'deleteRecording 404']));
    for (const op of operations) {
      for (const r of op.responses.filter((x) => /^[45]/.test(x.status))) {
        for (const m of errorMessages(op, r.status))
          expect(all.some((d) => d.message === m && d.where.includes(`${op.operationId} ${r.status}`))).toBe(true);
      }
    }
  });

  it('formats and recognises the malformed-JSON template, and its example fits it', () => {
    const template = messageTemplate(doc, 'MalformedJson');
    expect(template.template).toContain('{detail}');
    const message = template.format({ detail: 'Unexpected token } in JSON at position 7' });
    expect(message.endsWith('Unexpected token } in JSON at position 7')).toBe(true);
    expect(template.matches(message)).toBe(true);
    expect(template.matches(responseMessage(doc, 'MalformedJson'))).toBe(true);
    expect(template.matches('Something else')).toBe(false);
    expect(() => template.format({})).toThrow(/needs a value for \{detail\}/);
  });

  it.each([
    {
      name: 'no template',
      edit: (d: OpenAPIDocument) => delete (d.components!.responses!.MalformedJson as Record<string, unknown>)['x-message-template'],
      error: /no x-message-template/,
    },
    {
      name: 'an example that does not fit',
      edit: (d: OpenAPIDocument) =>
        ((d.components!.responses!.MalformedJson as Record<string, unknown>)['x-message-template'] = 'Bad JSON: {detail}'),
      error: /does not match its x-message-template/,
    },
  ])('refuses a template with $name', ({ edit, error }) => {
    expect(() => messageTemplate(edited(edit), 'MalformedJson')).toThrow(error);
  });
});

describe('request limits', () => {
  const limit = jsonBodyLimit(doc);

  it.each(operations.filter((op) => op.requestBody?.content.some((m) => m.contentType === 'application/json')))(
    '$operationId caps its JSON body with x-max-bytes and documents 413 with the limit in its message',
    (op) => {
      expect(op.requestBody!.content.find((m) => m.contentType === 'application/json')!.maxBytes).toBe(limit);
      const [message] = errorMessages(op, 413);
      expect(message).toBe(responseMessage(doc, 'PayloadTooLarge'));
      expect(message).toContain(formatBytes(limit));
    },
  );

  const readsJson = (op: (typeof operations)[number]) =>
    op.requestBody?.content.some((m) => m.contentType === 'application/json') || op.parameters.some((p) => p.alsoInBody);

  it('operations that read no JSON body document no 413', () => {
    for (const op of operations.filter((o) => !readsJson(o))) expect(op.responses.map((r) => r.status)).not.toContain('413');
  });

  it.each(operations.filter((op) => !op.requestBody && op.parameters.some((p) => p.alsoInBody)))(
    '$operationId reads a query parameter from a JSON body too, so it documents 400 and the 413 of PayloadTooLarge (B27)',
    (op) => {
      expect(op.responses.map((r) => r.status)).toContain('400');
      expect(errorMessages(op, 413)).toEqual([responseMessage(doc, 'PayloadTooLarge')]);
    },
  );

  it('every operation with a request body documents 415 for a body in another media type (B26)', () => {
    for (const op of operations.filter((o) => o.requestBody)) {
      expect(
        op.responses.map((r) => r.status),
        op.operationId,
      ).toContain('415');
    }
    for (const op of operations.filter((o) => !o.requestBody)) {
      expect(
        op.responses.map((r) => r.status),
        op.operationId,
      ).not.toContain('415');
    }
  });

  it.each([
    {
      name: 'a JSON body without x-max-bytes',
      edit: (d: OpenAPIDocument) => delete jsonBody(d, '/operators', 'post')['x-max-bytes'],
      error: /createOperator: .* no x-max-bytes/,
    },
    {
      name: 'two different limits',
      edit: (d: OpenAPIDocument) => (jsonBody(d, '/operators', 'post')['x-max-bytes'] = 2048),
      error: /disagree on x-max-bytes: .*2048 \(createOperator\)/,
    },
  ])('refuses $name', ({ edit, error }) => {
    expect(() => jsonBodyLimit(edited(edit))).toThrow(error);
  });

  it('the largest upload is the largest format limit', () => {
    expect(largestUpload(doc)).toBe(Math.max(...uploadFormats(doc).map((f) => f.maxBytes)));
  });

  it.each([
    { bytes: 1024 * 1024, text: '1 MiB' },
    { bytes: 500 * 1024 * 1024, text: '500 MiB' },
    { bytes: 64 * 1024, text: '64 KiB' },
    { bytes: 1500, text: '1500 bytes' },
  ])('formats $bytes bytes as "$text"', ({ bytes, text }) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
