/**
 * The corpus is derived from the spec: every operation, path, parameter and limit it should cover
 * is covered, what a case claims is bad really is bad by the spec's own schemas, the expected
 * messages are the documented ones, and a different spec gives different cases.
 */
import {
  createValidator,
  errorMessages,
  jsonBodyLimit,
  listOperations,
  loadSpec,
  resolveRef,
  responseMessage,
  uploadFormats,
  type OpenAPIDocument,
} from '@identitycall/openapi';
import { describe, expect, it } from 'vitest';
import { bodyBytes, caseBytes, cases, type HostileCase, type HttpSend } from './index.js';

const doc = loadSpec();
const operations = listOperations(doc);
const validator = createValidator(doc);
const all = cases(doc);
const byId = new Map(all.map((c) => [c.id, c]));
const http = (c: HostileCase) => c.send as HttpSend;
const jsonOps = operations.filter((o) => o.requestBody?.content.some((m) => m.contentType === 'application/json'));
const upload = operations.find((o) => o.requestBody?.content.some((m) => m.contentType === 'multipart/form-data'))!;

/** A copy of the spec with `edit` applied. */
function edited(edit: (d: OpenAPIDocument) => void): OpenAPIDocument {
  const copy = structuredClone(doc) as OpenAPIDocument;
  edit(copy);
  return copy;
}

