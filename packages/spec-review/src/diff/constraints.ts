/**
 * Validation-keyword rules (bounds, lengths, pattern, format, multipleOf, uniqueItems, default).
 * A keyword that lets fewer values through is "narrower": that breaks requests (valid calls may be
 * rejected) but not responses. A keyword that lets more through is "wider": that breaks responses
 * (clients may meet values they did not expect) but not requests. A change whose direction cannot
 * be known (a different pattern or format) breaks both.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation
 */
import { change, sameJson, show, type Change, type Node, type Position, type Site } from './types.js';

const LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
const UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
const OPAQUE = ['pattern', 'format', 'multipleOf', 'contentMediaType', 'contentEncoding'] as const;

/** The keywords this module compares (the schema walker skips them). */
export const CONSTRAINT_KEYWORDS: ReadonlySet<string> = new Set<string>([...LOWER, ...UPPER, ...OPAQUE, 'uniqueItems', 'default']);

type Direction = 'narrower' | 'wider' | 'changed';

/** Compares the validation keywords of one schema in two versions. */
export function compareConstraints(base: Node, head: Node, position: Position, site: Site, subject: string, path: string): Change[] {
  const out: Change[] = [];
  const report = (keyword: string, direction: Direction, from: unknown, to: unknown) => {
    const breaking = direction === 'changed' || (direction === 'narrower') === (position === 'request');
    const what =
      from === undefined
        ? `now has ${keyword} ${show(to)}`
        : to === undefined
          ? `no longer has ${keyword} ${show(from)}`
          : `${keyword} changed from ${show(from)} to ${show(to)}`;
    const consequence =
      direction === 'changed'
        ? 'the values allowed before and after differ'
        : position === 'request'
          ? direction === 'narrower'
            ? 'calls that were valid may now be rejected'
            : 'the server accepts more values'
          : direction === 'wider'
            ? 'responses may now hold values clients did not expect'
            : 'responses hold a subset of what they held';
    const rule = `${position}-${keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-${direction}`;
    out.push(change(site, 'schemas', rule, breaking ? 'breaking' : 'non-breaking', `${subject} ${what}: ${consequence}.`, path));
  };

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
    const changed = base.default !== undefined && head.default !== undefined;
    out.push(
      change(
        site,
        'schemas',
        changed ? 'request-default-changed' : 'request-default-documented',
        changed ? 'breaking' : 'non-breaking',
        changed
          ? `${subject} default changed from ${show(base.default)} to ${show(head.default)}: calls that omit it now get different behaviour.`
          : head.default === undefined
            ? `${subject} no longer documents a default (was ${show(base.default)}).`
            : `${subject} now documents its default ${show(head.default)}.`,
        path,
      ),
    );
  }
  return out;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
