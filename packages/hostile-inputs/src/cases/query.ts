/**
 * Query parameters: values each parameter's schema refuses (wrong type, out of range, outside the
 * enum, against the pattern), broken percent-escapes, a parameter given twice and a required one
 * left out. Refused with 400 (the Errors page's "invalid request parameters") or 404/422.
 * @see ../../../../spec/DECISIONS.md (B20)
 */
import { resolveRef, type ParameterInfo } from '@identitycall/openapi';
import type { HostileCase } from '../case.js';
import { exampleValue, pathWith, requiredQuery, type SpecView } from '../spec.js';
import { requestFor } from './valid.js';

/** Values `p`'s schema refuses, read from the schema. */
function badValues(view: SpecView, p: ParameterInfo): Array<{ id: string; raw: string }> {
  const schema = resolveRef<{ type?: string; minimum?: number; maximum?: number; enum?: unknown[]; pattern?: string }>(view.doc, p.schema) ?? {};
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
      const add = (id: string, value: string, title: string, statuses: number[] | undefined = [400, 404, 422]) => {
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
      for (const v of badValues(view, p)) add(v.id, encodeURIComponent(v.raw), `= "${v.raw}" (refused by its schema)`);
      // A broken escape cannot spell a value of a constrained parameter.
      const constrained = badValues(view, p).length > 0;
      for (const e of ESCAPES) add(e.id, e.raw, `= "${e.raw}"`, constrained ? [400, 404, 422] : undefined);
      const example = encodeURIComponent(exampleValue(view, p) ?? '1');
      // Servers may take the first or the last of a repeated parameter, or refuse it.
      add('twice', `${example}&${encodeURIComponent(p.name)}=${example}`, 'given twice', undefined);
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