describe('cases', () => {
  it('gives every case a unique id, and the same cases every time', () => {
    expect(byId.size).toBe(all.length);
    expect(cases(doc).map((c) => c.id)).toEqual(all.map((c) => c.id));
  });

  it('allows no case a 5xx, which every case rules out (the judge fails any)', () => {
    expect(all.filter((c) => c.expect.statuses?.some((s) => s >= 500)).map((c) => c.id)).toEqual([]);
  });

  it.each(jsonOps)('$operationId: malformed JSON is 400 about JSON, and limit + 1 bytes is 413 with the documented message', (op) => {
    const malformed = byId.get(`json.malformed/${op.operationId}/truncated`)!;
    expect(malformed.expect).toMatchObject({ statuses: [400], messagePattern: 'JSON' });
    expect(() => JSON.parse(Buffer.from((http(malformed).body as { bytes: Uint8Array }).bytes).toString())).toThrow();
    const over = byId.get(`json.over-limit/${op.operationId}`)!;
    expect(bodyBytes(http(over).body)).toBe(jsonBodyLimit(doc) + 1);
    expect(over.expect).toMatchObject({ statuses: [413], messages: [responseMessage(doc, 'PayloadTooLarge')] });
    expect(http(over).method).toBe(op.method.toUpperCase());
  });

  it('sends a body of exactly the limit, expecting anything but 413', () => {
    const at = all.find((c) => c.id.startsWith('json.at-limit/'))!;
    expect(bodyBytes(http(at).body)).toBe(jsonBodyLimit(doc));
    expect(at.expect.forbidden).toEqual([413]);
  });

  it('gives every path parameter ids its schema refuses, expecting the documented 404', () => {
    const badIds = all.filter((c) => c.id.startsWith('path.bad-id/'));
    const covered = new Set(badIds.map((c) => c.operationId));
    for (const op of operations.filter(
      (o) => o.path.includes('{') && (o.method === 'get' || !operations.some((x) => x.path === o.path && x.method === 'get')),
    )) {
      expect(covered).toContain(op.operationId);
    }
    for (const c of badIds) {
      const op = operations.find((o) => o.operationId === c.operationId)!;
      const [, , name, value] = /^path\.bad-id\/([^/]+)\/([^=]+)=(.*)$/.exec(c.id)!;
      const param = op.parameters.find((p) => p.in === 'path' && p.name === name)!;
      const type = resolveRef<{ type?: string }>(doc, param.schema)?.type;
      const decoded = decodeURIComponent(value!);
      const typed = type === 'integer' && /^-?\d+$/.test(decoded) ? Number(decoded) : decoded;
      expect(validator.validate(param.schema!, typed).valid, `${c.id} names a valid id`).toBe(false);
      expect(c.expect).toEqual({ statuses: [404], envelope: true, messages: errorMessages(op, 404) });
    }
  });

  it("sends body and header cases to the record each operation's documented answer names", () => {
    const bodyCases = all.filter((c) => (c.family === 'json' || c.family === 'content-type') && c.operationId !== undefined);
    const checked = new Set<string>();
    for (const c of bodyCases) {
      const op = operations.find((o) => o.operationId === c.operationId)!;
      const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      if (names.length === 0) continue;
      const values = new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '([^/?]+)')}(?:\\?|$)`)
        .exec(http(c).path)!
        .slice(1)
        .map(decodeURIComponent);
      const answers = JSON.stringify(
        op.responses.filter((r) => r.status.startsWith('2')).flatMap((r) => r.content.flatMap((m) => m.examples.map((e) => e.value))),
      );
      names.forEach((name, i) => {
        const examples = op.parameters.find((p) => p.in === 'path' && p.name === name)!.examples.map((e) => String(e.value));
        expect(examples, c.id).toContain(values[i]);
        const named = examples.filter((e) => new RegExp(`"(?:id|\\w+_id)":"?${e}"?[,}]`).test(answers));
        if (named.length > 0) expect(named, `${c.id} targets a record its answer names`).toContain(values[i]);
      });
      checked.add(op.operationId);
    }
    // Update Recording is the operation whose first id example no answer of it names.
    expect(checked).toContain('updateRecording');
  });

  it('tries every method a path does not document', () => {
    const paths = [...new Set(operations.map((o) => o.path))];
    for (const path of paths) {
      const documented = operations.filter((o) => o.path === path).map((o) => o.method.toUpperCase());
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !documented.includes(m))) {
        expect(byId.get(`method.undocumented/${method} ${path}`)?.expect.statuses).toEqual([404, 405]);
      }
    }
  });

  it.each(operations.filter((o) => o.secured))('$operationId: every bad Authorization header is 401 with a documented message', (op) => {
    const mine = all.filter((c) => c.family === 'auth' && c.operationId === op.operationId);
    expect(mine.length).toBeGreaterThanOrEqual(7);
    for (const c of mine) {
      expect(c.expect).toMatchObject({ statuses: [401], messages: errorMessages(op, 401) });
      expect(http(c).auth).toBe(false);
    }
  });

  it('sends query values each parameter schema refuses', () => {
    const schemaCases = all.filter((c) =>
      /^query\.(not-a-number|fraction|below-minimum|above-maximum|not-in-enum|against-pattern)\//.test(c.id),
    );
    expect(schemaCases.length).toBeGreaterThan(0);
    for (const c of schemaCases) {
      const op = operations.find((o) => o.operationId === c.operationId)!;
      const name = c.id.split('/').at(-1)!;
      const param = op.parameters.find((p) => p.in === 'query' && p.name === name)!;
      const raw = new URLSearchParams(http(c).path.split('?')[1]).get(name)!;
      const type = resolveRef<{ type?: string }>(doc, param.schema)?.type;
      const typed = (type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
      expect(validator.validate(param.schema!, typed).valid, `${c.id}: ${raw} is valid`).toBe(false);
    }
  });

  it('sends each scalar query parameter twice, expecting a refusal (the schema refuses a list)', () => {
    const params = operations.flatMap((op) => op.parameters.filter((p) => p.in === 'query').map((p) => ({ op, p })));
    expect(params.length).toBeGreaterThan(0);
    for (const { op, p } of params) {
      const c = byId.get(`query.twice/${op.operationId}/${p.name}`)!;
      const values = new URLSearchParams(http(c).path.split('?')[1]).getAll(p.name);
      expect(values, c.id).toHaveLength(2);
      expect(resolveRef<{ type?: string }>(doc, p.schema)?.type, c.id).not.toBe('array');
      expect(c.expect, c.id).toEqual({ statuses: [400, 422], envelope: true });
    }
  });

  it('sends one upload over each distinct format limit, its file part exactly the limit + 1 bytes', () => {
    const limits = [...new Set(uploadFormats(doc).map((f) => f.maxBytes))];
    const over = all.filter((c) => c.id.startsWith('multipart.over-limit/'));
    expect(over).toHaveLength(limits.length);
    for (const c of over) {
      const body = http(c).body as { kind: 'generated'; head: string; tail: string; totalBytes: number };
      const format = uploadFormats(doc).find((f) => c.id.endsWith(`/${f.format}`))!;
      expect(body.totalBytes - Buffer.byteLength(body.head) - Buffer.byteLength(body.tail)).toBe(format.maxBytes + 1);
      expect(body.head).toContain(`filename="big${format.extension}"`);
      expect(c.expect).toMatchObject({ statuses: [422], messages: errorMessages(upload, 422, (name) => name === 'fileTooLarge') });
    }
  });

  it('writes the valid uploads as RFC 7578 forms with a documented file', async () => {
    const valid = all.filter((c) =>
      ['multipart.tricky-valid', 'multipart.rfc5987-preamble-epilogue', 'multipart.file-without-type', 'multipart.chunked'].includes(c.id),
    );
    expect(valid).toHaveLength(4);
    const extensions = uploadFormats(doc).map((f) => f.extension);
    for (const c of valid) {
      const send = http(c);
      const boundary = /boundary=(.+)$/.exec(send.headers.find(([n]) => n === 'Content-Type')![1])![1]!;
      const body = Buffer.from((send.body as { bytes: Uint8Array }).bytes).toString('latin1');
      // Read as RFC 2046 says: the delimiter is CRLF "--" boundary (the first one may open the body).
      const segments = `\r\n${body}`.split(`\r\n--${boundary}`);
      const parts = segments.slice(1, -1);
      expect(segments.at(-1)!.startsWith('--'), `${c.id} ends with the closing delimiter`).toBe(true);
      for (const part of parts) expect(part.split('\r\n\r\n')[0]).toMatch(/^\r\nContent-Disposition: form-data; name="[^"]+"/);
      const file = parts.map((p) => p.split('\r\n\r\n')[0]!).find((h) => h.includes('name="file"'));
      expect(file, c.id).toBeDefined();
      expect(
        extensions.some((e) => file!.includes(`${e}"`) || file!.includes(`${e}\r\n`) || file!.endsWith(e)),
        `${c.id}: ${file}`,
      ).toBe(true);
    }
    // Node's own parser (stricter than RFC 7578: no preamble, no filename*) reads the plain ones too.
    for (const c of valid.filter((v) => ['multipart.file-without-type', 'multipart.chunked'].includes(v.id))) {
      const send = http(c);
      const form = await new Response((send.body as { bytes: Uint8Array }).bytes as BodyInit, {
        headers: { 'content-type': send.headers[0]![1] },
      }).formData();
      expect((form.get('file') as File).name).toMatch(new RegExp(`(${extensions.map((e) => e.replace('.', '\\.')).join('|')})$`));
    }
  });

  it('filters by size, family and what the server can do', () => {
    const small = cases(doc, { maxBodyBytes: 1024 * 1024 });
    expect(small.every((c) => caseBytes(c) <= 1024 * 1024)).toBe(true);
    expect(small.some((c) => c.id.startsWith('multipart.over-limit/'))).toBe(false);
    expect(cases(doc, { families: ['protocol'] }).every((c) => c.family === 'protocol')).toBe(true);
    const stateless = cases(doc, { without: ['key-registry'] });
    expect(all.some((c) => c.needs?.includes('key-registry'))).toBe(true);
    expect(stateless.some((c) => c.needs?.includes('key-registry'))).toBe(false);
  });
});

