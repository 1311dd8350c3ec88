/**
 * The recording upload: every accepted input kind arrives as the multipart the spec describes,
 * and every documented constraint (format, size) is checked before anything is sent.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, recordingFetch, rejection, testClient } from '../../test/helpers.js';
import { UPLOAD_LIMITS, UploadValidationError, type UploadParams } from '../index.js';

const MiB = 1024 * 1024;
const audio = new Uint8Array([0xff, 0xfb, 0x90, 0x64, 0x00, 0x01, 0x02]);
const created = json({ data: { public_id: '018f3a4c-1111-7000-8000-000000000001', status: 'pending' } }, 201);

let dir: string;
const at = (name: string) => join(dir, name);
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'identitycall-upload-'));
  await writeFile(at('call.wav'), audio);
  await writeFile(at('call.webm'), audio);
  // Sparse files: their size is real, their bytes cost nothing.
  await writeFile(at('big.mp3'), '');
  await truncate(at('big.mp3'), 101 * MiB);
  await writeFile(at('huge.wav'), '');
  await truncate(at('huge.wav'), 501 * MiB);
  await writeFile(at('large.wav'), '');
  await truncate(at('large.wav'), 200 * MiB);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The multipart part of the file: its headers, from the bytes the client sent. */
function filePart(body: string): string {
  return body.slice(body.indexOf('name="file"'), body.indexOf('\r\n\r\n', body.indexOf('name="file"')));
}

describe('UPLOAD_LIMITS (generated from the spec)', () => {
  it('holds the documented formats and limits', () => {
    expect(UPLOAD_LIMITS).toEqual({ mp3: 100 * MiB, m4a: 100 * MiB, ogg: 100 * MiB, webm: 100 * MiB, wav: 500 * MiB, flac: 500 * MiB });
  });
});

describe('accepted inputs', () => {
  it.each<{
    name: string;
    file: () => UploadParams['file'] | Promise<UploadParams['file']>;
    filename?: string;
    sentName: string;
    type: string;
  }>([
    { name: 'a file path', file: () => at('call.wav'), sentName: 'call.wav', type: 'audio/wav' },
    {
      name: 'a Blob with a type and a filename',
      file: () => new Blob([audio], { type: 'audio/mpeg' }),
      filename: 'a.mp3',
      sentName: 'a.mp3',
      type: 'audio/mpeg',
    },
    {
      name: 'a Blob with only a type',
      file: () => new Blob([audio], { type: 'audio/mpeg' }),
      sentName: 'recording.mp3',
      type: 'audio/mpeg',
    },
    { name: 'a File', file: () => new File([audio], 'q1.ogg', { type: 'audio/ogg' }), sentName: 'q1.ogg', type: 'audio/ogg' },
    {
      name: 'a File typed video/webm (re-typed)',
      file: () => new File([audio], 'm.webm', { type: 'video/webm' }),
      sentName: 'm.webm',
      type: 'audio/webm',
    },
    { name: 'a Uint8Array', file: () => audio, filename: 'a.mp3', sentName: 'a.mp3', type: 'audio/mpeg' },
    { name: 'a Buffer', file: () => Buffer.from(audio), filename: 'b.flac', sentName: 'b.flac', type: 'audio/flac' },
    { name: 'an ArrayBuffer', file: () => audio.slice().buffer, filename: 'c.m4a', sentName: 'c.m4a', type: 'audio/mp4' },
    {
      name: 'a Node Readable',
      file: () => Readable.from([Buffer.from(audio.slice(0, 3)), Buffer.from(audio.slice(3))]),
      filename: 'd.webm',
      sentName: 'd.webm',
      type: 'audio/webm',
    },
    {
      name: 'an fs.ReadStream (named by its path)',
      file: () => createReadStream(at('call.webm')),
      sentName: 'call.webm',
      type: 'audio/webm',
    },
    {
      name: 'a web ReadableStream',
      file: () => new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(audio.slice(0, 2)), c.enqueue(audio.slice(2)), c.close()) }),
      filename: 'e.mp3',
      sentName: 'e.mp3',
      type: 'audio/mpeg',
    },
    {
      name: 'a file-backed Blob (fs.openAsBlob)',
      file: () => openAsBlob(at('call.wav')),
      filename: 'call.wav',
      sentName: 'call.wav',
      type: 'audio/wav',
    },
  ])('$name → $sentName as $type', async ({ file, filename, sentName, type }) => {
    const { fetch, sent } = recordingFetch(created);
    const params: UploadParams = { file: await file(), project_id: 42, external_id: 'crm-call-abc-123', language: 'en' };
    if (filename) params.filename = filename;
    const result = await testClient(fetch).recordings.upload(params);
    expect(result).toMatchObject({ status: 'pending' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(filePart(sent[0]!.body!)).toBe(`name="file"; filename="${sentName}"\r\nContent-Type: ${type}`);
    expect(Buffer.from(sent[0]!.bytes!).includes(Buffer.from(audio))).toBe(true);
    expect(sent[0]!.body).toContain('name="project_id"\r\n\r\n42');
    expect(sent[0]!.body).toContain('name="external_id"\r\n\r\ncrm-call-abc-123');
  });

  it('sends a 200 MB WAV (over the MP3 limit, under the WAV one) without reading it into memory', async () => {
    const calls: Request[] = [];
    const fetch = async (request: Request) => (calls.push(request), created.clone());
    const before = process.memoryUsage().arrayBuffers;
    await testClient(fetch).recordings.upload({ file: at('large.wav') });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).not.toBeNull();
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * MiB);
  });
});

