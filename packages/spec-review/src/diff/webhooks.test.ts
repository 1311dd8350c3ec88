/**
 * Webhook rules from small spec pairs: the payload is read by subscribers (compared like a
 * response), their answer is accepted by the API (compared like a request).
 */
import { describe, expect, it } from 'vitest';
import { diffDocs, rulesOf, specOf } from '../testing/helpers.js';
import type { Node } from './types.js';

const str = { type: 'string' };
const event = (properties: Node, required: string[] = []) => ({ type: 'object', required, properties });
const hooks = (webhooks: Node) => specOf({ extra: { webhooks } });
const callEnded = (payload: unknown, extra: Node = {}) => ({
  callEnded: {
    post: {
      operationId: 'callEnded',
      requestBody: { content: { 'application/json': { schema: payload } } },
      responses: { '200': { description: 'Received' } },
      ...extra,
    },
  },
});

const cases = [
  { name: 'webhook removed', base: callEnded(event({ id: str })), head: {}, rule: 'webhook-removed', severity: 'breaking' },
  { name: 'webhook added', base: {}, head: callEnded(event({ id: str })), rule: 'webhook-added', severity: 'non-breaking' },
  {
    name: 'payload field removed',
    base: callEnded(event({ id: str, at: str }, ['id', 'at'])),
    head: callEnded(event({ id: str }, ['id'])),
    rule: 'response-property-removed',
    severity: 'breaking',
  },
  {
    name: 'payload field added',
    base: callEnded(event({ id: str })),
    head: callEnded(event({ id: str, at: str })),
    rule: 'response-property-added',
    severity: 'non-breaking',
  },
  {
    name: 'payload enum value added',
    base: callEnded(event({ status: { enum: ['done'] } })),
    head: callEnded(event({ status: { enum: ['done', 'failed'] } })),
    rule: 'response-enum-value-added',
    severity: 'breaking',
  },
  {
    name: 'payload sent in another media type too',
    base: callEnded(str),
    head: {
      callEnded: {
        post: {
          operationId: 'callEnded',
          requestBody: { content: { 'application/json': { schema: str }, 'application/xml': { schema: str } } },
          responses: { '200': { description: 'Received' } },
        },
      },
    },
    rule: 'webhook-payload-media-type-added',
    severity: 'breaking',
  },
  {
    name: 'signature header no longer sent',
    base: callEnded(str, { parameters: [{ name: 'X-Signature', in: 'header', required: true, schema: str }] }),
    head: callEnded(str),
    rule: 'webhook-parameter-removed',
    severity: 'breaking',
  },
  {
    name: 'success answer no longer documented',
    base: callEnded(str, { responses: { '200': { description: 'OK' }, '204': { description: 'OK' } } }),
    head: callEnded(str, { responses: { '200': { description: 'OK' } } }),
    rule: 'webhook-success-status-removed',
    severity: 'breaking',
  },
  {
    name: 'answer field made required (the API accepts less)',
    base: callEnded(str, { responses: { '200': { description: 'OK', content: { 'application/json': { schema: event({ ok: str }) } } } } }),
    head: callEnded(str, {
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: event({ ok: str }, ['ok']) } } } },
    }),
    rule: 'request-property-now-required',
    severity: 'breaking',
  },
];

describe('webhook rules', () => {
  it.each(cases)('$name', ({ base, head, rule, severity }) => {
    expect(rulesOf(diffDocs(hooks(base), hooks(head)))).toEqual([{ rule, severity }]);
  });

  it('names the webhook and the place in it', () => {
    const diff = diffDocs(hooks(callEnded(event({ id: str, at: str }))), hooks(callEnded(event({ id: str }))));
    expect(diff.changes[0]).toMatchObject({
      family: 'schemas',
      operation: { method: 'POST', path: 'webhook callEnded', operationId: 'callEnded' },
      where: 'webhook payload (application/json)',
      path: 'at',
    });
  });

  it('reports a removed webhook instead of "no changes"', () => {
    const diff = diffDocs(hooks(callEnded(str)), hooks({}));
    expect(diff.breaking).toBe(1);
    expect(diff.changes[0]!.message).toBe('Webhook removed; subscribers stop receiving this event.');
  });
});
