/**
 * Parameter rules from small spec pairs.
 */
import { describe, expect, it } from 'vitest';
import { InvalidSpecError } from '../errors.js';
import { diffDocs, oneOperation, operationWith, rulesOf, specOf } from '../testing/helpers.js';
import type { Node } from './types.js';

const q = (name: string, extra: Node = {}) => ({ name, in: 'query', schema: { type: 'string' }, ...extra });
const withParams = (...parameters: Node[]) => oneOperation(operationWith({ parameters }));

const cases = [
  {
    name: 'query parameter removed',
    base: [q('a'), q('b', { schema: { type: 'integer' } })],
    head: [q('a')],
    rule: 'parameter-removed',
    severity: 'breaking',
  },
  { name: 'query parameter renamed', base: [q('page')], head: [q('page_number')], rule: 'parameter-renamed', severity: 'breaking' },
  {
    name: 'required parameter added',
    base: [],
    head: [q('a', { required: true })],
    rule: 'required-parameter-added',
    severity: 'breaking',
  },
  { name: 'optional parameter added', base: [], head: [q('a')], rule: 'optional-parameter-added', severity: 'non-breaking' },
  {
    name: 'parameter made required',
    base: [q('a')],
    head: [q('a', { required: true })],
    rule: 'parameter-now-required',
    severity: 'breaking',
  },
  {
    name: 'parameter made optional',
    base: [q('a', { required: true })],
    head: [q('a')],
    rule: 'parameter-now-optional',
    severity: 'non-breaking',
  },
  {
    name: 'parameter serialised differently',
    base: [q('ids')],
    head: [q('ids', { explode: false })],
    rule: 'parameter-serialization-changed',
    severity: 'breaking',
  },
  {
    name: 'parameter type changed',
    base: [q('a')],
    head: [q('a', { schema: { type: 'integer' } })],
    rule: 'type-changed',
    severity: 'breaking',
  },
  {
    name: 'query parameter widened from one value to an array (form, explode)',
    base: [q('status')],
    head: [q('status', { schema: { type: 'array', items: { type: 'string' } } })],
    rule: 'parameter-widened-to-array',
    severity: 'possibly-breaking',
  },
  {
    name: 'empty value no longer allowed',
    base: [q('filter', { allowEmptyValue: true })],
    head: [q('filter')],
    rule: 'parameter-empty-value-refused',
    severity: 'breaking',
  },
  {
    name: 'empty value now allowed',
    base: [q('filter')],
    head: [q('filter', { allowEmptyValue: true })],
    rule: 'parameter-empty-value-allowed',
    severity: 'non-breaking',
  },
  {
    name: 'default serialisation written out',
    base: [q('ids')],
    head: [q('ids', { style: 'form', explode: true })],
    rule: undefined,
    severity: undefined,
  },
  {
    name: 'header name case ignored',
    base: [{ name: 'X-Trace', in: 'header', schema: { type: 'string' } }],
    head: [{ name: 'x-trace', in: 'header', schema: { type: 'string' } }],
    rule: undefined,
    severity: undefined,
  },
];

describe('parameter rules', () => {
  it.each(cases)('$name', ({ base, head, rule, severity }) => {
    expect(rulesOf(diffDocs(withParams(...base), withParams(...head)))).toEqual(rule ? [{ rule, severity }] : []);
  });

  it('says where the parameter is and what happened to it', () => {
    const [c] = diffDocs(withParams(q('page')), withParams(q('page_number'))).changes;
    expect(c).toMatchObject({ where: 'query parameter `page_number`' });
    expect(c!.message).toBe('Query parameter `page` renamed to `page_number`; calls that send the old name lose its effect.');
  });

  it('does not guess a rename when two parameters could be it', () => {
    const diff = diffDocs(withParams(q('a')), withParams(q('b'), q('c')));
    expect(
      rulesOf(diff)
        .map((r) => r.rule)
        .sort(),
    ).toEqual(['optional-parameter-added', 'optional-parameter-added', 'parameter-removed']);
  });

  it('lets an operation parameter override the path item one', () => {
    const doc = (required: boolean) => ({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          parameters: [q('x')],
          get: { operationId: 'getA', parameters: [q('x', { required })], responses: { '200': { description: 'OK' } } },
        },
      },
    });
    expect(rulesOf(diffDocs(doc(false), doc(true)))).toEqual([{ rule: 'parameter-now-required', severity: 'breaking' }]);
  });

  it('still compares the items of a parameter widened to an array', () => {
    const diff = diffDocs(
      withParams(q('status', { schema: { type: 'string', enum: ['a', 'b'] } })),
      withParams(q('status', { schema: { type: 'array', items: { type: 'string', enum: ['a'] } } })),
    );
    expect(rulesOf(diff)).toEqual([
      { rule: 'parameter-widened-to-array', severity: 'possibly-breaking' },
      { rule: 'request-enum-value-removed', severity: 'breaking' },
    ]);
  });

  it('calls an array that is not sent as repeated values (explode false) a type change', () => {
    const diff = diffDocs(
      withParams(q('ids')),
      withParams(q('ids', { explode: false, schema: { type: 'array', items: { type: 'string' } } })),
    );
    expect(rulesOf(diff)).toEqual([
      { rule: 'parameter-serialization-changed', severity: 'breaking' },
      { rule: 'type-changed', severity: 'breaking' },
    ]);
  });

  describe('path parameters missing from the path template', () => {
    const doc = (path: string, names: string[]) =>
      specOf({
        paths: {
          [path]: {
            get: {
              operationId: 'getThing',
              parameters: names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
              responses: { '200': { description: 'OK' } },
            },
          },
        },
      });

    it('reports a declared path parameter the template lacks as an invalid spec', () => {
      const good = doc('/things/{id}', ['id']);
      const bad = doc('/things/{id}', ['id', 'thing_id']);
      expect(() => diffDocs(good, bad)).toThrow(InvalidSpecError);
      expect(() => diffDocs(good, bad)).toThrow(
        'head is not a valid OpenAPI document: GET /things/{id} (getThing) declares path parameter `thing_id`, but its path has no `{thing_id}`.',
      );
      expect(() => diffDocs(bad, good)).toThrow(/^base is not a valid OpenAPI document/);
    });

    it('reports a template name without a declared parameter as an invalid spec', () => {
      expect(() => diffDocs(doc('/things/{id}', ['id']), doc('/things/{id}', []))).toThrow(
        'head is not a valid OpenAPI document: GET /things/{id} (getThing) has `{id}` in its path but declares no path parameter `id`.',
      );
    });
  });
});
