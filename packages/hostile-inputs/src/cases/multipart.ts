/**
 * Uploads: bodies a multipart parser must get right (any chunking, quotes and line breaks in
 * values, the boundary text inside a file, RFC 5987 names, preamble and epilogue, a file part
 * without a type) succeed; broken ones (truncated, a part without a disposition or a name, garbage
 * after a boundary, another boundary than announced) are 400; a missing file, an unsupported type
 * and a file over its format's limit get the documented answers.
 * @see https://docs.identitycall.ai/api-reference/recordings/create
 * @see ../../../../spec/DECISIONS.md (B14, G9, G16)
 */
import { bytes, generated, type Body, type HostileCase } from '../case.js';
import { formBody, formType, http, type FormPart } from '../build.js';
import { exampleFields, fileFieldOf, messagesOf, pathWith, requiredQuery, successStatuses, type SpecView } from '../spec.js';

/** The boundary the cases announce (the one browsers would pick looks much like it). */
export const BOUNDARY = '----hostileInputs7MA4YWxkTrZu0gW';

interface FormCase {
  id: string;
  title: string;
  body: Body;
  statuses?: number[];
  messages?: string[];
  framing?: 'chunked';
  chunkBytes?: number;
}

/** Every multipart case; `maxBodyBytes` leaves out the over-limit uploads larger than that. */
export function multipartCases(view: SpecView, maxBodyBytes = Number.POSITIVE_INFINITY): HostileCase[] {
  const op = view.upload;
  const file = fileFieldOf(view);
  const fields: FormPart[] = Object.entries(exampleFields(op, file)).map(([name, content]) => ({ name, content }));
  const format = view.formats[0]!;
  const audio = (content: string | Uint8Array = 'ID3\u0003\u0000'): FormPart => ({
    name: file,
    filename: `call${format.extension}`,
    contentType: format.mediaTypes[0],
    content,
  });
  const form = (parts: FormPart[], options?: Parameters<typeof formBody>[2]) => bytes(formBody(BOUNDARY, parts, options));
  const success = successStatuses(op);
  const fileRequired = [...messagesOf(op, 400), ...messagesOf(op, 422, ['fileRequired'])];
  const invalidType = messagesOf(op, 422, ['invalidFileType']);
  const tooLarge = messagesOf(op, 422, ['fileTooLarge']);

  // The boundary text inside the file, but never after CRLF (that would end the part).
  const tricky = Buffer.concat([Buffer.from(`ID3 --${BOUNDARY} \n--${BOUNDARY}--\r-\r\n-${BOUNDARY}`), Buffer.alloc(5000, 7)]);
  const list: FormCase[] = [
    {
      id: 'tricky-valid',
      title: 'quotes and CRLF in a value, the boundary text inside the file, sent 7 bytes at a time',
      body: form([
        ...fields,
        { name: 'name', content: 'Zoë "quoted"\r\nsecond line' },
        { ...audio(tricky), filename: `Žalgiris call${format.extension}` },
      ]),
      statuses: success,
      chunkBytes: 7,
    },
    {
      id: 'rfc5987-preamble-epilogue',
      title: "filename*=UTF-8'' with a preamble and an epilogue",
      body: form(
        [
          ...fields,
          {
            headerLines: [
              `Content-Disposition: form-data; name="${file}"; filename="a${format.extension}"; filename*=UTF-8''%C5%BE${format.extension}`,
              `Content-Type: ${format.mediaTypes[0]}`,
            ],
            content: 'ID3',
          },
        ],
        { preamble: 'preamble text', epilogue: 'epilogue text' },
      ),
      statuses: success,
    },
    {
      id: 'file-without-type',
      title: 'a file part without Content-Type (optional in RFC 7578)',
      body: form([...fields, { ...audio(), contentType: undefined }]),
      statuses: success,
    },
    {
      id: 'chunked',
      title: 'a valid upload sent with chunked transfer coding',
      body: form([...fields, audio()]),
      statuses: success,
      framing: 'chunked',
      chunkBytes: 100,
    },
    { id: 'truncated', title: 'no closing boundary (truncated body)', body: form([...fields, audio()], { close: false }), statuses: [400] },
    {
      id: 'no-disposition',
      title: 'a part without Content-Disposition',
      body: form([{ headerLines: ['Content-Type: text/plain'], content: 'abc' }, audio()]),
      statuses: [400],
    },
    {
      id: 'no-name',
      title: 'a part without a name',
      body: form([{ headerLines: ['Content-Disposition: form-data'], content: 'v' }, audio()]),
      statuses: [400],
    },
    {
      id: 'header-without-colon',
      title: 'a part header line without a colon',
      body: form([{ headerLines: ['nonsense'], content: 'v' }, audio()]),
      statuses: [400],
    },
    {
      id: 'garbage-after-boundary',
      title: 'garbage right after a boundary',
      body: bytes(Buffer.from(`--${BOUNDARY}XYZ\r\n\r\n`)),
      statuses: [400, 422],
    },
    {
      id: 'other-boundary',
      title: 'a body written with another boundary than announced',
      body: bytes(formBody('someOtherBoundary', [...fields, audio()])),
      statuses: [400, 422],
    },
    // Zero bytes are no form at all (no file), not a broken form: the documented "file is required".
    {
      id: 'empty-body',
      title: 'an empty body (no form, so no file)',
      body: bytes(new Uint8Array()),
      statuses: [400, 422],
      messages: fileRequired,
    },
    { id: 'no-file', title: 'fields but no file part', body: form(fields), statuses: [400, 422], messages: fileRequired },
    {
      id: 'unsupported-type',
      title: 'a text file',
      body: form([...fields, { name: file, filename: 'notes.txt', contentType: 'text/plain', content: 'not audio' }]),
      statuses: [422],
      messages: invalidType,
    },
    {
      id: 'crlf-in-filename',
      title: 'a raw CR LF inside a quoted file name',
      body: form([{ headerLines: [`Content-Disposition: form-data; name="${file}"; filename="a\r\nX-Injected: 1.mp3"`], content: 'ID3' }]),
      statuses: [400, 422],
    },
    {
      id: 'huge-part-header',
      title: 'a 20 KiB part header',
      body: form([{ headerLines: [`Content-Disposition: form-data; name="x${'x'.repeat(20 * 1024)}"`], content: 'v' }, audio()]),
      statuses: [400, 413, 422, 431],
    },
    { id: 'lf-only', title: 'lines ended by LF alone (tolerated or refused)', body: form([...fields, audio()], { newline: '\n' }) },
    {
      id: 'many-parts',
      title: '2000 tiny parts (refused or read, never a 5xx)',
      body: form([...Array.from({ length: 2000 }, (_, i) => ({ name: `f${i}`, content: 'v' })), audio()]),
    },
    { id: 'two-files', title: 'two file parts (refused or one read, never a 5xx)', body: form([...fields, audio(), audio()]) },
    {
      id: 'traversal-filename',
      title: 'a file name with ../ (stored safely or refused, never a 5xx)',
      body: form([...fields, { ...audio(), filename: `../../etc/passwd${format.extension}` }]),
    },
  ];
  // One over-limit upload per distinct limit: the file part is the limit + 1 bytes.
  for (const limit of [...new Set(view.formats.map((f) => f.maxBytes))]) {
    const f = view.formats.find((x) => x.maxBytes === limit)!;
    const before = Buffer.from(formBody(BOUNDARY, fields)).toString('latin1').replace(`--${BOUNDARY}--\r\n`, '');
    const head = `${before}--${BOUNDARY}\r\nContent-Disposition: form-data; name="${file}"; filename="big${f.extension}"\r\nContent-Type: ${f.mediaTypes[0]}\r\n\r\n`;
    const tail = `\r\n--${BOUNDARY}--\r\n`;
    const total = Buffer.byteLength(head) + limit + 1 + Buffer.byteLength(tail);
    if (total > maxBodyBytes) continue;
    list.push({
      id: `over-limit/${f.format}`,
      title: `a ${f.format} file of its limit + 1 bytes (${limit + 1})`,
      body: generated(head, '\u0007', tail, total),
      statuses: [422],
      messages: tooLarge,
    });
  }
  const path = `${pathWith(view, op)}${requiredQuery(view, op)}`;
  return list.map((c) => ({
    id: `multipart.${c.id}`,
    family: 'multipart',
    operationId: op.operationId,
    title: `${op.operationId}: ${c.title}: ${c.statuses ? c.statuses.join(' or ') : 'never a 5xx'}`,
    send: http(op.method.toUpperCase(), path, {
      headers: [formType(BOUNDARY)],
      body: c.body,
      ...(c.framing && { framing: c.framing }),
      ...(c.chunkBytes && { chunkBytes: c.chunkBytes }),
    }),
    expect: { ...(c.statuses && { statuses: c.statuses }), envelope: true, ...(c.messages?.length && { messages: c.messages }) },
  }));
}
