/**
 * Valid values from JSON Schema 2020-12, as fast-check arbitraries (so failures shrink): types,
 * enums, consts, bounds, lengths, patterns, formats, objects with required and optional properties,
 * `allOf`, `anyOf`/`oneOf`, nullable types. Properties named in `hints` get realistic values the
 * schema cannot express (a phone number that parses, an id the run owns). Callers keep only values
 * the spec's own validator accepts, so a gap here can make a value unused, never wrong.
 * @see https://fast-check.dev/docs/core-blocks/arbitraries/
 */
import fc from 'fast-check';
import { resolveRef, type JsonSchema, type OpenAPIDocument } from '@identitycall/openapi';

/** Realistic values by property name (they must still validate against the property's schema). */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

type Schema = Record<string, unknown>;

/** Letters for generated text: ASCII and non-ASCII (Lithuanian, German, Polish, Cyrillic, CJK). */
const LETTERS = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...'ąčęėįšųūžĄČĘĖĮŠŲŪŽäöüßÄÖÜłńóśźżŁŃÓŚŹŻжйцукенЖЙЦУКЕН李王张明',
];

/** A word of letters, capitalised half of the time. */
const word = fc
  .tuple(fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 9 }), fc.boolean())
  .map(([w, cap]) => (cap ? w.charAt(0).toLocaleUpperCase() + w.slice(1) : w));

/** Human-looking text: one to three words (never blank: the API treats blank as missing). */
export const text: fc.Arbitrary<string> = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));

/** Phone numbers that parse, in E.164 or with the spacing people type. */
export const phoneNumber: fc.Arbitrary<string> = fc
  .oneof(
    fc
      .tuple(fc.constant('+1'), fc.integer({ min: 201, max: 989 }), fc.integer({ min: 200, max: 989 }), fc.integer({ min: 0, max: 9999 }))
      .map(([cc, a, b, c]) => [cc, String(a), String(b), String(c).padStart(4, '0')]),
    fc
      .tuple(fc.constant('+370'), fc.constant('6'), fc.integer({ min: 0, max: 9_999_999 }))
      .map(([cc, six, n]) => [cc, `${six}${String(n).padStart(7, '0').slice(0, 2)}`, String(n).padStart(7, '0').slice(2)]),
  )
  .chain((parts) => fc.constantFrom(parts.join(''), parts.join(' '), `${parts[0]} (${parts[1]}) ${parts.slice(2).join('-')}`));

/** Email addresses every validator accepts. */
export const email: fc.Arbitrary<string> = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,10}(\.[a-z0-9]{1,6})?$/), fc.constantFrom('example.com', 'example.org', 'mail.example.net'))
  .map(([local, domain]) => `${local}@${domain}`);

/** Language codes (ISO 639-1), as the docs' examples use them. */
export const languageCode: fc.Arbitrary<string> = fc.constantFrom('en', 'lt', 'de', 'es', 'fr', 'pl', 'ja', 'pt');

/** Hints every generated request uses; cases add the ids of the run's resources. */
export const BASE_HINTS: Hints = {
  phone_number: phoneNumber,
  email,
  language: languageCode,
  goal_language: languageCode,
  summary_language: languageCode,
  name: text,
  display_name: text,
  // A fresh idempotency key per upload: a repeated one is a replay, tested on its own.
  external_id: fc.uuid().map((u) => `conformance-${u}`),
};

const INT_CAP = 1_000_000;

const typesOf = (s: Schema): string[] => (Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : []);

/** Merges the object schemas of an `allOf` into one (properties and required lists). */
function mergeAllOf(doc: OpenAPIDocument, s: Schema): Schema {
  const parts = [s, ...((s.allOf as JsonSchema[]) ?? []).map((p) => resolveRef<Schema>(doc, p))];
  const merged: Schema = { type: 'object', properties: {}, required: [] };
  for (const part of parts) {
    const flat = part.allOf ? mergeAllOf(doc, { ...part }) : part;
    Object.assign(merged.properties as Schema, (flat.properties as Schema) ?? {});
    (merged.required as string[]).push(...((flat.required as string[]) ?? []));
  }
  return merged;
}

function stringArbitrary(s: Schema, hint?: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  if (hint) return hint;
  const format = s.format as string | undefined;
  if (format === 'email') return email;
  if (format === 'uuid') return fc.uuid();
  if (format === 'date-time')
    return fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  const pattern = s.pattern as string | undefined;
  // `\S` only says "not blank", which every generated text already is.
  if (pattern && pattern !== '\\S') return fc.stringMatching(new RegExp(pattern));
  return text;
}

/** An arbitrary of values valid for `schema` (a property named `name` may use a hint). */
export function arbitraryFor(doc: OpenAPIDocument, raw: JsonSchema, hints: Hints = {}, name?: string): fc.Arbitrary<unknown> {
  if (raw === true) return fc.jsonValue();
  if (raw === false) return fc.constant(undefined);
  const s = resolveRef<Schema>(doc, raw);
  const hint = name !== undefined ? hints[name] : undefined;
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if (s.allOf) return arbitraryFor(doc, mergeAllOf(doc, s), hints, name);
  const branches = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (branches) return fc.oneof(...branches.map((b) => arbitraryFor(doc, b, hints, name)));

  const types = typesOf(s);
  if (types.length > 1) return fc.oneof(...types.map((t) => arbitraryFor(doc, { ...s, type: t } as JsonSchema, hints, name)));
  switch (types[0] ?? (s.properties ? 'object' : undefined)) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      if (hint) return hint;
      const min = typeof s.minimum === 'number' ? s.minimum : -INT_CAP;
      const max = typeof s.maximum === 'number' ? Math.min(s.maximum, min + 2 * INT_CAP) : Math.max(min, 0) + INT_CAP;
      return fc.integer({ min, max });
    }
    case 'number': {
      const min = typeof s.minimum === 'number' ? s.minimum : -INT_CAP;
      const max = typeof s.maximum === 'number' ? s.maximum : min + 2 * INT_CAP;
      return fc.oneof(
        fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
        fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((d) => (Object.is(d, -0) ? 0 : d)),
      );
    }
    case 'string':
      return stringArbitrary(s, hint);
    case 'array':
      return fc.array(arbitraryFor(doc, (s.items as JsonSchema) ?? true, hints), {
        minLength: (s.minItems as number) ?? 0,
        maxLength: Math.min((s.maxItems as number) ?? 4, 4),
      });
    case 'object': {
      const properties = (s.properties as Record<string, JsonSchema>) ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, prop] of Object.entries(properties)) {
        // Binary parts (an uploaded file) are not JSON values; multipart cases add them.
        if (typeof prop === 'object' && 'contentMediaType' in resolveRef<Schema>(doc, prop)) continue;
        model[key] = arbitraryFor(doc, prop, hints, key);
      }
      const required = ((s.required as string[]) ?? []).filter((k) => k in model);
      return fc.record(model, { requiredKeys: required });
    }
    default:
      return hint ?? fc.jsonValue();
  }
}
