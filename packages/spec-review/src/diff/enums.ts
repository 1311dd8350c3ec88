/**
 * Enum rules. Whether a value added or removed breaks clients depends on who sends it: a request
 * enum that loses a value rejects calls that used it; a response enum that gains a value hands
 * clients a value they may not handle (an exhaustive `switch` over the generated union type stops
 * compiling, and code written for the old list meets a value it does not know).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#name-enum
 */
import { change, levelOf, type Level, show, type Change, type Position, type Site } from './types.js';

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
  const at = (rule: string, breaking: Level, message: string) => out.push(change(site, 'enums', rule, levelOf(breaking), message, path));
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

/**
 * Compares `x-extensible-enum` lists: the values a field is known to take, from a list that may
 * grow. A request value removed is breaking (calls sending it lose their meaning or are refused);
 * every other change is safe, since clients were told to expect values they do not know.
 * @see https://opensource.zalando.com/restful-api-guidelines/#112
 */
export function compareExtensibleEnums(
  base: unknown[] | undefined,
  head: unknown[] | undefined,
  position: Position,
  site: Site,
  subject: string,
  path: string,
): Change[] {
  const out: Change[] = [];
  const at = (rule: string, level: Level, message: string) => out.push(change(site, 'enums', rule, levelOf(level), message, path));
  if (base === undefined && head === undefined) return out;
  if (base === undefined || head === undefined) {
    at(
      base === undefined ? 'extensible-enum-introduced' : 'extensible-enum-dropped',
      false,
      base === undefined
        ? `${subject} now lists its known values (x-extensible-enum ${head!.map(show).join(', ')}); other values stay allowed.`
        : `${subject} no longer lists its known values (x-extensible-enum).`,
    );
    return out;
  }
  const key = (v: unknown) => JSON.stringify(v);
  const headKeys = new Set(head.map(key));
  const baseKeys = new Set(base.map(key));
  for (const value of base.filter((v) => !headKeys.has(key(v)))) {
    if (position === 'request')
      at(
        'request-extensible-enum-value-removed',
        true,
        `${subject} no longer supports ${show(value)} (x-extensible-enum); calls sending it may be refused.`,
      );
    else at('response-extensible-enum-value-removed', false, `${subject} is no longer ${show(value)} in responses (x-extensible-enum).`);
  }
  for (const value of head.filter((v) => !baseKeys.has(key(v)))) {
    at(
      `${position}-extensible-enum-value-added`,
      false,
      position === 'request'
        ? `${subject} now also supports ${show(value)} (x-extensible-enum).`
        : `${subject} may now be ${show(value)} (x-extensible-enum: clients were told to expect new values).`,
    );
  }
  return out;
}
