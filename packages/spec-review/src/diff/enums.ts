/**
 * Enum rules. Whether a value added or removed breaks clients depends on who sends it: a request
 * enum that loses a value rejects calls that used it; a response enum that gains a value hands
 * clients a value they may not handle (an exhaustive `switch` over the generated union type stops
 * compiling, and code written for the old list meets a value it does not know).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#name-enum
 */
import { change, show, type Change, type Position, type Site } from './types.js';

/** Compares the allowed values (`enum`/`const`, `null` excluded) of one schema in two versions. */
export function compareEnums(
  base: unknown[] | undefined,
  head: unknown[] | undefined,
  position: Position,
  site: Site,
  subject: string,
  path: string,
): Change[] {
  const out: Change[] = [];
  const at = (rule: string, breaking: boolean, message: string) =>
    out.push(change(site, 'enums', rule, breaking ? 'breaking' : 'non-breaking', message, path));
  if (base === undefined && head === undefined) return out;

  if (base === undefined) {
    const list = head!.map(show).join(', ');
    if (position === 'request')
      at('request-enum-added', true, `${subject} is now restricted to ${list}; calls sending any other value will be rejected.`);
    else at('response-enum-added', false, `${subject} is now documented as one of ${list}.`);
    return out;
  }
  if (head === undefined) {
    if (position === 'request') at('request-enum-removed', false, `${subject} is no longer restricted to a list of values.`);
    else
      at(
        'response-enum-removed',
        true,
        `${subject} is no longer restricted to ${base.map(show).join(', ')}; clients may receive other values.`,
      );
    return out;
  }

  const key = (v: unknown) => JSON.stringify(v);
  const headKeys = new Set(head.map(key));
  const baseKeys = new Set(base.map(key));
  for (const value of base.filter((v) => !headKeys.has(key(v)))) {
    if (position === 'request') {
      at('request-enum-value-removed', true, `${subject} no longer accepts ${show(value)}; calls sending it will be rejected.`);
    } else {
      at('response-enum-value-removed', false, `${subject} is no longer ${show(value)} in responses.`);
    }
  }
  for (const value of head.filter((v) => !baseKeys.has(key(v)))) {
    if (position === 'request') {
      at('request-enum-value-added', false, `${subject} now also accepts ${show(value)}.`);
    } else {
      at(
        'response-enum-value-added',
        true,
        `${subject} may now be ${show(value)} in responses; clients that handle every known value must handle it.`,
      );
    }
  }
  return out;
}
