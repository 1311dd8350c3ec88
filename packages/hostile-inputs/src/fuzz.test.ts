/**
 * The fuzzers: the same seed gives the same cases, mutations do what they say, the multipart
 * fuzzer writes enough valid forms (read by an independent parser) to reach past a server's
 * syntax checks, and the operation fuzzer covers every operation but uploads.
 */
import { listOperations, loadSpec, uploadFormats } from '@identitycall/openapi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formModelArbitrary,
  formModelCase,
  multipartFuzzCases,
  mutate,
  operationFuzzCases,
  viewOf,
  type FormModel,
  type HttpSend,
} from './index.js';

const doc = loadSpec();
const view = viewOf(doc);

describe('mutate', () => {
  const body = new Uint8Array(Buffer.from('--b\r\nabc\r\n--b--\r\n'));
  it.each([
    { mutation: { kind: 'truncate' as const, at: 5 }, result: '--b\r\n' },
    { mutation: { kind: 'flip' as const, at: 0, value: 0x41 }, result: 'A-b\r\nabc\r\n--b--\r\n' },
    { mutation: { kind: 'insert' as const, at: 3, text: 'XY' }, result: '--bXY\r\nabc\r\n--b--\r\n' },
    { mutation: { kind: 'delete' as const, at: 5, length: 3 }, result: '--b\r\n\r\n--b--\r\n' },
    { mutation: { kind: 'lf-only' as const }, result: '--b\nabc\n--b--\n' },
    // Offsets wrap around the body (17 bytes, so 18 places to cut).
    { mutation: { kind: 'truncate' as const, at: 18 + 5 }, result: '--b\r\n' },
  ])('$mutation.kind', ({ mutation, result }) => {
    expect(Buffer.from(mutate(body, [mutation])).toString('latin1')).toBe(result);
  });
});

describe('the multipart fuzzer', () => {
  it('gives the same cases for the same seed, and others for another', () => {
    const ids = (seed: number) => multipartFuzzCases(view, { seed, count: 30 }).map((c) => c.id);
    expect(ids(7)).toEqual(ids(7));
    expect(ids(8)).not.toEqual(ids(7));
  });

  it('writes a clean model as a form an independent parser reads back', async () => {
    const format = uploadFormats(doc)[0]!;
    const model: FormModel = {
      boundary: "a'b(c)+d_e,f-g.h/i:j=k?l m",
      announce: 'same',
      parts: [
        { name: 'project_id', extraHeaders: [], content: new Uint8Array(Buffer.from('42')) },
        {
          name: 'file',
          filename: `call${format.extension}`,
          contentType: format.mediaTypes[0],
          extraHeaders: [],
          content: new Uint8Array([1, 2, 3]),
        },
      ],
      close: true,
      mutations: [],
      framing: 'length',
      chunkBytes: 100,
    };
    const send = formModelCase(view, model).send as HttpSend;
    const form = await new Response((send.body as { bytes: Uint8Array }).bytes as BodyInit, {
      headers: { 'content-type': send.headers[0]![1] },
    }).formData();
    expect(form.get('project_id')).toBe('42');
    expect(new Uint8Array(await (form.get('file') as File).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('writes enough valid forms with a file of a documented format to get past syntax checks', async () => {
    const models = fc.sample(formModelArbitrary(view), { seed: 1, numRuns: 300 });
    const extensions = uploadFormats(doc).map((f) => f.extension);
    let valid = 0;
    for (const model of models) {
      const send = formModelCase(view, model).send as HttpSend;
      try {
        const form = await new Response((send.body as { bytes: Uint8Array }).bytes as BodyInit, {
          headers: { 'content-type': send.headers[0]![1] },
        }).formData();
        const file = form.get('file');
        if (file instanceof File && extensions.some((e) => file.name.toLowerCase().endsWith(e))) valid++;
      } catch {
        // Broken on purpose.
      }
    }
    expect(valid).toBeGreaterThan(models.length / 10);
    expect(valid).toBeLessThan(models.length);
  });
});

describe('the operation fuzzer', () => {
  it('covers every operation but uploads, the same way for the same seed', () => {
    const a = operationFuzzCases(view, { seed: 3, perOperation: 4 });
    const withoutUploads = listOperations(doc).filter((o) => !o.requestBody?.content.some((m) => m.contentType === 'multipart/form-data'));
    expect(new Set(a.map((c) => c.operationId))).toEqual(new Set(withoutUploads.map((o) => o.operationId)));
    expect(a).toHaveLength(withoutUploads.length * 4);
    expect(operationFuzzCases(view, { seed: 3, perOperation: 4 }).map((c) => c.id)).toEqual(a.map((c) => c.id));
  });

  it("builds bodies from the spec's own property names", () => {
    const update = operationFuzzCases(view, { seed: 5, perOperation: 30 }).filter((c) => c.operationId === 'updateOperator');
    const keys = new Set(
      update.flatMap((c) => {
        const body = (c.send as HttpSend).body;
        if (!body || body.kind !== 'bytes') return [];
        const value = JSON.parse(Buffer.from(body.bytes).toString()) as unknown;
        return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
      }),
    );
    expect([...keys].some((k) => ['name', 'email', 'active', 'phone_number'].includes(k))).toBe(true);
  });
});
