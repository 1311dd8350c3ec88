/**
 * Paths: ids their schema refuses (404 with the documented "not found" message), broken
 * percent-escapes and encoded control characters (400 or 404), paths no template matches, and
 * requests outside the API's base path (404).
 * @see ../../../../spec/DECISIONS.md (B7, B10)
 */
import { resolveRef, type ParameterInfo } from '@identitycall/openapi';
import type { HostileCase } from '../case.js';
import { http } from '../build.js';
import { byPath, messagesOf, pathWith, type SpecView } from '../spec.js';
import { requestFor } from './valid.js';

/** Values an id's schema refuses, from the schema: wrong type, out of range, against the pattern. */
function badIds(view: SpecView, p: ParameterInfo): string[] {
  const schema = resolveRef<{ type?: string; minimum?: number; maximum?: number; pattern?: string }>(view.doc, p.schema) ?? {};
  const out = new Set(['abc', '1.5', '-1', '42abc', '1e3', '%20', '%201', '0x2A', '%E2%80%8B42']);
  if (schema.type === 'integer') {
    if (schema.minimum !== undefined) out.add(String(schema.minimum - 1));
    if (schema.maximum !== undefined) out.add(String(BigInt(schema.maximum) + 1n));
    out.add('99999999999999999999');
  }
  if (schema.pattern !== undefined) {
    out.add('not-a-uuid');
    out.add('0');
    out.add('01946983-4c40-7000-8000');
  }
  const pattern = schema.pattern ? new RegExp(schema.pattern) : undefined;
  return [...out].filter((v) => !(pattern && pattern.test(decodeURIComponent(v))));
}

/** Escapes that do not decode to UTF-8, or decode to characters no id has. */
const BROKEN_ESCAPES = ['%ff', '%E0%A4%A', '%', '%zz', '%C3', '%00', '%0A', '%0D%0A', '%7F', '..%2F..%2Fetc%2Fpasswd', '%2e%2e'];

function idCases(view: SpecView): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const [template, ops] of byPath(view)) {
    const op = ops.find((o) => o.method === 'get') ?? ops[0]!;
    for (const p of op.parameters.filter((x) => x.in === 'path')) {
      const messages = messagesOf(op, 404);
      for (const bad of badIds(view, p)) {
        cases.push({
          id: `path.bad-id/${op.operationId}/${p.name}=${bad}`,
          family: 'path',
          operationId: op.operationId,
          title: `${op.method.toUpperCase()} ${template} with ${p.name} "${bad}" (refused by its schema) is 404`,
          send: requestFor(view, op, pathWith(view, op, { [p.name]: bad })),
          expect: { statuses: [404], envelope: true, ...(messages.length && { messages }) },
        });
      }
      for (const bad of BROKEN_ESCAPES) {
        cases.push({
          id: `path.bad-escape/${op.operationId}/${p.name}=${bad}`,
          family: 'path',
          operationId: op.operationId,
          title: `${op.method.toUpperCase()} ${template} with ${p.name} "${bad}" is 400 or 404`,
          send: requestFor(view, op, pathWith(view, op, { [p.name]: bad })),
          expect: { statuses: [400, 404], envelope: true },
        });
      }
      cases.push({
        id: `path.overlong/${op.operationId}/${p.name}`,
        family: 'path',
        operationId: op.operationId,
        title: `${op.method.toUpperCase()} ${template} with a 9000-character ${p.name} is refused`,
        send: requestFor(view, op, pathWith(view, op, { [p.name]: '9'.repeat(9000) })),
        expect: { statuses: [400, 404, 414, 431], envelope: false },
      });
    }
  }
  return cases;
}

function unknownPathCases(view: SpecView): HostileCase[] {
  const first = view.operations.find((o) => o.method === 'get' && !o.path.includes('{')) ?? view.operations[0]!;
  const withId = view.operations.find((o) => o.method === 'get' && o.path.includes('{')) ?? first;
  const firstPath = pathWith(view, first);
  const targets = [
    { id: 'unknown', path: '/hostile-inputs-nothing-here', statuses: [404] },
    { id: 'extra-segment', path: `${pathWith(view, withId)}/extra`, statuses: [404] },
    { id: 'root', path: '/', statuses: [404] },
    { id: 'case', path: firstPath.toUpperCase(), statuses: [404] },
  ];
  const cases: HostileCase[] = targets.map((t) => ({
    id: `path.${t.id}`,
    family: 'path',
    title: `GET ${t.path} names no documented path: ${t.statuses.join(' or ')}`,
    send: http('GET', t.path),
    expect: { statuses: t.statuses, envelope: true },
  }));
  if (view.basePath !== '') {
    const segments = view.basePath.split('/').slice(1);
    // A neighbouring API version, a base path with a segment missing, and the base path twice.
    const versioned = segments.map((s) => s.replace(/^v(\d+)$/, (_, n: string) => `v${Number(n) + 1}`)).join('/');
    const wrongBases = [
      { id: 'other-version', base: `/${versioned}` },
      { id: 'short-base', base: `/${segments.slice(1).join('/')}` },
      { id: 'base-twice', base: `${view.basePath}${view.basePath}` },
    ].filter((w) => w.base !== view.basePath);
    for (const w of wrongBases) {
      cases.push({
        id: `path.wrong-base/${w.id}`,
        family: 'path',
        title: `GET ${w.base}${firstPath} is outside the base path ${view.basePath}: 404`,
        send: http('GET', `${w.base}${firstPath}`, { absolute: true }),
        expect: { statuses: [404], envelope: true },
      });
    }
  }
  return cases;
}

/** Every path case. */
export function pathCases(view: SpecView): HostileCase[] {
  return [...idCases(view), ...unknownPathCases(view)];
}
