/**
 * The sandbox against the spec: the handlers are exactly the spec's operations (and a mismatch
 * stops the start), every documented message the sandbox answers with is one of the spec's
 * examples while its own messages are none of them, the seed's keys have the documented format,
 * and the response check the other tests rely on really rejects undocumented answers.
 */
import { readFileSync } from 'node:fs';
import { listOperations, responseMessage } from '@identitycall/openapi';
import { describe, expect, it } from 'vitest';
import { MESSAGES, PERMISSION_MESSAGES, SANDBOX_MESSAGE_TABLE, malformedJsonMessage } from '../src/errors/messages.js';
import { HANDLERS, checkHandlers, handlerFileOf, mergeHandlers } from '../src/resources/registry.js';
import { loadSeedFile } from '../src/index.js';
import { expectDocumented, spec, validator } from './helpers.js';

/** Every `error` string and `errors` item among the spec's response examples. */
function documentedStrings(): Set<string> {
  const out = new Set<string>();
  for (const op of validator.operations) {
    for (const r of op.responses) {
      for (const media of r.content) {
        for (const ex of media.examples) {
          const v = ex.value as { error?: unknown; errors?: unknown };
          if (typeof v?.error === 'string') out.add(v.error);
          if (Array.isArray(v?.errors)) for (const e of v.errors) if (typeof e === 'string') out.add(e);
        }
      }
    }
  }
  return out;
}

describe('spec coverage', () => {
  const operations = listOperations(spec);

  it('has a handler for every operation of the spec, and none for operations it lacks', () => {
    const ids = operations.map((op) => op.operationId).sort();
    expect(ids.length).toBeGreaterThan(0);
    expect(Object.keys(HANDLERS).sort()).toEqual(ids);
    expect(() => checkHandlers(operations)).not.toThrow();
  });

  it('refuses to start when a spec operation has no handler, or a handler has no operation', () => {
    const id = operations[0]!.operationId;
    const { [id]: handler, ...fewer } = HANDLERS;
    expect(() => checkHandlers(operations, fewer)).toThrow(new RegExp(`no handler for the spec's ${id}\\b`));
    // The message names the file of the operation's tag, which exists, and holds the handler taken away.
    const file = handlerFileOf(operations[0]!);
    expect(() => checkHandlers(operations, fewer)).toThrow(
      `no handler for the spec's ${id} (add a handler to the table in src/resources/${file})`,
    );
    expect(readFileSync(new URL(`../src/resources/${file}`, import.meta.url), 'utf8')).toContain(id);
    expect(() => checkHandlers(operations, { ...HANDLERS, listWebhooks: handler! })).toThrow(
      /handlers for operations the spec does not have: listWebhooks/,
    );
    expect(() => mergeHandlers({ [id]: handler! }, { [id]: handler! })).toThrow(`Two sandbox handlers for operationId "${id}"`);
  });

  it.each(listOperations(spec).map((op) => ({ id: op.operationId, tag: op.tags[0]!, file: handlerFileOf(op) })))(
    'names the file of the tag for a missing handler: $id ($tag) → src/resources/$file',
    ({ id, file }) => {
      expect(readFileSync(new URL(`../src/resources/${file}`, import.meta.url), 'utf8')).toMatch(new RegExp(`\\b${id}\\b`));
    },
  );

  it('says to create the file of a tag that has none yet', () => {
    const op = { ...operations[0]!, operationId: 'listWebhooks', tags: ['Webhook Endpoints'] };
    expect(() => checkHandlers([...operations, op])).toThrow(
      "no handler for the spec's listWebhooks (create src/resources/webhook-endpoints.ts with a table of handlers for its tag and merge it into HANDLERS in src/resources/registry.ts)",
    );
  });

  it.each([...Object.entries(MESSAGES), ...Object.entries(PERMISSION_MESSAGES)])(
    'answers %s with a documented string ("%s")',
    (_name, message) => {
      expect(documentedStrings()).toContain(message);
    },
  );

  it('answers a body over the limit with the PayloadTooLarge example word for word, and malformed JSON by its template', () => {
    expect(MESSAGES.bodyTooLarge).toBe(responseMessage(spec, 'PayloadTooLarge'));
    expect(MESSAGES.bodyTooLarge).toBe('Request body is larger than 1 MiB');
    expect(malformedJsonMessage('Unexpected end of JSON input')).toBe(responseMessage(spec, 'MalformedJson'));
  });

  it.each(Object.entries(SANDBOX_MESSAGE_TABLE))('words its own message %s itself, with a reason', (_name, [message, reason]) => {
    expect(documentedStrings()).not.toContain(message);
    expect(reason.length).toBeGreaterThan(30);
  });

  it('seeds only keys of the documented format', () => {
    const seed = loadSeedFile();
    expect(seed.keys.length).toBeGreaterThanOrEqual(6);
    for (const k of seed.keys) expect(k.key).toMatch(/^idc_[A-Za-z0-9]{32}$/);
  });

  it('serves the base path of the spec server URL', () => {
    expect(new URL(spec.servers![0]!.url).pathname).toBe('/api/v1/public');
  });
});

describe('the response check used by every test', () => {
  const answer = (status: number, body: unknown) => ({
    status,
    body,
    headers: new Headers({ 'content-type': 'application/json' }),
  });

  it('accepts a documented answer', () => {
    expect(() => expectDocumented('DELETE', '/operators/42', answer(200, { success: true }))).not.toThrow();
  });

  it.each([
    { name: 'a wrong field type', method: 'GET', path: '/operators/42', status: 200, body: { data: { id: 'x' } } },
    { name: 'an undocumented status', method: 'GET', path: '/operators/42', status: 418, body: { error: 'teapot' } },
    { name: 'a 5xx', method: 'GET', path: '/operators', status: 500, body: { error: 'Internal server error' } },
    { name: 'a 422 in the wrong envelope', method: 'PATCH', path: '/operators/42', status: 422, body: { error: 'x' } },
  ])('rejects $name', ({ method, path, status, body }) => {
    expect(() => expectDocumented(method, path, answer(status, body))).toThrow();
  });
});
