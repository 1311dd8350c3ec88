/** The streaming multipart parser: any chunking, quoting, limits and malformed bodies. */
import { describe, expect, it } from 'vitest';
import { MultipartError, MultipartParser, boundaryOf } from '../src/http/multipart.js';

const BOUNDARY = '----sandbox7MA4YWxkTrZu0gW';

/** Serialises a form the way Web `FormData` does, through the platform's own encoder. */
async function encode(form: FormData): Promise<{ body: Buffer; boundary: string }> {
  const req = new Request('http://x/', { method: 'POST', body: form });
  const boundary = boundaryOf(req.headers.get('content-type') ?? undefined)!;
  return { body: Buffer.from(await req.arrayBuffer()), boundary };
}

function parse(body: Buffer, boundary: string, chunkSize: number, onFileStart?: () => number): MultipartParser {
  const parser = new MultipartParser(boundary, { onFileStart });
  for (let i = 0; i < body.length; i += chunkSize) parser.write(body.subarray(i, i + chunkSize));
  parser.end();
  return parser;
}

describe('MultipartParser', () => {
  it.each([1, 2, 3, 7, 64, 1 << 20])('reads fields and file sizes whatever the chunk size (%i bytes)', async (chunkSize) => {
    const form = new FormData();
    form.append('project_id', '42');
    form.append('name', 'Zoë "quoted"\r\nsecond line');
    // File content that contains the boundary text without its leading CRLF.
    const content = Buffer.concat([Buffer.from(`--${'x'.repeat(20)}\r\n`), Buffer.alloc(5000, 7)]);
    form.append('file', new Blob([content], { type: 'audio/mpeg' }), 'Žalgiris call.mp3');
    const { body, boundary } = await encode(form);
    const parser = parse(body, boundary, chunkSize);
    expect(Object.fromEntries(parser.fields)).toEqual({ project_id: '42', name: 'Zoë "quoted"\r\nsecond line' });
    expect(parser.files).toEqual([{ name: 'file', filename: 'Žalgiris call.mp3', contentType: 'audio/mpeg', size: content.length }]);
  });

  it('decodes RFC 5987 filename* and ignores preamble and epilogue', () => {
    const body = Buffer.from(
      `preamble\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.mp3"; filename*=UTF-8''%C5%BE.mp3\r\n\r\nabc\r\n--${BOUNDARY}--\r\nepilogue`,
    );
    const parser = parse(body, BOUNDARY, 5);
    expect(parser.files[0]).toMatchObject({ filename: 'ž.mp3', size: 3 });
  });

  it('stops a file as soon as it passes its limit', () => {
    const body = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.mp3"\r\n\r\n${'a'.repeat(100)}`);
    const parser = new MultipartParser(BOUNDARY, { onFileStart: () => 10 });
    expect(() => parser.write(body)).toThrow(expect.objectContaining({ code: 'file-too-large' }));
  });

  it.each([
    { name: 'no closing boundary', text: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue` },
    { name: 'empty body', text: '' },
    { name: 'header without colon', text: `--${BOUNDARY}\r\nnonsense\r\n\r\nv\r\n--${BOUNDARY}--` },
    { name: 'part without a name', text: `--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nv\r\n--${BOUNDARY}--` },
  ])('refuses a malformed body ($name)', ({ text }) => {
    expect(() => parse(Buffer.from(text), BOUNDARY, 4)).toThrow(MultipartError);
  });

  it('limits the number of parts and the size of a text field', () => {
    const many = Array.from({ length: 3 }, (_, i) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nv\r\n`).join('');
    const parser = new MultipartParser(BOUNDARY, { maxParts: 2 });
    expect(() => parser.write(Buffer.from(`${many}--${BOUNDARY}--`))).toThrow(expect.objectContaining({ code: 'too-many-parts' }));
    const big = new MultipartParser(BOUNDARY, { maxFieldBytes: 4 });
    expect(() =>
      big.write(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="f"\r\n\r\n123456789\r\n--${BOUNDARY}--`)),
    ).toThrow(expect.objectContaining({ code: 'field-too-large' }));
  });
});

describe('boundaryOf', () => {
  it.each([
    { type: 'multipart/form-data; boundary=abc', boundary: 'abc' },
    { type: 'Multipart/Form-Data; charset=utf-8; boundary="a b:c"', boundary: 'a b:c' },
    { type: 'multipart/form-data', boundary: undefined },
    { type: 'application/json; boundary=abc', boundary: undefined },
    { type: undefined, boundary: undefined },
  ])('reads $type', ({ type, boundary }) => {
    expect(boundaryOf(type)).toBe(boundary);
  });
});
