/**
 * A corpus of small spec pairs across every rule family, each with the level this package gives it
 * and, where a widely used checker (oasdiff, https://www.oasdiff.com/docs/breaking-changes) gives a
 * different one, that level too. `corpus.test.ts` checks every verdict and measures the catch rate
 * (pairs the common reading calls breaking that we call breaking) and the false-alarm rate (pairs it
 * calls safe that we call breaking), leaving out the deliberate disagreements the README lists.
 */
import { oneOperation, operationWith, specOf } from './helpers.js';
import type { Node, Severity } from '../diff/types.js';

/** One spec pair with its expected verdict (the highest level of its non-documentation changes). */
export interface CorpusPair {
  name: string;
  base: Node;
  head: Node;
  expected: Severity;
  /** The common reading's level when it differs from `expected` (a deliberate disagreement). */
  common?: Severity;
}

const obj = (properties: Node, required: string[] = []): Node => ({ type: 'object', required, properties });
const str: Node = { type: 'string' };
const int: Node = { type: 'integer' };
const req = (schema: unknown) => oneOperation(operationWith({ request: schema }));
const res = (schema: unknown) => oneOperation(operationWith({ response: schema }));
const params = (...parameters: Node[]) => oneOperation(operationWith({ parameters }));
const q = (name: string, extra: Node = {}): Node => ({ name, in: 'query', schema: str, ...extra });
const qs = (schema: Node, extra: Node = {}) => params(q('p', { schema, ...extra }));
const op = (extra: Node = {}, path = '/things') =>
  specOf({ paths: { [path]: { get: { operationId: 'getThing', responses: { '200': { description: 'OK' } }, ...extra } } } });
const twoOps = (second: Node | undefined) =>
  specOf({
    paths: {
      '/a': { get: { operationId: 'getA', responses: { '200': { description: 'OK' } } } },
      ...(second ? { '/b': { get: { operationId: 'getB', responses: { '200': { description: 'OK' } }, ...second } } } : {}),
    },
  });
const body = (mediaType: string, schema: unknown, required = true) =>
  oneOperation({
    operationId: 'doThing',
    requestBody: { required, content: { [mediaType]: { schema } } },
    responses: { '200': { description: 'OK' } },
  });
const responses = (map: Node) => oneOperation({ operationId: 'doThing', responses: map });
const ok = (schema?: unknown, extra: Node = {}) => ({
  description: 'OK',
  ...(schema ? { content: { 'application/json': { schema } } } : {}),
  ...extra,
});
const secured = (security: unknown[] | undefined, extra: Node = {}) =>
  specOf({
    paths: {
      '/a': {
        get: { operationId: 'getA', responses: { '200': { description: 'OK' } }, ...(security ? { security } : {}), ...extra },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Key' },
        oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://example.test/token', scopes: {} } } },
      },
    },
  });
const hook = (payload: unknown | undefined, extra: Node = {}) =>
  specOf({
    extra: {
      webhooks: {
        ...(payload === undefined
          ? {}
          : {
              callEnded: {
                post: {
                  operationId: 'callEnded',
                  requestBody: { content: { 'application/json': { schema: payload } } },
                  responses: { '200': { description: 'Received' } },
                  ...extra,
                },
              },
            }),
      },
    },
  });
const oneOfPets = (discriminator?: Node) => ({
  oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
  ...(discriminator ? { discriminator } : {}),
});
const pets = (schemaAt: 'request' | 'response', discriminator?: Node) =>
  oneOperation(operationWith({ [schemaAt]: oneOfPets(discriminator) }), {
    schemas: {
      Cat: obj({ kind: str, pet_type: str, meows: { type: 'boolean' } }, ['kind', 'pet_type']),
      Dog: obj({ kind: str, pet_type: str, barks: { type: 'boolean' } }, ['kind', 'pet_type']),
    },
  });
const xmlBody = (schema: unknown, mediaType = 'application/xml') => body(mediaType, schema);

