/**
 * Validation-keyword rules (bounds, lengths, pattern, format, multipleOf, uniqueItems, default).
 * A keyword that lets fewer values through is "narrower": that breaks requests (valid calls may be
 * rejected) but not responses. A keyword that lets more through is "wider": that breaks responses
 * (clients may meet values they did not expect) but not requests. A change whose direction cannot
 * be known (two different patterns) is possibly breaking: a reviewer reads both. A pattern that
 * matches every string (`''`, `.*`) counts as no pattern; `int32` → `int64` and a `multipleOf` that
 * divides the old one are widenings.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation
 */
import { change, levelOf, sameJson, show, type Change, type Node, type Position, type Site } from './types.js';

const LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
const UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
const OPAQUE = ['contentMediaType', 'contentEncoding'] as const;

/** The keywords this module compares (the schema walker skips them). */
export const CONSTRAINT_KEYWORDS: ReadonlySet<string> = new Set<string>([
  ...LOWER,
  ...UPPER,
  ...OPAQUE,
  'pattern',
  'format',
  'multipleOf',
  'uniqueItems',
  'default',
]);

/** Patterns that match every string: a schema with one is as open as a schema without. */
const MATCHES_ANYTHING = new Set(['', '.*', '^.*', '.*$', '^.*$', '[\\s\\S]*', '^[\\s\\S]*$']);

/** Formats whose values all fit another format (`int64` holds every `int32`), keyed by the narrower one. */
const WIDER_FORMAT: Readonly<Record<string, string>> = { int32: 'int64', float: 'double' };

/**
 * `narrower` and `wider` say which way the set of allowed values moved; `changed` means it moved
 * both ways (the values before and after differ, e.g. another format); `unknown` means this tool
 * cannot tell (two different regular expressions), so a reviewer decides.
 */
type Direction = 'narrower' | 'wider' | 'changed' | 'unknown';

/** Compares the validation keywords of one schema in two versions. */
export function compareConstraints(
  base: Node,
  head: Node,
  position: Position,
  site: Site,
  subject: string,
  path: string,
  alwaysSent = false,
): Change[] {
  const out: Change[] = [];
  const report = (keyword: string, direction: Direction, from: unknown, to: unknown) => {
    const breaking =
      direction === 'unknown' ? 'possibly-breaking' : direction === 'changed' || (direction === 'narrower') === (position === 'request');
    const what =
      from === undefined
        ? `now has ${keyword} ${show(to)}`
        : to === undefined
          ? `no longer has ${keyword} ${show(from)}`
          : `${keyword} changed from ${show(from)} to ${show(to)}`;
    const consequence =
      direction === 'changed'
        ? 'the values allowed before and after differ'
        : direction === 'unknown'
          ? 'whether it allows more or fewer values cannot be told from the spec, so review it'
          : position === 'request'
            ? direction === 'narrower'
              ? 'calls that were valid may now be rejected'
              : 'the server accepts more values'
            : direction === 'wider'
              ? 'responses may now hold values clients did not expect'
              : 'responses hold a subset of what they held';
    const rule = `${position}-${keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-${direction}`;
    out.push(change(site, 'schemas', rule, levelOf(breaking), `${subject} ${what}: ${consequence}.`, path));
  };

  // OpenAPI 3.0 writes exclusive bounds as booleans next to minimum/maximum.
  for (const keyword of ['exclusiveMinimum', 'exclusiveMaximum'] as const) {
    const from = base[keyword];
    const to = head[keyword];
    if (typeof from !== 'boolean' && typeof to !== 'boolean') continue;
    if (Boolean(from) === Boolean(to)) continue;
    report(keyword, to === true ? 'narrower' : 'wider', from, to);
  }
  for (const keyword of LOWER) {
    const from = num(base[keyword]);
    const to = num(head[keyword]);
    if (from === to) continue;
    const narrower = from === undefined || (to !== undefined && to > from);
    report(keyword, narrower ? 'narrower' : 'wider', from, to);
  }
  for (const keyword of UPPER) {
    const from = num(base[keyword]);
    const to = num(head[keyword]);
    if (from === to) continue;
    const narrower = from === undefined || (to !== undefined && to < from);
    report(keyword, narrower ? 'narrower' : 'wider', from, to);
  }
  const bPattern = pattern(base.pattern);
  const hPattern = pattern(head.pattern);
  if (bPattern !== hPattern) {
    const direction = bPattern === undefined ? 'narrower' : hPattern === undefined ? 'wider' : 'unknown';
    report('pattern', direction, bPattern, hPattern);
  }
  if (!sameJson(base.format, head.format)) {
    const from = base.format;
    const to = head.format;
    const direction =
      from === undefined
        ? 'narrower'
        : to === undefined
          ? 'wider'
          : WIDER_FORMAT[String(from)] === to
            ? 'wider'
            : WIDER_FORMAT[String(to)] === from
              ? 'narrower'
              : 'changed';
    report('format', direction, from, to);
  }
  const bStep = num(base.multipleOf);
  const hStep = num(head.multipleOf);
  if (bStep !== hStep) {
    // A multiple of 4 is a multiple of 2: a step that the old one divides lets fewer values through.
    const direction =
      bStep === undefined
        ? 'narrower'
        : hStep === undefined
          ? 'wider'
          : isMultiple(hStep, bStep)
            ? 'narrower'
            : isMultiple(bStep, hStep)
              ? 'wider'
              : 'changed';
    report('multipleOf', direction, bStep, hStep);
  }
  for (const keyword of OPAQUE) {
    const from = base[keyword];
    const to = head[keyword];
    if (sameJson(from, to)) continue;
    report(keyword, from === undefined ? 'narrower' : to === undefined ? 'wider' : 'changed', from, to);
  }
  if (Boolean(base.uniqueItems) !== Boolean(head.uniqueItems)) {
    report('uniqueItems', head.uniqueItems ? 'narrower' : 'wider', base.uniqueItems, head.uniqueItems);
  }
  if (position === 'request' && !sameJson(base.default, head.default)) {
    // A default applies only when the value is left out; a required value is never left out.
    const both = base.default !== undefined && head.default !== undefined;
    const changed = both && !alwaysSent;
    out.push(
      change(
        site,
        'schemas',
        both ? 'request-default-changed' : 'request-default-documented',
        changed ? 'breaking' : 'non-breaking',
        both
          ? `${subject} default changed from ${show(base.default)} to ${show(head.default)}: ` +
              (alwaysSent
                ? 'it is required, so every call sends it and the default never applies.'
                : 'calls that omit it now get different behaviour.')
          : head.default === undefined
            ? `${subject} no longer documents a default (was ${show(base.default)}).`
            : `${subject} now documents its default ${show(head.default)}.`,
        path,
      ),
    );
  }
  return out;
}

/** A pattern that restricts something; undefined for none or one that matches every string. */
function pattern(value: unknown): string | undefined {
  return typeof value === 'string' && !MATCHES_ANYTHING.has(value) ? value : undefined;
}

function isMultiple(n: number, of: number): boolean {
  const q = n / of;
  return Number.isFinite(q) && Math.abs(q - Math.round(q)) < 1e-9;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
