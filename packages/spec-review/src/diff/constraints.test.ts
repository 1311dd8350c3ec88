/**
 * Validation-keyword rules from small spec pairs: narrower breaks requests, wider breaks responses,
 * another format breaks both, and a pattern changed into another one goes to a reviewer.
 */
import { describe, expect, it } from 'vitest';
import { diffDocs, oneOperation, operationWith, rulesOf } from '../testing/helpers.js';
import type { Node } from './types.js';

const field = (schema: Node) => ({ type: 'object', properties: { name: { type: 'string', ...schema } } });
const req = (schema: Node) => oneOperation(operationWith({ request: field(schema) }));
const res = (schema: Node) => oneOperation(operationWith({ response: field(schema) }));

const cases = [
  {
    name: 'request maxLength lowered',
    spec: req,
    base: { maxLength: 100 },
    head: { maxLength: 50 },
    rule: 'request-max-length-narrower',
    severity: 'breaking',
  },
  {
    name: 'request maxLength raised',
    spec: req,
    base: { maxLength: 50 },
    head: { maxLength: 100 },
    rule: 'request-max-length-wider',
    severity: 'non-breaking',
  },
  { name: 'request minimum added', spec: req, base: {}, head: { minLength: 1 }, rule: 'request-min-length-narrower', severity: 'breaking' },
  {
    name: 'request pattern removed',
    spec: req,
    base: { pattern: '^a' },
    head: {},
    rule: 'request-pattern-wider',
    severity: 'non-breaking',
  },
  {
    name: 'request pattern changed',
    spec: req,
    base: { pattern: '^a' },
    head: { pattern: '^b' },
    rule: 'request-pattern-unknown',
    severity: 'possibly-breaking',
  },
  {
    name: 'request default changed',
    spec: req,
    base: { default: 'a' },
    head: { default: 'b' },
    rule: 'request-default-changed',
    severity: 'breaking',
  },
  {
    name: 'request default documented',
    spec: req,
    base: {},
    head: { default: 'a' },
    rule: 'request-default-documented',
    severity: 'non-breaking',
  },
  {
    name: 'response maxLength raised',
    spec: res,
    base: { maxLength: 50 },
    head: { maxLength: 100 },
    rule: 'response-max-length-wider',
    severity: 'breaking',
  },
  {
    name: 'response maxLength lowered',
    spec: res,
    base: { maxLength: 100 },
    head: { maxLength: 50 },
    rule: 'response-max-length-narrower',
    severity: 'non-breaking',
  },
  {
    name: 'response format changed',
    spec: res,
    base: { format: 'email' },
    head: { format: 'uri' },
    rule: 'response-format-changed',
    severity: 'breaking',
  },
  {
    name: 'request pattern removed',
    spec: req,
    base: { pattern: '^a' },
    head: {},
    rule: 'request-pattern-wider',
    severity: 'non-breaking',
  },
  {
    name: 'request pattern emptied (matches anything)',
    spec: req,
    base: { pattern: '^a' },
    head: { pattern: '' },
    rule: 'request-pattern-wider',
    severity: 'non-breaking',
  },
  {
    name: 'request pattern changed to .*',
    spec: req,
    base: { pattern: '^a' },
    head: { pattern: '.*' },
    rule: 'request-pattern-wider',
    severity: 'non-breaking',
  },
  {
    name: 'response pattern removed',
    spec: res,
    base: { pattern: '^a' },
    head: {},
    rule: 'response-pattern-wider',
    severity: 'breaking',
  },
  {
    name: 'request format int32 to int64',
    spec: req,
    base: { format: 'int32' },
    head: { format: 'int64' },
    rule: 'request-format-wider',
    severity: 'non-breaking',
  },
  {
    name: 'response format int32 to int64',
    spec: res,
    base: { format: 'int32' },
    head: { format: 'int64' },
    rule: 'response-format-wider',
    severity: 'breaking',
  },
  {
    name: 'request multipleOf tightened (2 to 4)',
    spec: req,
    base: { multipleOf: 2 },
    head: { multipleOf: 4 },
    rule: 'request-multiple-of-narrower',
    severity: 'breaking',
  },
  {
    name: 'request multipleOf loosened (4 to 2)',
    spec: req,
    base: { multipleOf: 4 },
    head: { multipleOf: 2 },
    rule: 'request-multiple-of-wider',
    severity: 'non-breaking',
  },
  {
    name: 'request multipleOf changed (2 to 3)',
    spec: req,
    base: { multipleOf: 2 },
    head: { multipleOf: 3 },
    rule: 'request-multiple-of-changed',
    severity: 'breaking',
  },
  {
    name: 'request exclusive minimum turned on (OpenAPI 3.0 boolean)',
    spec: req,
    base: { minimum: 0 },
    head: { minimum: 0, exclusiveMinimum: true },
    rule: 'request-exclusive-minimum-narrower',
    severity: 'breaking',
  },
  {
    name: 'response default changed (ignored)',
    spec: res,
    base: { default: 'a' },
    head: { default: 'b' },
    rule: undefined,
    severity: undefined,
  },
];

describe('constraint rules', () => {
  it.each(cases)('$name', ({ spec, base, head, rule, severity }) => {
    expect(rulesOf(diffDocs(spec(base), spec(head)))).toEqual(rule ? [{ rule, severity }] : []);
  });

  it('says what changed and what it means for the caller', () => {
    const [c] = diffDocs(req({ maxLength: 100 }), req({ maxLength: 50 })).changes;
    expect(c!.message).toBe('`name` maxLength changed from `100` to `50`: calls that were valid may now be rejected.');
  });

  it('reports a removed request pattern as removed, not as changed to an empty one', () => {
    for (const head of [{}, { pattern: '' }]) {
      const [c] = diffDocs(req({ pattern: '^a' }), req(head)).changes;
      expect(c!.message).toBe('`name` no longer has pattern `^a`: the server accepts more values.');
    }
  });

  it('leaves a changed pattern to a reviewer', () => {
    const [c] = diffDocs(req({ pattern: '^a' }), req({ pattern: '^b' })).changes;
    expect(c).toMatchObject({ rule: 'request-pattern-unknown', severity: 'possibly-breaking' });
    expect(c!.message).toContain('cannot be told from the spec');
  });

  it('ignores the default of a parameter that is required before and after', () => {
    const limit = (def: number) =>
      oneOperation(
        operationWith({ parameters: [{ name: 'limit', in: 'query', required: true, schema: { type: 'integer', default: def } }] }),
      );
    expect(rulesOf(diffDocs(limit(20), limit(50)))).toEqual([{ rule: 'request-default-changed', severity: 'non-breaking' }]);
  });

  it('compares numeric bounds of integer query parameters as request constraints', () => {
    const perPage = (max: number) =>
      oneOperation(operationWith({ parameters: [{ name: 'per_page', in: 'query', schema: { type: 'integer', maximum: max } }] }));
    expect(rulesOf(diffDocs(perPage(100), perPage(50)))).toEqual([{ rule: 'request-maximum-narrower', severity: 'breaking' }]);
  });
});