/** The corpus, grouped by rule family. */
export const CORPUS: CorpusPair[] = [
  // Operations
  { name: 'operation removed', base: twoOps({}), head: twoOps(undefined), expected: 'breaking' },
  { name: 'operation added', base: twoOps(undefined), head: twoOps({}), expected: 'non-breaking' },
  {
    name: 'deprecated operation removed',
    base: twoOps({ deprecated: true }),
    head: twoOps(undefined),
    expected: 'breaking',
    common: 'non-breaking',
  },
  { name: 'operation deprecated', base: op(), head: op({ deprecated: true }), expected: 'non-breaking' },
  { name: 'operationId changed', base: op(), head: op({ operationId: 'fetchThing' }), expected: 'breaking', common: 'non-breaking' },
  { name: 'summary and tags changed', base: op(), head: op({ summary: 'New', tags: ['x'] }), expected: 'non-breaking' },
  {
    name: 'server removed',
    base: specOf({ extra: { servers: [{ url: 'https://a.test' }, { url: 'https://b.test' }] } }),
    head: specOf({ extra: { servers: [{ url: 'https://a.test' }] } }),
    expected: 'breaking',
    common: 'non-breaking',
  },
  {
    name: 'path parameter renamed',
    base: op({ parameters: [{ name: 'id', in: 'path', required: true, schema: str }] }, '/things/{id}'),
    head: op({ parameters: [{ name: 'thing_id', in: 'path', required: true, schema: str }] }, '/things/{thing_id}'),
    expected: 'breaking',
    common: 'non-breaking',
  },
  { name: 'callback changed', base: op({ callbacks: { a: {} } }), head: op({ callbacks: { b: {} } }), expected: 'possibly-breaking' },

  // Parameters
  { name: 'query parameter removed', base: params(q('a'), q('b', { schema: int })), head: params(q('a')), expected: 'breaking' },
  { name: 'required query parameter added', base: params(), head: params(q('a', { required: true })), expected: 'breaking' },
  { name: 'optional query parameter added', base: params(), head: params(q('a')), expected: 'non-breaking' },
  { name: 'parameter made required', base: params(q('a')), head: params(q('a', { required: true })), expected: 'breaking' },
  { name: 'parameter made optional', base: params(q('a', { required: true })), head: params(q('a')), expected: 'non-breaking' },
  { name: 'parameter deprecated', base: params(q('a')), head: params(q('a', { deprecated: true })), expected: 'non-breaking' },
  { name: 'parameter type string to integer', base: qs(str), head: qs(int), expected: 'breaking' },
  { name: 'parameter type integer to number', base: qs(int), head: qs({ type: 'number' }), expected: 'non-breaking' },
  { name: 'parameter enum value removed', base: qs({ enum: ['a', 'b'] }), head: qs({ enum: ['a'] }), expected: 'breaking' },
  { name: 'parameter enum value added', base: qs({ enum: ['a'] }), head: qs({ enum: ['a', 'b'] }), expected: 'non-breaking' },
  { name: 'parameter enum introduced', base: qs(str), head: qs({ type: 'string', enum: ['a'] }), expected: 'breaking' },
  {
    name: 'parameter pattern added',
    base: qs(str),
    head: qs({ type: 'string', pattern: '^[a-z]+$' }),
    expected: 'breaking',
  },
  {
    name: 'parameter pattern removed',
    base: qs({ type: 'string', pattern: '^[a-z]+$' }),
    head: qs(str),
    expected: 'non-breaking',
  },
  {
    name: 'parameter pattern emptied',
    base: qs({ type: 'string', pattern: '^[a-z]+$' }),
    head: qs({ type: 'string', pattern: '' }),
    expected: 'non-breaking',
  },
  {
    name: 'parameter pattern changed',
    base: qs({ type: 'string', pattern: '^[a-z]+$' }),
    head: qs({ type: 'string', pattern: '^[a-z0-9]+$' }),
    expected: 'possibly-breaking',
  },
  {
    name: 'parameter pattern changed to match anything',
    base: qs({ type: 'string', pattern: '^[a-z]+$' }),
    head: qs({ type: 'string', pattern: '.*' }),
    expected: 'non-breaking',
  },
  {
    name: 'parameter maxLength decreased',
    base: qs({ type: 'string', maxLength: 10 }),
    head: qs({ type: 'string', maxLength: 5 }),
    expected: 'breaking',
  },
  {
    name: 'parameter maxLength increased',
    base: qs({ type: 'string', maxLength: 5 }),
    head: qs({ type: 'string', maxLength: 10 }),
    expected: 'non-breaking',
  },
  { name: 'parameter maximum added', base: qs(int), head: qs({ type: 'integer', maximum: 100 }), expected: 'breaking' },
  { name: 'parameter minimum removed', base: qs({ type: 'integer', minimum: 1 }), head: qs(int), expected: 'non-breaking' },
  {
    name: 'parameter maxItems decreased',
    base: qs({ type: 'array', items: str, maxItems: 10 }),
    head: qs({ type: 'array', items: str, maxItems: 5 }),
    expected: 'breaking',
  },
  {
    name: 'parameter default changed',
    base: qs({ type: 'integer', default: 20 }),
    head: qs({ type: 'integer', default: 50 }),
    expected: 'breaking',
    common: 'non-breaking',
  },
  { name: 'parameter serialisation changed', base: params(q('ids')), head: params(q('ids', { explode: false })), expected: 'breaking' },
  {
    name: 'header parameter name case changed',
    base: params({ name: 'X-Trace', in: 'header', schema: str }),
    head: params({ name: 'x-trace', in: 'header', schema: str }),
    expected: 'non-breaking',
  },
  {
    name: 'query parameter widened from one value to an array (form, explode)',
    base: qs(str),
    head: qs({ type: 'array', items: str }),
    expected: 'possibly-breaking',
    common: 'non-breaking',
  },
  {
    name: 'query parameter widened to an array without explode',
    base: qs(str),
    head: qs({ type: 'array', items: str }, { explode: false }),
    expected: 'breaking',
  },
  {
    name: 'x-extensible-enum value removed from a parameter',
    base: qs({ type: 'string', 'x-extensible-enum': ['a', 'b'] }),
    head: qs({ type: 'string', 'x-extensible-enum': ['a'] }),
    expected: 'breaking',
  },
  {
    name: 'x-extensible-enum value added to a parameter',
    base: qs({ type: 'string', 'x-extensible-enum': ['a'] }),
    head: qs({ type: 'string', 'x-extensible-enum': ['a', 'b'] }),
    expected: 'non-breaking',
  },

  // Request bodies
  {
    name: 'required request body added',
    base: op(),
    head: op({ requestBody: { required: true, content: { 'application/json': { schema: str } } } }),
    expected: 'breaking',
  },
  {
    name: 'optional request body added',
    base: op(),
    head: op({ requestBody: { content: { 'application/json': { schema: str } } } }),
    expected: 'non-breaking',
  },
  {
    name: 'request body made required',
    base: body('application/json', str, false),
    head: body('application/json', str),
    expected: 'breaking',
  },
  {
    name: 'request body made optional',
    base: body('application/json', str),
    head: body('application/json', str, false),
    expected: 'non-breaking',
  },
  {
    name: 'request media type removed',
    base: oneOperation({
      operationId: 'doThing',
      requestBody: { content: { 'application/json': { schema: str }, 'text/plain': { schema: str } } },
      responses: {},
    }),
    head: oneOperation({ operationId: 'doThing', requestBody: { content: { 'application/json': { schema: str } } }, responses: {} }),
    expected: 'breaking',
  },
  {
    name: 'request media type added',
    base: oneOperation({ operationId: 'doThing', requestBody: { content: { 'application/json': { schema: str } } }, responses: {} }),
    head: oneOperation({
      operationId: 'doThing',
      requestBody: { content: { 'application/json': { schema: str }, 'text/plain': { schema: str } } },
      responses: {},
    }),
    expected: 'non-breaking',
  },
  { name: 'request body removed', base: body('application/json', str), head: op({}, '/things'), expected: 'breaking' },

  // Schemas in requests
  { name: 'required request property added', base: req(obj({ a: str })), head: req(obj({ a: str, b: str }, ['b'])), expected: 'breaking' },
  { name: 'optional request property added', base: req(obj({ a: str })), head: req(obj({ a: str, b: str })), expected: 'non-breaking' },
  {
    name: 'required read-only request property added',
    base: req(obj({ a: str })),
    head: req(obj({ a: str, id: { type: 'string', readOnly: true } }, ['id'])),
    expected: 'non-breaking',
  },
  {
    name: 'request property removed',
    base: req(obj({ a: str, b: str })),
    head: req(obj({ a: str })),
    expected: 'breaking',
    common: 'possibly-breaking',
  },
  {
    name: 'request property made read-only',
    base: req(obj({ a: str, b: str })),
    head: req(obj({ a: str, b: { type: 'string', readOnly: true } })),
    expected: 'breaking',
    common: 'non-breaking',
  },
  { name: 'request property made required', base: req(obj({ a: str })), head: req(obj({ a: str }, ['a'])), expected: 'breaking' },
  { name: 'request property made optional', base: req(obj({ a: str }, ['a'])), head: req(obj({ a: str })), expected: 'non-breaking' },
  { name: 'request type number to integer', base: req(obj({ a: { type: 'number' } })), head: req(obj({ a: int })), expected: 'breaking' },
  {
    name: 'request type integer to number',
    base: req(obj({ a: int })),
    head: req(obj({ a: { type: 'number' } })),
    expected: 'non-breaking',
  },
  {
    name: 'request enum value removed',
    base: req(obj({ a: { enum: ['x', 'y'] } })),
    head: req(obj({ a: { enum: ['x'] } })),
    expected: 'breaking',
  },
  {
    name: 'request enum value added',
    base: req(obj({ a: { enum: ['x'] } })),
    head: req(obj({ a: { enum: ['x', 'y'] } })),
    expected: 'non-breaking',
  },
  {
    name: 'request property no longer nullable',
    base: req(obj({ a: { type: ['string', 'null'] } })),
    head: req(obj({ a: str })),
    expected: 'breaking',
  },
  {
    name: 'request property made nullable',
    base: req(obj({ a: str })),
    head: req(obj({ a: { type: ['string', 'null'] } })),
    expected: 'non-breaking',
  },
  {
    name: 'request maxLength decreased',
    base: req(obj({ a: { type: 'string', maxLength: 10 } })),
    head: req(obj({ a: { type: 'string', maxLength: 5 } })),
    expected: 'breaking',
  },
  {
    name: 'request maxLength removed',
    base: req(obj({ a: { type: 'string', maxLength: 10 } })),
    head: req(obj({ a: str })),
    expected: 'non-breaking',
  },
  {
    name: 'request minItems increased',
    base: req({ type: 'array', items: str, minItems: 1 }),
    head: req({ type: 'array', items: str, minItems: 2 }),
    expected: 'breaking',
  },
  {
    name: 'request pattern removed',
    base: req(obj({ a: { type: 'string', pattern: '^[0-9]+$' } })),
    head: req(obj({ a: str })),
    expected: 'non-breaking',
  },
  {
    name: 'request pattern changed',
    base: req(obj({ a: { type: 'string', pattern: '^[0-9]+$' } })),
    head: req(obj({ a: { type: 'string', pattern: '^[0-9a-f]+$' } })),
    expected: 'possibly-breaking',
  },
  {
    name: 'request format added',
    base: req(obj({ a: str })),
    head: req(obj({ a: { type: 'string', format: 'email' } })),
    expected: 'breaking',
  },
  {
    name: 'request format int32 to int64',
    base: req(obj({ a: { type: 'integer', format: 'int32' } })),
    head: req(obj({ a: { type: 'integer', format: 'int64' } })),
    expected: 'non-breaking',
  },
  {
    name: 'request format int64 to int32',
    base: req(obj({ a: { type: 'integer', format: 'int64' } })),
    head: req(obj({ a: { type: 'integer', format: 'int32' } })),
    expected: 'breaking',
  },
  {
    name: 'request multipleOf tightened',
    base: req(obj({ a: { type: 'integer', multipleOf: 2 } })),
    head: req(obj({ a: { type: 'integer', multipleOf: 4 } })),
    expected: 'breaking',
  },
  {
    name: 'request multipleOf loosened',
    base: req(obj({ a: { type: 'integer', multipleOf: 4 } })),
    head: req(obj({ a: { type: 'integer', multipleOf: 2 } })),
    expected: 'non-breaking',
  },
  {
    name: 'request uniqueItems added',
    base: req({ type: 'array', items: str }),
    head: req({ type: 'array', items: str, uniqueItems: true }),
    expected: 'breaking',
  },
  {
    name: 'request closed to extra properties',
    base: req(obj({ a: str })),
    head: req({ ...obj({ a: str }), additionalProperties: false }),
    expected: 'breaking',
  },
  { name: 'request variant removed', base: req({ oneOf: [str, int] }), head: req({ oneOf: [str] }), expected: 'breaking' },
  {
    name: 'request variant added',
    base: req({ oneOf: [str, int] }),
    head: req({ oneOf: [str, int, { type: 'boolean' }] }),
    expected: 'non-breaking',
  },
  {
    name: 'request discriminator added',
    base: pets('request'),
    head: pets('request', { propertyName: 'pet_type' }),
    expected: 'non-breaking',
  },
  {
    name: 'request discriminator removed',
    base: pets('request', { propertyName: 'pet_type' }),
    head: pets('request'),
    expected: 'non-breaking',
  },
  {
    name: 'request discriminator renamed',
    base: pets('request', { propertyName: 'pet_type' }),
    head: pets('request', { propertyName: 'kind' }),
    expected: 'possibly-breaking',
    common: 'non-breaking',
  },
  {
    name: 'request x-extensible-enum value removed',
    base: req(obj({ a: { type: 'string', 'x-extensible-enum': ['x', 'y'] } })),
    head: req(obj({ a: { type: 'string', 'x-extensible-enum': ['x'] } })),
    expected: 'breaking',
  },
  {
    name: 'XML request element renamed',
    base: xmlBody({ ...obj({ a: str }), xml: { name: 'thing' } }),
    head: xmlBody({ ...obj({ a: str }), xml: { name: 'item' } }),
    expected: 'breaking',
  },
  {
    name: 'XML request property moved to an attribute',
    base: xmlBody(obj({ a: str })),
    head: xmlBody(obj({ a: { type: 'string', xml: { attribute: true } } })),
    expected: 'breaking',
  },
  {
    name: 'XML name changed in a JSON body',
    base: body('application/json', { ...obj({ a: str }), xml: { name: 'thing' } }),
    head: body('application/json', { ...obj({ a: str }), xml: { name: 'item' } }),
    expected: 'non-breaking',
  },
  {
    name: 'XML request property made nullable',
    base: xmlBody(obj({ a: str })),
    head: xmlBody(obj({ a: { type: ['string', 'null'] } })),
    expected: 'non-breaking',
  },

  // Responses
  { name: 'success status removed', base: responses({ '200': ok(), '201': ok() }), head: responses({ '200': ok() }), expected: 'breaking' },
  { name: 'success status changed', base: responses({ '200': ok() }), head: responses({ '201': ok() }), expected: 'breaking' },
  {
    name: 'success status added',
    base: responses({ '200': ok() }),
    head: responses({ '200': ok(), '202': ok() }),
    expected: 'non-breaking',
  },
  {
    name: 'error status removed',
    base: responses({ '200': ok(), '404': ok() }),
    head: responses({ '200': ok() }),
    expected: 'non-breaking',
  },
  { name: 'error status added', base: responses({ '200': ok() }), head: responses({ '200': ok(), '404': ok() }), expected: 'non-breaking' },
  { name: 'response body removed', base: responses({ '200': ok(str) }), head: responses({ '200': ok() }), expected: 'breaking' },
  { name: 'response body added', base: responses({ '200': ok() }), head: responses({ '200': ok(str) }), expected: 'non-breaking' },
  {
    name: 'response media type removed',
    base: responses({ '200': { description: 'OK', content: { 'application/json': { schema: str }, 'text/csv': { schema: str } } } }),
    head: responses({ '200': ok(str) }),
    expected: 'breaking',
  },
  {
    name: 'response media type added',
    base: responses({ '200': ok(str) }),
    head: responses({ '200': { description: 'OK', content: { 'application/json': { schema: str }, 'text/csv': { schema: str } } } }),
    expected: 'non-breaking',
  },
  {
    name: 'required response header removed',
    base: responses({ '200': ok(undefined, { headers: { 'X-Id': { required: true, schema: str } } }) }),
    head: responses({ '200': ok() }),
    expected: 'breaking',
  },
  {
    name: 'optional response header removed',
    base: responses({ '200': ok(undefined, { headers: { 'X-Id': { schema: str } } }) }),
    head: responses({ '200': ok() }),
    expected: 'possibly-breaking',
  },
  {
    name: 'response header made optional',
    base: responses({ '200': ok(undefined, { headers: { 'X-Id': { required: true, schema: str } } }) }),
    head: responses({ '200': ok(undefined, { headers: { 'X-Id': { schema: str } } }) }),
    expected: 'breaking',
  },
  {
    name: 'response header added',
    base: responses({ '200': ok() }),
    head: responses({ '200': ok(undefined, { headers: { 'X-Id': { required: true, schema: str } } }) }),
    expected: 'non-breaking',
  },
  {
    name: 'required response property removed',
    base: res(obj({ a: str, b: str }, ['a', 'b'])),
    head: res(obj({ a: str }, ['a'])),
    expected: 'breaking',
  },
  {
    name: 'optional response property removed',
    base: res(obj({ a: str, b: str })),
    head: res(obj({ a: str })),
    expected: 'breaking',
    common: 'possibly-breaking',
  },
  {
    name: 'write-only response property removed',
    base: res(obj({ a: str, secret: { type: 'string', writeOnly: true } })),
    head: res(obj({ a: str })),
    expected: 'non-breaking',
  },
  {
    name: 'required response property made write-only',
    base: res(obj({ a: str, b: str }, ['a', 'b'])),
    head: res(obj({ a: str, b: { type: 'string', writeOnly: true } }, ['a', 'b'])),
    expected: 'breaking',
    common: 'non-breaking',
  },
  { name: 'response property added', base: res(obj({ a: str })), head: res(obj({ a: str, b: str })), expected: 'non-breaking' },
  { name: 'response property made optional', base: res(obj({ a: str }, ['a'])), head: res(obj({ a: str })), expected: 'breaking' },
  { name: 'response property made required', base: res(obj({ a: str })), head: res(obj({ a: str }, ['a'])), expected: 'non-breaking' },
  { name: 'response type widened', base: res(obj({ a: int })), head: res(obj({ a: { type: 'number' } })), expected: 'breaking' },
  { name: 'response type narrowed', base: res(obj({ a: { type: 'number' } })), head: res(obj({ a: int })), expected: 'non-breaking' },
  { name: 'response type string to integer', base: res(obj({ a: str })), head: res(obj({ a: int })), expected: 'breaking' },
  {
    name: 'response property may be null',
    base: res(obj({ a: str })),
    head: res(obj({ a: { type: ['string', 'null'] } })),
    expected: 'breaking',
  },
  {
    name: 'response property no longer null',
    base: res(obj({ a: { type: ['string', 'null'] } })),
    head: res(obj({ a: str })),
    expected: 'non-breaking',
  },
  {
    name: 'response enum value added',
    base: res(obj({ a: { enum: ['x'] } })),
    head: res(obj({ a: { enum: ['x', 'y'] } })),
    expected: 'breaking',
    common: 'possibly-breaking',
  },
  {
    name: 'response enum value removed',
    base: res(obj({ a: { enum: ['x', 'y'] } })),
    head: res(obj({ a: { enum: ['x'] } })),
    expected: 'non-breaking',
  },
  {
    name: 'response x-extensible-enum value added',
    base: res(obj({ a: { type: 'string', 'x-extensible-enum': ['x'] } })),
    head: res(obj({ a: { type: 'string', 'x-extensible-enum': ['x', 'y'] } })),
    expected: 'non-breaking',
  },
  {
    name: 'response maxLength increased',
    base: res(obj({ a: { type: 'string', maxLength: 5 } })),
    head: res(obj({ a: { type: 'string', maxLength: 10 } })),
    expected: 'breaking',
  },
  {
    name: 'response maxLength decreased',
    base: res(obj({ a: { type: 'string', maxLength: 10 } })),
    head: res(obj({ a: { type: 'string', maxLength: 5 } })),
    expected: 'non-breaking',
  },
  {
    name: 'response maxLength removed',
    base: res(obj({ a: { type: 'string', maxLength: 10 } })),
    head: res(obj({ a: str })),
    expected: 'breaking',
  },
  {
    name: 'response minItems decreased',
    base: res({ type: 'array', items: str, minItems: 2 }),
    head: res({ type: 'array', items: str, minItems: 1 }),
    expected: 'breaking',
  },
  {
    name: 'response pattern added',
    base: res(obj({ a: str })),
    head: res(obj({ a: { type: 'string', pattern: '^[a-z]+$' } })),
    expected: 'non-breaking',
  },
  {
    name: 'response format changed',
    base: res(obj({ a: { type: 'string', format: 'date' } })),
    head: res(obj({ a: { type: 'string', format: 'date-time' } })),
    expected: 'breaking',
  },
  {
    name: 'response variant added',
    base: res({ oneOf: [str, int] }),
    head: res({ oneOf: [str, int, { type: 'boolean' }] }),
    expected: 'breaking',
  },
  { name: 'response variant removed', base: res({ oneOf: [str, int] }), head: res({ oneOf: [str] }), expected: 'non-breaking' },
  {
    name: 'response discriminator added',
    base: pets('response'),
    head: pets('response', { propertyName: 'pet_type' }),
    expected: 'non-breaking',
  },
  {
    name: 'response discriminator removed',
    base: pets('response', { propertyName: 'pet_type' }),
    head: pets('response'),
    expected: 'possibly-breaking',
    common: 'non-breaking',
  },
  {
    name: 'response discriminator renamed',
    base: pets('response', { propertyName: 'pet_type' }),
    head: pets('response', { propertyName: 'kind' }),
    expected: 'possibly-breaking',
    common: 'non-breaking',
  },
  {
    name: 'XML response element renamed',
    base: responses({
      '200': { description: 'OK', content: { 'application/xml': { schema: { ...obj({ a: str }), xml: { name: 'thing' } } } } },
    }),
    head: responses({
      '200': { description: 'OK', content: { 'application/xml': { schema: { ...obj({ a: str }), xml: { name: 'item' } } } } },
    }),
    expected: 'breaking',
  },

  // Security
  {
    name: 'authentication now required',
    base: secured(undefined),
    head: secured([{ bearerAuth: [] }]),
    expected: 'breaking',
    common: 'non-breaking',
  },
  { name: 'authentication no longer required', base: secured([{ bearerAuth: [] }]), head: secured([]), expected: 'non-breaking' },
  {
    name: 'a way to authenticate removed',
    base: secured([{ bearerAuth: [] }, { apiKey: [] }]),
    head: secured([{ bearerAuth: [] }]),
    expected: 'breaking',
  },
  {
    name: 'a way to authenticate added',
    base: secured([{ bearerAuth: [] }]),
    head: secured([{ bearerAuth: [] }, { apiKey: [] }]),
    expected: 'non-breaking',
  },
  { name: 'scope added', base: secured([{ oauth: ['read'] }]), head: secured([{ oauth: ['read', 'write'] }]), expected: 'breaking' },
  {
    name: 'permission changed',
    base: secured([{ apiKey: [] }], { 'x-permission': 'calls:read' }),
    head: secured([{ apiKey: [] }], { 'x-permission': 'calls:admin' }),
    expected: 'breaking',
    common: 'non-breaking',
  },

  // Components
  {
    name: 'unused component schema removed',
    base: specOf({ components: { schemas: { A: str, B: int } } }),
    head: specOf({ components: { schemas: { A: str } } }),
    expected: 'breaking',
    common: 'non-breaking',
  },
  {
    name: 'component schema added',
    base: specOf({ components: { schemas: { A: str } } }),
    head: specOf({ components: { schemas: { A: str, B: int } } }),
    expected: 'non-breaking',
  },

  // Webhooks
  { name: 'webhook removed', base: hook(obj({ id: str })), head: hook(undefined), expected: 'breaking' },
  { name: 'webhook added', base: hook(undefined), head: hook(obj({ id: str })), expected: 'non-breaking' },
  {
    name: 'webhook payload field removed',
    base: hook(obj({ id: str, at: str }, ['id', 'at'])),
    head: hook(obj({ id: str }, ['id'])),
    expected: 'breaking',
  },
  { name: 'webhook payload field added', base: hook(obj({ id: str })), head: hook(obj({ id: str, at: str })), expected: 'non-breaking' },
  {
    name: 'webhook payload enum value added',
    base: hook(obj({ s: { enum: ['a'] } })),
    head: hook(obj({ s: { enum: ['a', 'b'] } })),
    expected: 'breaking',
  },
];
