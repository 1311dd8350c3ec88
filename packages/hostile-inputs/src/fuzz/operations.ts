/**
 * A seeded fuzzer over every operation: random path values, query values and JSON bodies built
 * from the spec's own property names (plus bodies of any JSON at all). Every answer must be
 * documented or an HTTP-level refusal, never a 5xx, and the server must keep answering.
 */
import { resolveRef, type OperationInfo } from '@identitycall/openapi';
import fc from 'fast-check';
import { http, JSON_TYPE } from '../build.js';
import type { HostileCase } from '../case.js';
import { pathWith, takesJson, takesMultipart, type SpecView } from '../spec.js';

/** Strings that have broken servers before: blanks, NUL, emoji, long text, numbers as text. */
export const STRINGS = [
  '',
  ' ',
  'x',
  'Jane Doe',
  '+15555550100',
  '(415) 555-0100',
  'a@b.co',
  'not-an-email',
  'priority',
  'local',
  '😀',
  '\u0000',
  'Ω'.repeat(300),
  '42',
  '-1',
  'null',
];
/** Numbers at the edges: zero, negatives, fractions, overflow, unsafe integers. */
export const NUMBERS = [0, -1, 1, 42, 1.5, 101, 1e308, -1e308, 9007199254740993];
/** Path values: valid-looking ids, refused ones, a UUID, escapes and a 30-digit number. */
export const IDS = ['42', '7', '123', '1', '0', 'abc', '-5', '1e3', '01946983-4c40-7000-8000-a1b2c3d4e5f0', '%20', '9'.repeat(30)];

/** JSON values: strings and numbers from the lists above, booleans, null, small arrays and objects. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...STRINGS),
    fc.constantFrom(...NUMBERS),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('k0', 'k1', 'k2'), tie('value'), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;

/** Property names of a request schema, following `$ref`, `allOf`, `anyOf` and `oneOf`. */
export function propertyNames(view: SpecView, schema: unknown, seen = new Set<unknown>()): string[] {
  const s = resolveRef<Record<string, unknown>>(view.doc, schema);
  if (!s || typeof s !== 'object' || seen.has(s)) return [];
  seen.add(s);
  const own = Object.keys((s.properties as object) ?? {});
  const nested = ['allOf', 'anyOf', 'oneOf'].flatMap((k) => ((s[k] as unknown[]) ?? []).flatMap((x) => propertyNames(view, x, seen)));
  return [...new Set([...own, ...nested])];
}

/** A value as query text: strings and numbers as they are, anything else as JSON. */
const asText = (value: unknown) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

function operationArbitrary(view: SpecView, op: OperationInfo): fc.Arbitrary<HostileCase> {
  const pathNames = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const queryNames = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const media = op.requestBody?.content.find((m) => m.contentType === 'application/json');
  const names = media ? propertyNames(view, media.schema) : [];
  const path = fc
    .tuple(...pathNames.map(() => fc.constantFrom(...IDS)))
    .map((values) => pathWith(view, op, Object.fromEntries(pathNames.map((n, i) => [n, values[i]!]))));
  const query = fc
    .tuple(...queryNames.map(() => fc.option(jsonValue, { nil: undefined, freq: 3 })))
    .map((values) =>
      queryNames.flatMap((n, i) => (values[i] === undefined ? [] : [`${n}=${encodeURIComponent(asText(values[i]))}`])).join('&'),
    );
  const body = takesJson(op)
    ? fc.oneof(
        { weight: 1, arbitrary: jsonValue },
        {
          weight: 5,
          arbitrary: fc
            .subarray(names)
            .chain((picked) => fc.tuple(...picked.map(() => jsonValue)).map((vs) => Object.fromEntries(picked.map((n, i) => [n, vs[i]])))),
        },
      )
    : fc.constant(undefined);
  return fc.record({ path, query, body }).map(({ path: p, query: q, body: b }) => {
    const target = q ? `${p}?${q}` : p;
    const text = b === undefined ? undefined : JSON.stringify(b);
    return {
      id: `fuzz.operation/${op.operationId}/${target}/${text ?? ''}`.slice(0, 300),
      family: 'fuzz' as const,
      operationId: op.operationId,
      title: `${op.method.toUpperCase()} ${target.slice(0, 80)} with ${text === undefined ? 'no body' : `${text.slice(0, 60)}`}: never a 5xx`,
      send: http(
        op.method.toUpperCase(),
        target,
        text === undefined ? {} : { headers: [JSON_TYPE], body: { kind: 'bytes', bytes: new TextEncoder().encode(text) } },
      ),
      expect: { envelope: true },
    };
  });
}

/** The arbitrary of fuzzed requests to every operation but uploads (the multipart fuzzer has those). */
export function operationFuzzArbitrary(view: SpecView): fc.Arbitrary<HostileCase> {
  return fc.oneof(...view.operations.filter((op) => !takesMultipart(op)).map((op) => operationArbitrary(view, op)));
}

/** `perOperation` fuzzed requests to each operation but uploads, from `seed`. */
export function operationFuzzCases(view: SpecView, options: { seed: number; perOperation: number }): HostileCase[] {
  return view.operations
    .filter((op) => !takesMultipart(op))
    .flatMap((op, i) => fc.sample(operationArbitrary(view, op), { seed: options.seed + i, numRuns: options.perOperation }));
}
