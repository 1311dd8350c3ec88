/**
 * A seeded multipart fuzzer: forms built from the spec's own field names and upload formats
 * (random names, file names, types, contents and extra headers), then broken on purpose
 * (truncated, bytes flipped, inserted or deleted, LF line endings, another or no boundary in the
 * header), sent in random pieces. Whatever it sends, a server must answer without a 5xx, in the
 * envelope when it refuses, and keep serving. The same seed gives the same cases.
 * @see https://fast-check.dev/
 */
import { createHash } from 'node:crypto';
import { resolveRef, type JsonSchema } from '@identitycall/openapi';
import fc from 'fast-check';
import { formBody, http, type FormPart } from '../build.js';
import type { HostileCase } from '../case.js';
import { fileFieldOf, pathWith, requiredQuery, type SpecView } from '../spec.js';

/** A form before it is broken: what the fuzzer generates. */
export interface FormModel {
  boundary: string;
  /** How `Content-Type` names the boundary: as a browser would (quoted when not a token), always quoted, bare even when it needs quotes, not at all, or another one. */
  announce: 'same' | 'quoted' | 'bare' | 'missing' | 'other';
  parts: Array<{ name: string; filename?: string; contentType?: string; extraHeaders: string[]; content: Uint8Array }>;
  preamble?: string;
  epilogue?: string;
  close: boolean;
  mutations: Mutation[];
  framing: 'length' | 'chunked';
  chunkBytes: number;
}

/** One way to break the serialised body. Offsets are taken modulo the body's length. */
export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'lf-only' };

/** Applies `mutations` to `body`, in order. */
export function mutate(body: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out = Buffer.from(body);
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : 'at' in m ? m.at % (out.length + 1) : 0;
    switch (m.kind) {
      case 'truncate':
        out = out.subarray(0, at);
        break;
      case 'flip':
        if (at < out.length) out[at] = m.value;
        break;
      case 'insert':
        out = Buffer.concat([out.subarray(0, at), Buffer.from(m.text, 'latin1'), out.subarray(at)]);
        break;
      case 'delete':
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)]);
        break;
      case 'lf-only':
        out = Buffer.from(out.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
        break;
    }
  }
  return new Uint8Array(out);
}

/** The form fields the upload's schema names (the file's included). */
function fieldNames(view: SpecView): string[] {
  const media = view.upload.requestBody?.content.find((m) => m.contentType === 'multipart/form-data');
  const schema = resolveRef<{ properties?: Record<string, JsonSchema> }>(view.doc, media?.schema);
  return Object.keys(schema?.properties ?? {});
}