describe('refused before sending', () => {
  let pulled = 0;
  let cancelled = false;
  const oneMiB = new Uint8Array(MiB);
  it.each<{ name: string; params: () => UploadParams | Promise<UploadParams>; problem: string; message: RegExp }>([
    {
      name: 'an unsupported extension',
      params: () => ({ file: audio, filename: 'notes.txt' }),
      problem: 'format',
      message: /^notes\.txt: \.txt is not a supported audio format; use \.mp3 \(≤ 100 MB\), .*\.wav \(≤ 500 MB\)/,
    },
    {
      name: 'a path with an unsupported extension',
      params: () => ({ file: at('call.aiff') }),
      problem: 'format',
      message: /\.aiff is not a supported audio format/,
    },
    {
      name: 'bytes without a name',
      params: () => ({ file: audio }),
      problem: 'format',
      message: /^Cannot tell the audio format of the upload: pass `filename`/,
    },
    {
      name: 'a Blob with a non-audio type and no name',
      params: () => ({ file: new Blob([audio], { type: 'text/plain' }) }),
      problem: 'format',
      message: /Cannot tell the audio format/,
    },
    {
      name: 'a name and a type that disagree',
      params: () => ({ file: new File([audio], 'a.mp3', { type: 'audio/wav' }) }),
      problem: 'format',
      message: /^a\.mp3 is named \.mp3 but has type audio\/wav \(\.wav\)/,
    },
    {
      name: 'an empty file',
      params: () => ({ file: new Uint8Array(0), filename: 'a.mp3' }),
      problem: 'empty',
      message: /^a\.mp3 is empty \(0 bytes\)\.$/,
    },
    {
      name: 'an MP3 path over 100 MB',
      params: () => ({ file: at('big.mp3') }),
      problem: 'size',
      message: /^big\.mp3 is 101 MB; MP3 uploads are limited to 100 MB\.$/,
    },
    {
      name: 'a WAV Blob over 500 MB',
      params: async () => ({ file: await openAsBlob(at('huge.wav')), filename: 'huge.wav' }),
      problem: 'size',
      message: /^huge\.wav is 501 MB; WAV uploads are limited to 500 MB\.$/,
    },
    {
      name: 'a Node stream over 100 MB (stopped early)',
      params: () => ({
        file: Readable.from(
          (function* () {
            for (let i = 0; i < 300; i++) yield (pulled++, oneMiB);
          })(),
        ),
        filename: 'long.ogg',
      }),
      problem: 'size',
      message: /^long\.ogg is over 100 MB; OGG uploads are limited to 100 MB\.$/,
    },
    {
      name: 'a web stream over 100 MB (cancelled)',
      params: () => ({
        file: new ReadableStream<Uint8Array>({ pull: (c) => c.enqueue(oneMiB), cancel: () => void (cancelled = true) }),
        filename: 'long.webm',
      }),
      problem: 'size',
      message: /^long\.webm is over 100 MB/,
    },
    {
      name: 'a stream of strings',
      params: () => ({ file: Readable.from(['text']), filename: 'a.mp3' }),
      problem: 'input',
      message: /must yield bytes/,
    },
    {
      name: 'a number',
      params: () => ({ file: 42 as unknown as Blob, filename: 'a.mp3' }),
      problem: 'input',
      message: /^Cannot upload \[object Number\]: pass a file path/,
    },
    {
      name: 'a plain object',
      params: () => ({ file: {} as Blob, filename: 'a.mp3' }),
      problem: 'input',
      message: /^Cannot upload \[object Object\]/,
    },
    {
      name: 'a missing file',
      params: () => ({ file: at('missing.mp3') }),
      problem: 'unreadable',
      message: /^Cannot read .*missing\.mp3: .*ENOENT/,
    },
  ])('$name → $problem', async ({ params, problem, message }) => {
    const { fetch, sent } = recordingFetch(created);
    const error = await rejection(testClient(fetch).recordings.upload(await params()));
    expect(error).toBeInstanceOf(UploadValidationError);
    expect(error).toMatchObject({ problem, method: 'POST', path: '/recordings', status: undefined });
    expect(error.message).toMatch(message);
    expect(sent).toHaveLength(0);
  });

  it('stopped reading the over-long streams soon after the limit', () => {
    expect(pulled).toBeGreaterThan(100);
    expect(pulled).toBeLessThan(120);
    expect(cancelled).toBe(true);
  });
});
