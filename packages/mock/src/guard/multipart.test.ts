/** The streaming multipart parser: any chunking, quoting, limits, malformed bodies, bounded memory. */
import { describe, expect, it } from 'vitest';
import { MultipartError, MultipartParser, parseDisposition, type MultipartLimits } from './multipart.js';

const BOUNDARY = '----mock7MA4YWxkTrZu0gW';

/** Serialises a form the way Web `FormData` does, through the platform's own encoder. */
async function encode(form: FormData): Promise<{ body: Buffer; boundary: string }> {
  const req = new Request('http://x/', { method: 'POST', body: form });
  const boundary = /boundary=(.+)$/.exec(req.headers.get('content-type') ?? '')![1]!;
  return { body: Buffer.from(await req.arrayBuffer()), boundary };
}

function parse(body: Buffer, boundary: string, chunkSize: number, limits?: MultipartLimits): MultipartParser {
  const parser = new MultipartParser(boundary, limits);
  for (let i = 0; i < body.length; i += chunkSize) parser.write(body.subarray(i, i + chunkSize));
  parser.end();
  return parser;
}

const part = (headers: string, content: string) => `--${BOUNDARY}\r\n${headers}\r\n\r\n${content}\r\n`;

describe('MultipartParser', () => {
  it.each([1, 2, 3, 7, 64, 1 << 20])('reads fields and files whatever the chunk size (%i bytes)', async (chunkSize) => {
    const form = new FormData();
    form.append('project_id', '42');
    form.append('name', 'Zoë "quoted"\r\nsecond line');
    // The boundary text inside the file, without the CRLF that would make it a delimiter.
    const content = Buffer.concat([Buffer.from('--'), Buffer.alloc(5000, 7)]);
    form.append('file', new Blob([content], { type: 'audio/mpeg' }), 'Žalgiris call.mp3');
    const { body, boundary } = await encode(form);
    const parser = parse(Buffer.concat([body.subarray(0, 10), body.subarray(10)]), boundary, chunkSize, { keepFileBytes: 4 });
    expect(parser.parts.map((p) => ({ ...p, head: p.head.toString('latin1') }))).toEqual([
      { name: 'project_id', size: 2, head: '42' },
      {
        name: 'name',
        size: Buffer.byteLength('Zoë "quoted"\r\nsecond line'),
        head: Buffer.from('Zoë "quoted"\r\nsecond line').toString('latin1'),
      },
      { name: 'file', filename: 'Žalgiris call.mp3', contentType: 'audio/mpeg', size: content.length, head: '--\u0007\u0007' },
    ]);
  });

  it('decodes filename* (RFC 5987), ignores preamble and epilogue, and accepts a part without Content-Type', () => {
    const body = Buffer.from(
      `preamble\r\n${part(`Content-Disposition: form-data; name="file"; filename="a.mp3"; filename*=UTF-8''%C5%BE.mp3`, 'abc')}--${BOUNDARY}--\r\nepilogue`,
    );
    const parser = parse(body, BOUNDARY, 5);
    expect(parser.parts).toEqual([{ name: 'file', filename: 'ž.mp3', size: 3, head: Buffer.from('abc') }]);
  });

  it('accepts white space after a boundary (transport padding) and an empty form', () => {
    expect(
      parse(Buffer.from(`--${BOUNDARY}  \r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n--${BOUNDARY}--`), BOUNDARY, 3).parts,
    ).toHaveLength(1);
    expect(parse(Buffer.from(`--${BOUNDARY}--\r\n`), BOUNDARY, 3).parts).toEqual([]);
  });

  it.each([
    {
      name: 'no closing boundary',
      text: part('Content-Disposition: form-data; name="a"', 'value').trimEnd(),
      error: /before the closing boundary/,
    },
    { name: 'an empty body', text: '', error: /no boundary line/ },
    {
      name: 'another boundary in the body',
      text: `--other\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n--other--`,
      error: /no boundary line/,
    },
    { name: 'a header without a colon', text: `${part('nonsense', 'v')}--${BOUNDARY}--`, error: /no "name:"/ },
    {
      name: 'a part without Content-Disposition',
      text: `${part('Content-Type: text/plain', 'v')}--${BOUNDARY}--`,
      error: /no Content-Disposition/,
    },
    { name: 'a part without a name', text: `${part('Content-Disposition: form-data', 'v')}--${BOUNDARY}--`, error: /no name/ },
    {
      name: 'a disposition that is not form-data',
      text: `${part('Content-Disposition: attachment; name="a"', 'v')}--${BOUNDARY}--`,
      error: /not form-data/,
    },
    { name: 'garbage after a boundary', text: `--${BOUNDARY}XYZ\r\n\r\n`, error: /something other than CRLF/ },
    {
      name: 'a folded header',
      text: `--${BOUNDARY}\r\nContent-Disposition: form-data;\r\n name="a"\r\n\r\nv\r\n--${BOUNDARY}--`,
      error: /folded/,
    },
    {
      name: 'a malformed part Content-Type',
      text: `${part('Content-Disposition: form-data; name="a"\r\nContent-Type: audio/', 'v')}--${BOUNDARY}--`,
      error: /Content-Type is malformed/,
    },
    {
      name: 'an unterminated quoted name',
      text: `${part('Content-Disposition: form-data; name="a', 'v')}--${BOUNDARY}--`,
      error: /malformed value/,
    },
    {
      name: 'filename* in another charset',
      text: `${part(`Content-Disposition: form-data; name="f"; filename*=ISO-8859-1''%E9.mp3`, 'v')}--${BOUNDARY}--`,
      error: /UTF-8/,
    },
  ])('refuses $name', ({ text, error }) => {
    expect(() => parse(Buffer.from(text), BOUNDARY, 4)).toThrow(
      expect.objectContaining({ code: 'malformed', message: expect.stringMatching(error) }),
    );
  });

  it('stops a part as soon as it passes the limit onPart gives it, naming the part', () => {
    const body = Buffer.from(`${part('Content-Disposition: form-data; name="file"; filename="a.mp3"', 'a'.repeat(100))}`);
    const parser = new MultipartParser(BOUNDARY, { onPart: () => 10 });
    expect(() => parser.write(body)).toThrow(
      expect.objectContaining({ code: 'part-too-large', part: { name: 'file', filename: 'a.mp3' } }),
    );
  });

  it('lets onPart refuse a part before its content is read', () => {
    const refusal = new Error('no');
    const parser = new MultipartParser(BOUNDARY, {
      onPart: () => {
        throw refusal;
      },
    });
    expect(() => parser.write(Buffer.from(part('Content-Disposition: form-data; name="a"', 'v')))).toThrow(refusal);
  });

  it.each([
    {
      name: 'parts',
      limits: { maxParts: 2 },
      text: [1, 2, 3].map((i) => part(`Content-Disposition: form-data; name="f${i}"`, 'v')).join(''),
      code: 'too-many-parts',
    },
    {
      name: 'a text field',
      limits: { maxFieldBytes: 4 },
      text: part('Content-Disposition: form-data; name="f"', '123456789'),
      code: 'part-too-large',
    },
    {
      name: 'a header block',
      limits: { maxHeaderBytes: 64 },
      text: part(`Content-Disposition: form-data; name="${'x'.repeat(100)}"`, 'v'),
      code: 'headers-too-large',
    },
    {
      name: 'the preamble',
      limits: { maxPreambleBytes: 16 },
      text: `${'p'.repeat(100)}\r\n${part('Content-Disposition: form-data; name="f"', 'v')}`,
      code: 'malformed',
    },
  ])('limits $name', ({ limits, text, code }) => {
    const parser = new MultipartParser(BOUNDARY, limits);
    expect(() => parser.write(Buffer.from(`${text}--${BOUNDARY}--`))).toThrow(expect.objectContaining({ code }));
  });

  it('holds kilobytes, not the file, while a 64 MiB file streams through it', () => {
    const parser = new MultipartParser(BOUNDARY);
    parser.write(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.wav"\r\n\r\n`));
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    for (let i = 0; i < 1024; i++) parser.write(chunk);
    parser.write(Buffer.from(`\r\n--${BOUNDARY}--\r\n`));
    parser.end();
    expect(parser.parts[0]).toMatchObject({ name: 'file', size: 64 * 1024 * 1024 });
    expect(parser.parts[0]!.head.length).toBe(256);
    // One socket chunk plus the look-ahead: nothing grows with the file.
    expect(parser.maxBuffered).toBeLessThan(chunk.length + 128);
  });

  it('throws MultipartError instances', () => {
    expect(() => parse(Buffer.from(''), BOUNDARY, 1)).toThrow(MultipartError);
  });
});

describe('parseDisposition', () => {
  it.each([
    { value: 'form-data; name="a"', parsed: { name: 'a', filename: undefined } },
    { value: 'Form-Data; name=a; filename="C:\\dir\\x.mp3"', parsed: { name: 'a', filename: 'C:\\dir\\x.mp3' } },
    { value: 'form-data; name="a\\"b"', parsed: { name: 'a"b', filename: undefined } },
    { value: 'form-data; name="f"; filename=""', parsed: { name: 'f', filename: '' } },
  ])('reads $value', ({ value, parsed }) => {
    expect(parseDisposition(value)).toEqual(parsed);
  });

  it('refuses a parameter given twice', () => {
    expect(() => parseDisposition('form-data; name="a"; name="b"')).toThrow(/given twice/);
  });
});