/** The arbitrary of form models for `view`'s upload operation: mostly plausible forms, some chaos. */
export function formModelArbitrary(view: SpecView): fc.Arbitrary<FormModel> {
  const file = fileFieldOf(view);
  const names = fieldNames(view).filter((n) => n !== file);
  const extensions = view.formats.map((f) => f.extension);
  const mediaTypes = view.formats.flatMap((f) => f.mediaTypes);
  const bytesOf = (t: string) => new Uint8Array(Buffer.from(t));
  const boundary = fc.oneof(
    { weight: 4, arbitrary: fc.stringMatching(/^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/) },
    { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  );
  const chaos = <T>(plausible: fc.Arbitrary<T>, wild: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 6, arbitrary: plausible }, { weight: 1, arbitrary: wild });
  const extraHeaders = chaos(
    fc.constant<string[]>([]),
    fc.array(
      fc.constantFrom(
        'X-Extra: 1',
        'Content-Transfer-Encoding: binary',
        'nonsense',
        ' folded',
        'Content-Disposition: form-data; name="dup"',
        'Content-Type: text/plain',
      ),
      { minLength: 1, maxLength: 2 },
    ),
  );
  const field = fc.record({
    name: chaos(fc.constantFrom(...names), fc.string({ maxLength: 12 })),
    filename: chaos(fc.constant<string | undefined>(undefined), fc.string({ maxLength: 20 })),
    contentType: chaos(fc.constant<string | undefined>(undefined), fc.constantFrom('text/plain', 'text/plain; charset=utf-8', ';;')),
    extraHeaders,
    content: chaos(
      fc.constantFrom('42', '1', '-1', '0', 'abc', 'en', '', 'crm-call-1', 'Sales Call', '😀', '\r\n--', '1.5').map(bytesOf),
      fc.oneof(fc.uint8Array({ maxLength: 512 }), fc.string({ maxLength: 200, unit: 'grapheme' }).map(bytesOf)),
    ),
  });
  const filePart = fc.record({
    name: chaos(fc.constant(file), fc.string({ maxLength: 12 })),
    filename: chaos(
      fc.constantFrom(
        ...extensions.map((e) => `call${e}`),
        ...extensions.map((e) => `CALL${e.toUpperCase()}`),
        `Žalgiris${extensions[0]}`,
        'no-extension',
      ),
      fc.oneof(fc.constantFrom('notes.txt', '', `a"b${extensions[0]}`, `a\\b${extensions[0]}`), fc.string({ maxLength: 20 })),
    ),
    contentType: chaos(
      fc.constantFrom<string | undefined>(...mediaTypes, 'application/octet-stream', undefined),
      fc.oneof(
        fc.constantFrom('text/plain', 'audio/', ';;', 'multipart/mixed; boundary=x', 'audio/mpeg; charset="'),
        fc.string({ maxLength: 20 }),
      ),
    ),
    extraHeaders,
    content: fc.oneof(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom('', '--', '\r\n--', '\r\n\r\n').map(bytesOf)),
  });
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.constantFrom('\r\n', '--', '\r\n--', '\u0000', '"', ';', '\r\n\r\n'),
    }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }) }),
    fc.constant({ kind: 'lf-only' as const }),
  );
  const parts = fc
    .tuple(fc.array(field, { maxLength: 4 }), fc.option(filePart, { nil: undefined, freq: 6 }), fc.nat())
    // The file part goes anywhere among the fields.
    .map(([fields, f, at]) => (f ? [...fields.slice(0, at % (fields.length + 1)), f, ...fields.slice(at % (fields.length + 1))] : fields));
  return fc.record({
    boundary,
    announce: fc.constantFrom<FormModel['announce']>('same', 'same', 'same', 'same', 'same', 'quoted', 'bare', 'missing', 'other'),
    parts,
    preamble: chaos(fc.constant<string | undefined>(undefined), fc.string({ maxLength: 40 })),
    epilogue: chaos(fc.constant<string | undefined>(undefined), fc.string({ maxLength: 40 })),
    close: fc.constantFrom(true, true, true, true, true, false),
    mutations: fc.oneof(
      { weight: 3, arbitrary: fc.constant<Mutation[]>([]) },
      { weight: 2, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) },
    ),
    framing: fc.constantFrom('length' as const, 'length' as const, 'chunked' as const),
    chunkBytes: fc.oneof(
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 16 }) },
      { weight: 3, arbitrary: fc.integer({ min: 100, max: 8192 }) },
    ),
  });
}

/** The hostile case that sends `model` to `view`'s upload operation. */
export function formModelCase(view: SpecView, model: FormModel): HostileCase {
  const op = view.upload;
  const parts: FormPart[] = model.parts.map((p) => ({
    headerLines: [
      `Content-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`,
      ...(p.contentType !== undefined ? [`Content-Type: ${p.contentType}`] : []),
      ...p.extraHeaders,
    ],
    content: p.content,
  }));
  const clean = formBody(model.boundary, parts, { preamble: model.preamble, epilogue: model.epilogue, close: model.close });
  const body = mutate(clean, model.mutations);
  const quoted = `"${model.boundary.replace(/["\\]/g, '\\$&')}"`;
  const announced = {
    same: `multipart/form-data; boundary=${/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(model.boundary) ? model.boundary : quoted}`,
    quoted: `multipart/form-data; boundary=${quoted}`,
    bare: `multipart/form-data; boundary=${model.boundary}`,
    missing: 'multipart/form-data',
    other: 'multipart/form-data; boundary=not-the-one-in-the-body',
  }[model.announce];
  const digest = createHash('sha256').update(announced).update(body).digest('hex').slice(0, 12);
  return {
    id: `fuzz.multipart/${digest}`,
    family: 'fuzz',
    operationId: op.operationId,
    title: `${op.operationId}: a fuzzed form (${model.parts.length} parts, ${model.mutations.map((m) => m.kind).join('+') || 'unbroken'}, ${body.length} bytes): never a 5xx`,
    send: http(op.method.toUpperCase(), `${pathWith(view, op)}${requiredQuery(view, op)}`, {
      headers: [['Content-Type', announced]],
      body: { kind: 'bytes', bytes: body },
      framing: model.framing,
      chunkBytes: model.chunkBytes,
    }),
    expect: { envelope: true },
  };
}

/** The arbitrary of fuzzed upload cases (for `fc.assert`, which shrinks a failure to a small one). */
export function multipartFuzzArbitrary(view: SpecView): fc.Arbitrary<HostileCase> {
  return formModelArbitrary(view).map((model) => formModelCase(view, model));
}

/** `count` fuzzed upload cases from `seed` (the same seed, the same cases). */
export function multipartFuzzCases(view: SpecView, options: { seed: number; count: number }): HostileCase[] {
  return fc.sample(multipartFuzzArbitrary(view), { seed: options.seed, numRuns: options.count });
}
