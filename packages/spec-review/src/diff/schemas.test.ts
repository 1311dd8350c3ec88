/**
 * Schema rules from small spec pairs: properties, required, types, null, items, extra properties,
 * variants; allOf and `$ref` refactors that change nothing must report nothing.
 */
import { describe, expect, it } from 'vitest';
import { diffDocs, oneOperation, operationWith, rulesOf } from '../testing/helpers.js';
import { isXmlMediaType } from './schemas.js';
import type { Node } from './types.js';

const obj = (properties: Node, required: string[] = []) => ({ type: 'object', required, properties });
const str = { type: 'string' };
const req = (schema: unknown) => oneOperation(operationWith({ request: schema }));
const res = (schema: unknown) => oneOperation(operationWith({ response: schema }));

const cases = [
  // Request bodies: what the server still accepts.
  {
    name: 'optional request field added',
    spec: req,
    base: obj({ a: str }),
    head: obj({ a: str, b: str }),
    rule: 'request-optional-property-added',
    severity: 'non-breaking',
  },
  {
    name: 'required request field added',
    spec: req,
    base: obj({ a: str }),
    head: obj({ a: str, b: str }, ['b']),
    rule: 'request-required-property-added',
    severity: 'breaking',
  },
  {
    name: 'request field made required',
    spec: req,
    base: obj({ a: str }),
    head: obj({ a: str }, ['a']),
    rule: 'request-property-now-required',
    severity: 'breaking',
  },
  {
    name: 'request field made optional',
    spec: req,
    base: obj({ a: str }, ['a']),
    head: obj({ a: str }),
    rule: 'request-property-now-optional',
    severity: 'non-breaking',
  },
  {
    name: 'request field removed',
    spec: req,
    base: obj({ a: str, b: str }),
    head: obj({ a: str }),
    rule: 'request-property-removed',
    severity: 'breaking',
  },
  {
    name: 'request type changed',
    spec: req,
    base: obj({ a: str }),
    head: obj({ a: { type: 'integer' } }),
    rule: 'type-changed',
    severity: 'breaking',
  },
  {
    name: 'request type widened',
    spec: req,
    base: obj({ a: { type: 'integer' } }),
    head: obj({ a: { type: 'number' } }),
    rule: 'request-type-widened',
    severity: 'non-breaking',
  },
  {
    name: 'request null no longer accepted',
    spec: req,
    base: obj({ a: { type: ['string', 'null'] } }),
    head: obj({ a: str }),
    rule: 'request-null-no-longer-accepted',
    severity: 'breaking',
  },
  {
    name: 'request null now accepted',
    spec: req,
    base: obj({ a: str }),
    head: obj({ a: { type: ['string', 'null'] } }),
    rule: 'request-null-accepted',
    severity: 'non-breaking',
  },
  {
    name: 'request closed to extra fields',
    spec: req,
    base: obj({ a: str }),
    head: { ...obj({ a: str }), additionalProperties: false },
    rule: 'request-closed',
    severity: 'breaking',
  },
  {
    name: 'request variant removed',
    spec: req,
    base: { oneOf: [obj({ a: str }), obj({ b: str })] },
    head: { oneOf: [obj({ a: str })] },
    rule: 'request-variant-removed',
    severity: 'breaking',
  },
  {
    name: 'request variant added',
    spec: req,
    base: { oneOf: [obj({ a: str })] },
    head: { oneOf: [obj({ a: str }), obj({ b: str })] },
    rule: 'request-variant-added',
    severity: 'non-breaking',
  },
  // Responses: what clients may now read.
  {
    name: 'response field removed',
    spec: res,
    base: obj({ a: str, b: str }, ['a', 'b']),
    head: obj({ a: str }, ['a']),
    rule: 'response-property-removed',
    severity: 'breaking',
  },
  {
    name: 'response field added',
    spec: res,
    base: obj({ a: str }),
    head: obj({ a: str, b: str }),
    rule: 'response-property-added',
    severity: 'non-breaking',
  },
  {
    name: 'response field made optional',
    spec: res,
    base: obj({ a: str }, ['a']),
    head: obj({ a: str }),
    rule: 'response-property-now-optional',
    severity: 'breaking',
  },
  {
    name: 'response field made required',
    spec: res,
    base: obj({ a: str }),
    head: obj({ a: str }, ['a']),
    rule: 'response-property-now-required',
    severity: 'non-breaking',
  },
  {
    name: 'response type changed',
    spec: res,
    base: obj({ a: { type: 'integer' } }),
    head: obj({ a: str }),
    rule: 'type-changed',
    severity: 'breaking',
  },
  {
    name: 'response type narrowed',
    spec: res,
    base: obj({ a: { type: 'number' } }),
    head: obj({ a: { type: 'integer' } }),
    rule: 'response-type-narrowed',
    severity: 'non-breaking',
  },
  {
    name: 'response may now be null',
    spec: res,
    base: obj({ a: str }),
    head: obj({ a: { type: ['string', 'null'] } }),
    rule: 'response-may-be-null',
    severity: 'breaking',
  },
  {
    name: 'response no longer null',
    spec: res,
    base: obj({ a: { anyOf: [str, { type: 'null' }] } }),
    head: obj({ a: str }),
    rule: 'response-no-longer-null',
    severity: 'non-breaking',
  },
  {
    name: 'response variant added',
    spec: res,
    base: { anyOf: [obj({ a: str })] },
    head: { anyOf: [obj({ a: str }), obj({ b: str })] },
    rule: 'response-variant-added',
    severity: 'breaking',
  },
  {
    name: 'array items changed',
    spec: res,
    base: obj({ list: { type: 'array', items: str } }),
    head: obj({ list: { type: 'array', items: { type: 'integer' } } }),
    rule: 'type-changed',
    severity: 'breaking',
  },
  {
    name: 'unanalysed keyword changed',
    spec: req,
    base: obj({ a: { ...str, not: { const: 'x' } } }),
    head: obj({ a: { ...str, not: { const: 'y' } } }),
    rule: 'schema-keyword-changed',
    severity: 'possibly-breaking',
  },
];

