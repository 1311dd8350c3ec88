/**
 * Response rules from small spec pairs.
 */
import { describe, expect, it } from 'vitest';
import { diffDocs, oneOperation, rulesOf } from '../testing/helpers.js';
import type { Node } from './types.js';

const json = (schema: Node = { type: 'object', properties: { id: { type: 'integer' } } }) => ({ 'application/json': { schema } });
const op = (responses: Node) => oneOperation({ operationId: 'create', responses });
const ok = (extra: Node = {}) => ({ description: 'OK', content: json(), ...extra });

const cases = [
  { name: 'success status changed', base: { '200': ok() }, head: { '201': ok() }, rule: 'success-status-changed', severity: 'breaking' },
  {
    name: 'success status removed',
    base: { '200': ok(), '202': ok() },
    head: { '200': ok() },
    rule: 'success-status-removed',
    severity: 'breaking',
  },
  {
    name: 'success status added',
    base: { '201': ok() },
    head: { '200': ok(), '201': ok() },
    rule: 'success-status-added',
    severity: 'non-breaking',
  },
  {
    name: 'error status documented',
    base: { '200': ok() },
    head: { '200': ok(), '404': ok() },
    rule: 'error-status-added',
    severity: 'non-breaking',
  },
  {
    name: 'error status dropped',
    base: { '200': ok(), '404': ok() },
    head: { '200': ok() },
    rule: 'error-status-removed',
    severity: 'non-breaking',
  },
  {
    name: 'body removed',
    base: { '200': ok() },
    head: { '200': { description: 'OK' } },
    rule: 'response-body-removed',
    severity: 'breaking',
  },
  {
    name: 'body added',
    base: { '204': { description: 'No content' } },
    head: { '204': ok() },
    rule: 'response-body-added',
    severity: 'non-breaking',
  },
  {
    name: 'media type removed',
    base: { '200': ok({ content: { ...json(), 'text/csv': { schema: { type: 'string' } } } }) },
    head: { '200': ok() },
    rule: 'response-media-type-removed',
    severity: 'breaking',
  },
  {
    name: 'optional header removed',
    base: { '429': ok({ headers: { 'Retry-After': { schema: { type: 'integer' } } } }) },
    head: { '429': ok() },
    rule: 'response-optional-header-removed',
    severity: 'possibly-breaking',
  },
  {
    name: 'required header removed',
    base: { '200': ok({ headers: { 'X-Id': { required: true, schema: { type: 'string' } } } }) },
    head: { '200': ok() },
    rule: 'response-header-removed',
    severity: 'breaking',
  },
  {
    name: 'media type parameters changed',
    base: { '200': ok({ content: { 'application/json': { schema: { type: 'string' } } } }) },
    head: { '200': ok({ content: { 'application/json; charset=utf-8': { schema: { type: 'string' } } } }) },
    rule: 'response-media-type-parameters-changed',
    severity: 'non-breaking',
  },
  {
    name: 'header made optional',
    base: { '200': ok({ headers: { 'X-Id': { required: true, schema: { type: 'string' } } } }) },
    head: { '200': ok({ headers: { 'x-id': { schema: { type: 'string' } } } }) },
    rule: 'response-header-now-optional',
    severity: 'breaking',
  },
  {
    name: 'links changed (not analysed)',
    base: { '200': ok({ links: { a: { operationId: 'x' } } }) },
    head: { '200': ok({ links: { a: { operationId: 'y' } } }) },
    rule: 'response-field-changed',
    severity: 'possibly-breaking',
  },
  {
    name: 'header added',
    base: { '200': ok() },
    head: { '200': ok({ headers: { 'X-Id': { schema: { type: 'string' } } } }) },
    rule: 'response-header-added',
    severity: 'non-breaking',
  },
];

describe('response rules', () => {
  it.each(cases)('$name', ({ base, head, rule, severity }) => {
    expect(rulesOf(diffDocs(op(base), op(head)))).toEqual([{ rule, severity }]);
  });

  it('compares the bodies of a changed success status as well', () => {
    const diff = diffDocs(op({ '200': ok() }), op({ '201': ok({ content: json({ type: 'object', properties: {} }) }) }));
    expect(rulesOf(diff)).toEqual([
      { rule: 'success-status-changed', severity: 'breaking' },
      { rule: 'response-property-removed', severity: 'breaking' },
    ]);
    expect(diff.changes[0]!.message).toBe(
      'The success status changed from 200 to 201; clients that check for 200 will treat success as failure.',
    );
  });

  it('compares error bodies too: a removed error field breaks clients that read it', () => {
    const error = (properties: Node) => ({
      '200': ok(),
      '404': { description: 'Not found', content: json({ type: 'object', properties }) },
    });
    const diff = diffDocs(op(error({ error: { type: 'string' } })), op(error({ message: { type: 'string' } })));
    expect(diff.changes.map((c) => [c.where, c.rule])).toEqual([
      ['response 404 (application/json)', 'response-property-removed'],
      ['response 404 (application/json)', 'response-property-added'],
    ]);
  });
});