describe('a different spec gives different cases', () => {
  it('follows x-max-bytes', () => {
    const smaller = edited((d) => {
      for (const item of Object.values(d.paths)) {
        for (const op of Object.values(item) as Array<{ requestBody?: { content?: Record<string, Record<string, unknown>> } }>) {
          const media = op?.requestBody?.content?.['application/json'];
          if (media) media['x-max-bytes'] = 2048;
        }
      }
    });
    const over = cases(smaller).find((c) => c.id.startsWith('json.over-limit/'))!;
    expect(bodyBytes(http(over).body)).toBe(2049);
  });

  it('follows the examples of a path parameter: the first one when no answer names any', () => {
    const first = (d: OpenAPIDocument) =>
      (d.components!.parameters as Record<string, { examples: Record<string, { value: string }> }>).RecordingId!.examples;
    const unnamed = edited((d) => {
      for (const example of Object.values(first(d)).slice(1)) example.value = '987654';
    });
    const path = http(cases(unnamed).find((c) => c.id === 'json.deep-nesting/updateRecording')!).path;
    expect(path).toBe(`/recordings/${Object.values(first(doc))[0]!.value}`);
    expect(http(byId.get('json.deep-nesting/updateRecording')!).path).not.toBe(path);
  });

  it('expects any status below 500 for a broken escape in an unconstrained parameter, and a refusal in a constrained one', () => {
    const op = operations.find((o) => o.method === 'get' && !o.path.includes('{') && o.parameters.some((p) => p.in === 'query'))!;
    const withFree = edited((d) => {
      const item = d.paths[op.path] as Record<string, { parameters?: unknown[] }>;
      item[op.method]!.parameters = [
        ...(item[op.method]!.parameters ?? []),
        { name: 'free_text', in: 'query', schema: { type: 'string' } },
      ];
    });
    const free = cases(withFree).find((c) => c.id === `query.bad-escape/${op.operationId}/free_text`)!;
    expect(free.expect).toEqual({ envelope: true });
    const constrained = op.parameters.find((p) => p.in === 'query')!;
    expect(byId.get(`query.bad-escape/${op.operationId}/${constrained.name}`)!.expect.statuses).toEqual([400, 404, 422]);
  });

  it('follows the base path of servers[0]', () => {
    const moved = edited((d) => (d.servers = [{ url: 'https://api.example/v7/api' }]));
    const wrong = cases(moved)
      .filter((c) => c.id.startsWith('path.wrong-base/'))
      .map((c) => http(c).path.split('/').slice(0, 3).join('/'));
    expect(wrong).toContain('/v8/api');
  });
});