describe('schema rules', () => {
  it.each(cases)('$name is $severity', ({ spec, base, head, rule, severity }) => {
    expect(rulesOf(diffDocs(spec(base), spec(head)))).toEqual([{ rule, severity }]);
  });

  it('names the property path through arrays and nested objects', () => {
    const wrap = (item: unknown) => res(obj({ data: { type: 'array', items: item } }, ['data']));
    const diff = diffDocs(wrap(obj({ email: str, name: str }, ['email'])), wrap(obj({ name: str })));
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ path: 'data[].email', where: 'response 200 (application/json)' });
    expect(diff.changes[0]!.message).toContain('`data[].email` removed from the response (it was required)');
  });

  it('reports nothing when a schema is split into allOf parts or moved behind a $ref', () => {
    const flat = obj({ id: { type: 'integer' }, name: str }, ['id', 'name']);
    const split = { allOf: [{ $ref: '#/components/schemas/Base' }, obj({ name: str }, ['name'])] };
    const base = oneOperation(operationWith({ request: flat, response: flat }));
    const head = oneOperation(operationWith({ request: split, response: { $ref: '#/components/schemas/Whole' } }), {
      schemas: { Base: obj({ id: { type: 'integer' } }, ['id']), Whole: flat },
    });
    // Only the new component names show up (the generated types gain them); no schema change.
    expect(rulesOf(diffDocs(base, head))).toEqual([{ rule: 'component-added', severity: 'non-breaking' }]);
  });

  it('reads anyOf [X, null] as a nullable X', () => {
    const base = res(obj({ a: { type: ['integer', 'null'], minimum: 0 } }));
    const head = oneOperation(operationWith({ response: obj({ a: { anyOf: [{ $ref: '#/components/schemas/N' }, { type: 'null' }] } }) }), {
      schemas: { N: { type: 'integer', minimum: 0 } },
    });
    expect(rulesOf(diffDocs(base, head))).toEqual([{ rule: 'component-added', severity: 'non-breaking' }]);
  });

  it('ignores readOnly fields in requests and writeOnly fields in responses', () => {
    const withId = (extra: Node) => obj({ id: { type: 'integer', readOnly: true }, secret: { ...str, writeOnly: true }, ...extra });
    const base = oneOperation(operationWith({ request: withId({}), response: withId({}) }));
    const head = oneOperation(operationWith({ request: obj({}), response: obj({}) }));
    expect(rulesOf(diffDocs(base, head))).toEqual([
      { rule: 'request-property-removed', severity: 'breaking' }, // secret (writeOnly) was sent
      { rule: 'response-property-removed', severity: 'breaking' }, // id (readOnly) was returned
    ]);
  });

  it('matches variants by component name, not position', () => {
    const components = { schemas: { A: obj({ a: str }), B: obj({ b: str }), C: obj({ c: str }) } };
    const variants = (...names: string[]) =>
      oneOperation(operationWith({ request: { anyOf: names.map((n) => ({ $ref: `#/components/schemas/${n}` })) } }), components);
    const diff = diffDocs(variants('A', 'B'), variants('B', 'C'));
    expect(diff.changes.map((c) => c.message)).toEqual([
      'The request body no longer accepts the A shape.',
      'The request body now also accepts the C shape.',
    ]);
  });

  it('terminates on recursive schemas and reports a change inside them once', () => {
    const tree = (leaf: unknown) =>
      oneOperation(operationWith({ response: { $ref: '#/components/schemas/Node' } }), {
        schemas: { Node: obj({ value: leaf, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } }) },
      });
    const diff = diffDocs(tree(str), tree({ type: 'integer' }));
    expect(diff.changes.map((c) => c.path)).toEqual(['value']);
  });

  it('reports description and example edits as documentation only', () => {
    const diff = diffDocs(
      res(obj({ a: { ...str, description: 'old' } })),
      res(obj({ a: { ...str, description: 'new', examples: ['x'] } })),
    );
    expect(diff.changes.map((c) => [c.family, c.rule])).toEqual([
      ['documentation', 'schema-description-changed'],
      ['documentation', 'schema-examples-changed'],
    ]);
    expect(diff.breaking).toBe(0);
  });

  describe('discriminator', () => {
    const pets = (at: 'request' | 'response', discriminator?: Node) =>
      oneOperation(
        operationWith({
          [at]: {
            oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
            ...(discriminator ? { discriminator } : {}),
          },
        }),
        {
          schemas: {
            Cat: obj({ kind: str, pet_type: str }, ['kind', 'pet_type']),
            Dog: obj({ kind: str, pet_type: str }, ['kind', 'pet_type']),
          },
        },
      );
    const byType = { propertyName: 'pet_type' };
    it.each([
      { name: 'added to a request', at: 'request', base: undefined, head: byType, rule: 'discriminator-added', severity: 'non-breaking' },
      { name: 'added to a response', at: 'response', base: undefined, head: byType, rule: 'discriminator-added', severity: 'non-breaking' },
      {
        name: 'removed from a request',
        at: 'request',
        base: byType,
        head: undefined,
        rule: 'discriminator-removed',
        severity: 'non-breaking',
      },
      {
        name: 'removed from a response',
        at: 'response',
        base: byType,
        head: undefined,
        rule: 'discriminator-removed',
        severity: 'possibly-breaking',
      },
      {
        name: 'renamed in a request',
        at: 'request',
        base: byType,
        head: { propertyName: 'kind' },
        rule: 'discriminator-property-changed',
        severity: 'possibly-breaking',
      },
      {
        name: 'renamed in a response',
        at: 'response',
        base: byType,
        head: { propertyName: 'kind' },
        rule: 'discriminator-property-changed',
        severity: 'possibly-breaking',
      },
      {
        name: 'mapping changed',
        at: 'response',
        base: { ...byType, mapping: { cat: '#/components/schemas/Cat' } },
        head: { ...byType, mapping: { feline: '#/components/schemas/Cat' } },
        rule: 'discriminator-mapping-changed',
        severity: 'possibly-breaking',
      },
    ] as const)('$name is $severity', ({ at, base, head, rule, severity }) => {
      expect(rulesOf(diffDocs(pets(at, base), pets(at, head)))).toEqual([{ rule, severity }]);
    });
  });

  describe('XML bodies', () => {
    const xmlOp = (schema: Node, mediaType = 'application/xml') =>
      oneOperation({
        operationId: 'doThing',
        requestBody: { required: true, content: { [mediaType]: { schema } } },
        responses: { '200': { description: 'OK', content: { [mediaType]: { schema } } } },
      });
    const thing = (xml?: Node, fieldXml?: Node) => ({
      ...obj({ id: { ...str, ...(fieldXml ? { xml: fieldXml } : {}) } }),
      ...(xml ? { xml } : {}),
    });

    it('reports a renamed element in requests and responses', () => {
      expect(rulesOf(diffDocs(xmlOp(thing({ name: 'thing' })), xmlOp(thing({ name: 'item' }))))).toEqual([
        { rule: 'xml-name-changed', severity: 'breaking' },
        { rule: 'xml-name-changed', severity: 'breaking' },
      ]);
    });

    it('reports a property moved to an attribute, and says what it means', () => {
      const diff = diffDocs(xmlOp(thing(), 'text/xml'), xmlOp(thing(undefined, { attribute: true }), 'text/xml'));
      expect(rulesOf(diff)).toEqual([
        { rule: 'xml-attribute-changed', severity: 'breaking' },
        { rule: 'xml-attribute-changed', severity: 'breaking' },
      ]);
      expect(diff.changes[0]!.message).toBe(
        'The XML attribute of `id` changed from (default) to `true`; XML documents written for one no longer match the other.',
      );
    });

    it('treats spelling out a default as no change', () => {
      expect(rulesOf(diffDocs(xmlOp(thing()), xmlOp(thing(undefined, { attribute: false }))))).toEqual([]);
    });

    it('ignores the xml keyword in JSON bodies', () => {
      const json = (name: string) => xmlOp(thing({ name }), 'application/json');
      expect(rulesOf(diffDocs(json('thing'), json('item')))).toEqual([]);
    });

    it('recognises XML media types', () => {
      expect(['application/xml', 'text/xml; charset=utf-8', 'application/atom+xml'].map(isXmlMediaType)).toEqual([true, true, true]);
      expect(['application/json', 'application/xml-dtd', 'text/plain'].map(isXmlMediaType)).toEqual([false, false, false]);
    });
  });
});
