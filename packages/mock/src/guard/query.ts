/**
 * The query string: decoded strictly (percent-escapes must spell UTF-8, no control characters),
 * each documented parameter checked against its schema, and re-encoded canonically for Prism.
 * Refusals are 400 in the envelope, as the Errors page lists for invalid request parameters.
 * @see ../../../../spec/DECISIONS.md (B20)
 */
import { resolveRef, type JsonSchema, type OperationInfo } from '@identitycall/openapi';
import type { SpecFacts } from '../facts.js';
import { GuardError } from './errors.js';

const CONTROL = /[\u0000-\u001f\u007f]/;

const shown = (text: string) => (text.length > 100 ? `${text.slice(0, 100)}…` : text);

function decodeComponent(raw: string): string {
  let text: string;
  try {
    text = decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw new GuardError(400, `Malformed query string: "${shown(raw)}" is not a valid percent-encoded UTF-8 sequence`);
  }
  if (CONTROL.test(text)) throw new GuardError(400, `Malformed query string: "${shown(raw)}" encodes a control character`);
  return text;
}

/** Splits and decodes a raw query string into name/value pairs, in order. */
export function parseQuery(rawQuery: string): Array<[string, string]> {
  if (/[^\u0021-\u007e]/.test(rawQuery))
    throw new GuardError(400, 'Malformed query string: it contains a character that must be percent-encoded');
  const pairs: Array<[string, string]> = [];
  for (const piece of rawQuery.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = decodeComponent(eq === -1 ? piece : piece.slice(0, eq));
    const value = decodeComponent(eq === -1 ? '' : piece.slice(eq + 1));
    pairs.push([name, value]);
  }
  return pairs;
}

/** A query value as its schema types it: text that spells a number or boolean becomes one. */
function typed(schema: { type?: unknown }, text: string): unknown {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/**
 * Checks the query of a request to `op` and returns it re-encoded (`''` or `?…`).
 * @throws GuardError 400 naming the parameter and what is wrong with it.
 */
export function checkQuery(facts: SpecFacts, op: OperationInfo, rawQuery: string): string {
  const pairs = parseQuery(rawQuery);
  for (const p of op.parameters) {
    if (p.in !== 'query') continue;
    const given = pairs.filter(([name]) => name === p.name);
    if (given.length === 0) {
      if (p.required) throw new GuardError(400, `Query parameter "${p.name}" is required`);
      continue;
    }
    if (given.length > 1) throw new GuardError(400, `Query parameter "${p.name}" is given ${given.length} times; give it once`);
    if (p.schema === undefined) continue;
    const schema = resolveRef<Record<string, unknown>>(facts.doc, p.schema as JsonSchema);
    const result = facts.validator.validate(p.schema, typed(schema ?? {}, given[0]![1]));
    if (!result.valid) {
      const why = [...new Set(result.errors.map((e) => e.replace(/^\(root\)\s*/, '')))].join('; ');
      throw new GuardError(400, `Query parameter "${p.name}" ${why} (got "${shown(given[0]![1])}")`);
    }
  }
  if (pairs.length === 0) return '';
  return `?${pairs.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&')}`;
}
