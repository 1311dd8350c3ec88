/** Every example in the spec validates against the schema it illustrates. */
import { describe, expect, it } from 'vitest';
import { createValidator, loadSpec, resolveRef, type JsonSchema } from './index.js';

const doc = loadSpec();
const validator = createValidator(doc);

interface ExampleCase {
  name: string;
  schema: JsonSchema;
  value: unknown;
}

const cases: ExampleCase[] = [];
for (const op of validator.operations) {
  for (const p of op.parameters) {
    for (const ex of p.examples) {
      cases.push({ name: `${op.operationId} parameter ${p.name} (${ex.name})`, schema: p.schema!, value: ex.value });
    }
  }
  for (const media of op.requestBody?.content ?? []) {
    for (const ex of media.examples) {
      cases.push({ name: `${op.operationId} request ${media.contentType} (${ex.name})`, schema: media.schema!, value: ex.value });
    }
  }
  for (const r of op.responses) {
    for (const media of r.content) {
      for (const ex of media.examples) {
        cases.push({ name: `${op.operationId} ${r.status} (${ex.name})`, schema: media.schema!, value: ex.value });
      }
    }
  }
}
for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
  const values = typeof schema === 'object' ? ((schema as { examples?: unknown[] }).examples ?? []) : [];
  values.forEach((value, i) =>
    cases.push({ name: `schema ${name} examples[${i}]`, schema: { $ref: `#/components/schemas/${name}` }, value }),
  );
  const props = typeof schema === 'object' ? ((schema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {}) : {};
  for (const [prop, propSchema] of Object.entries(props)) {
    ((propSchema.examples as unknown[]) ?? []).forEach((value, i) =>
      cases.push({ name: `schema ${name}.${prop} examples[${i}]`, schema: propSchema as JsonSchema, value }),
    );
  }
}
for (const [name, header] of Object.entries(doc.components?.headers ?? {})) {
  const h = resolveRef<{ schema: JsonSchema; example?: unknown }>(doc, header);
  if ('example' in h) cases.push({ name: `header ${name} example`, schema: h.schema, value: h.example });
}

describe('spec examples', () => {
  it('has examples to check', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  it.each(cases)('$name validates', ({ schema, value }) => {
    const result = validator.validate(schema, value);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('every operation has a success example and an example on every documented response body', () => {
    const missing = validator.operations.flatMap((op) =>
      op.responses.filter((r) => r.content.some((m) => m.examples.length === 0)).map((r) => `${op.operationId} ${r.status}`),
    );
    expect(missing).toEqual([]);
  });
});
