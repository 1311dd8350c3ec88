/**
 * Generation from the schemas: every generated value is valid for its schema (so positive cases are
 * positive), every mutation is invalid (so negative cases are negative), and a seed gives the same
 * values every time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doc, validator } from '../../test/helpers.js';
import { arbitraryFor, BASE_HINTS, email, phoneNumber, text } from './arbitrary.js';
import { bodyMutations, parameterMutations, typedParam } from './negative.js';

const bodies = validator.operations.flatMap((op) =>
  (op.requestBody?.content ?? [])
    .filter((m) => m.schema !== undefined)
    .map((m) => ({ operationId: op.operationId, contentType: m.contentType, schema: m.schema! })),
);

describe('valid values', () => {
  it.each(bodies)(
    '$operationId ($contentType): generated bodies are mostly valid, and the valid ones are kept',
    ({ operationId, contentType, schema }) => {
      const multipart = contentType === 'multipart/form-data';
      const values = fc.sample(arbitraryFor(doc, schema, BASE_HINTS), { numRuns: 100, seed: 42 });
      const valid = values.filter(
        (v) => validator.validateRequestBody(operationId, multipart ? { ...(v as object), file: 'x' } : v, contentType).valid,
      );
      // The generator follows the schema; the validator filter only removes the rare miss.
      expect(valid.length).toBeGreaterThanOrEqual(90);
    },
  );

  it('generates the same values for the same seed', () => {
    const arb = arbitraryFor(doc, bodies.find((b) => b.operationId === 'createOperator')!.schema, BASE_HINTS);
    expect(fc.sample(arb, { numRuns: 20, seed: 7 })).toEqual(fc.sample(arb, { numRuns: 20, seed: 7 }));
  });

  it('writes human text that is never blank and often not ASCII', () => {
    const samples = fc.sample(text, { numRuns: 200, seed: 3 });
    expect(samples.every((s) => s.trim() !== '')).toBe(true);
    expect(samples.filter((s) => /[^\x00-\x7F]/.test(s)).length).toBeGreaterThan(50);
  });

  it('writes phone numbers with a country code and emails with a domain', () => {
    for (const phone of fc.sample(phoneNumber, { numRuns: 100, seed: 5 }))
      expect(phone.replace(/\D/g, '')).toMatch(/^(1[2-9]\d{9}|3706\d{7})$/);
    for (const address of fc.sample(email, { numRuns: 100, seed: 5 }))
      expect(validator.validate({ type: 'string', format: 'email' }, address).valid).toBe(true);
  });
});

describe('invalid values', () => {
  const jsonBodies = bodies.filter((b) => b.contentType === 'application/json');
  it.each(jsonBodies)('$operationId: every body mutation kept is rejected by the spec', ({ operationId, schema }) => {
    const example = (validator.operation(operationId).requestBody!.content[0]!.examples[0]?.value ?? {}) as Record<string, unknown>;
    const isValid = (body: unknown) => validator.validateRequestBody(operationId, body).valid;
    const kept = bodyMutations(doc, schema, example, isValid);
    expect(kept.length).toBeGreaterThan(2);
    for (const m of kept) expect(isValid(m.value), m.id).toBe(false);
  });

  it('covers wrong types, missing fields, ranges, enums and patterns', () => {
    const schema = (id: string) => bodies.find((b) => b.operationId === id && b.contentType === 'application/json')!.schema;
    const ids = [
      ...bodyMutations(doc, schema('createOperator'), { name: 'A B', phone_number: '+15551234567' }, () => false),
      ...bodyMutations(doc, schema('updateProject'), {}, () => false),
      ...bodyMutations(doc, schema('updateVirtualNumber'), {}, () => false),
    ].map((m) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'body.active:wrong-type',
        'body.name:missing',
        'body.name:pattern',
        'body.email:format',
        'body.quality_baseline_pct:above-maximum',
        'body.routing_strategy:unknown-enum',
        'body:array',
      ]),
    );
  });

  it.each(
    validator.operations.flatMap((op) => op.parameters.filter((p) => p.in !== 'header').map((p) => ({ operationId: op.operationId, p }))),
  )('$operationId $p.in $p.name: every parameter mutation is rejected by its schema', ({ p }) => {
    for (const m of parameterMutations(doc, validator, p))
      expect(validator.validate(p.schema!, typedParam(doc, p, m.value as string)).valid, m.id).toBe(false);
  });
});
