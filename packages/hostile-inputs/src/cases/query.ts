/**
 * Query parameters: values each parameter's schema refuses (wrong type, out of range, outside the
 * enum, against the pattern), broken percent-escapes, a parameter given twice and a required one
 * left out. Refused with 400 (the Errors page's "invalid request parameters") or 404/422.
 * A scalar parameter given twice is a list in OpenAPI's form style (`page=1&page=2`), which its
 * schema refuses; reading the first or the last would hide the client's bug (B20): 400 or 422.
 * @see ../../../../spec/DECISIONS.md (B20)
 * @see https://spec.openapis.org/oas/v3.1.0#style-values
 */
import { resolveRef, type ParameterInfo } from '@identitycall/openapi';
import type { HostileCase } from '../case.js';
import { exampleValue, pathWith, requiredQuery, type SpecView } from '../spec.js';
import { requestFor } from './valid.js';

/** Values `p`'s schema refuses, read from the schema. */
function badValues(view: SpecView, p: ParameterInfo): Array<{ id: string; raw: string }> {
  const schema =
    resolveRef<{ type?: string; minimum?: number; maximum?: number; enum?: unknown[]; pattern?: string }>(view.doc, p.schema) ?? {};
  const out: Array<{ id: string; raw: string }> = [];
  if (schema.type === 'integer' || schema.type === 'number') {
    out.push({ id: 'not-a-number', raw: 'abc' });
    if (schema.type === 'integer') out.push({ id: 'fraction', raw: '1.5' });
    if (schema.minimum !== undefined) out.push({ id: 'below-minimum', raw: String(schema.minimum - 1) });
    if (schema.maximum !== undefined) out.push({ id: 'above-maximum', raw: String(BigInt(Math.trunc(schema.maximum)) + 1n) });
  }
  if (Array.isArray(schema.enum)) out.push({ id: 'not-in-enum', raw: 'hostile-inputs-not-a-value' });
  if (schema.pattern !== undefined) out.push({ id: 'against-pattern', raw: '!!!' });
  return out;
}

const ESCAPES = [
  { id: 'bad-escape', raw: '%ff' },
  { id: 'truncated-escape', raw: '%E0%A4%A' },
  { id: 'nul', raw: '%00' },
];

/** Every query case. */
export function queryCases(view: SpecView): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const op of view.operations) {
    const params = op.parameters.filter((p) => p.in === 'query');
    for (const p of params) {
      const rest = requiredQuery(view, op, p.name).replace(/^\?/, '&');
      const target = (value: string) => `${pathWith(view, op)}?${encodeURIComponent(p.name)}=${value}${rest}`;
      // `undefined` means any status below 500 (never a default: an argument left undefined would take it).
      const add = (id: string, value: string, title: string, statuses: number[] | undefined) => {
        const request = requestFor(view, op, pathWith(view, op));
        cases.push({
          id: `query.${id}/${op.operationId}/${p.name}`,
          family: 'query',
          operationId: op.operationId,
          title: `${op.operationId}: ${p.name} ${title}: ${statuses ? statuses.join(', ') : 'never a 5xx'}`,
          send: { ...request, path: target(value) },
          expect: { ...(statuses && { statuses }), envelope: true },
        });
      };
      const refused = [400, 404, 422];
      for (const v of badValues(view, p)) add(v.id, encodeURIComponent(v.raw), `= "${v.raw}" (refused by its schema)`, refused);
      // A broken escape cannot spell a value of a constrained parameter.
      const constrained = badValues(view, p).length > 0;
      for (const e of ESCAPES) add(e.id, e.raw, `= "${e.raw}"`, constrained ? refused : undefined);
      const schema = resolveRef<{ type?: string }>(view.doc, p.schema);
      const example = encodeURIComponent(exampleValue(view, p) ?? '1');
      // The same valid value twice: only the repetition is wrong.
      add('twice', `${example}&${encodeURIComponent(p.name)}=${example}`, 'given twice', schema?.type === 'array' ? undefined : [400, 422]);
      if (p.required) {
        cases.push({
          id: `query.missing/${op.operationId}/${p.name}`,
          family: 'query',
          operationId: op.operationId,
          title: `${op.operationId}: required ${p.name} left out: 400, 404 or 422`,
          send: { ...requestFor(view, op, pathWith(view, op)), path: `${pathWith(view, op)}${requiredQuery(view, op, p.name)}` },
          expect: { statuses: [400, 404, 422], envelope: true },
        });
      }
    }
  }
  return cases;
}
