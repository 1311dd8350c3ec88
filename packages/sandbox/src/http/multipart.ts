/**
 * A small streaming `multipart/form-data` parser. Text fields are kept (up to a size limit); file
 * parts are counted, not stored, so an upload of any size costs no memory and a file over its
 * limit is refused as soon as it passes it.
 * @see https://www.rfc-editor.org/rfc/rfc7578 (multipart/form-data)
 * @see https://www.rfc-editor.org/rfc/rfc2046#section-5.1.1 (boundary syntax)
 */

/** Why a multipart body was refused. */
export type MultipartErrorCode = 'malformed' | 'file-too-large' | 'field-too-large' | 'too-many-parts';

/** A refused multipart body. */
export class MultipartError extends Error {
  constructor(
    readonly code: MultipartErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MultipartError';
  }
}

/** The headers of one part. */
export interface PartInfo {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
}

/** A file part as received: its headers and size in bytes. */
export interface ReceivedFile extends PartInfo {
  filename: string;
  size: number;
}

/** Limits and the per-file hook of a parser. */
export interface MultipartOptions {
  /** Largest text field, in bytes. @default 65536 */
  maxFieldBytes?: number;
  /** Most parts in one body. @default 100 */
  maxParts?: number;
  /** Largest header block of one part, in bytes. @default 16384 */
  maxHeaderBytes?: number;
  /** Called when a file part starts; returns its size limit in bytes, or throws to refuse it. */
  onFileStart?: (info: ReceivedFile) => number;
}

/** The `boundary` parameter of a `multipart/form-data` content type, or undefined. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
  const m = /;\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

function parseParams(header: string): Map<string, string> {
  const params = new Map<string, string>();
  const re = /;\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (let m = re.exec(header); m; m = re.exec(header)) {
    const key = m[1]!.toLowerCase();
    let value = m[2]!.trim();
    if (value.startsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    if (key.endsWith('*')) {
      // RFC 5987: charset'language'percent-encoded
      const ext = /^([^']*)'[^']*'(.*)$/.exec(value);
      try {
        if (ext) params.set(key.slice(0, -1), decodeURIComponent(ext[2]!));
      } catch {
        // keep the plain parameter, if any
      }
    } else if (!params.has(key)) {
      params.set(key, value);
    }
  }
  return params;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

type State = 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done';

/** Parses one multipart body, fed chunk by chunk. */
export class MultipartParser {
  /** Text fields; the first value of a repeated name wins. */
  readonly fields = new Map<string, string>();
  /** File parts, in order. */
  readonly files: ReceivedFile[] = [];

  private readonly delimiter: Buffer;
  private buf: Buffer;
  private state: State = 'preamble';
  private parts = 0;
  private part: { info: PartInfo; file?: ReceivedFile; limit: number; chunks: Buffer[]; size: number } | undefined;
  private readonly maxFieldBytes: number;
  private readonly maxParts: number;
  private readonly maxHeaderBytes: number;

  constructor(
    boundary: string,
    private readonly options: MultipartOptions = {},
  ) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
    // A leading CRLF makes the first delimiter look like every other one.
    this.buf = Buffer.from(CRLF);
    this.maxFieldBytes = options.maxFieldBytes ?? 65536;
    this.maxParts = options.maxParts ?? 100;
    this.maxHeaderBytes = options.maxHeaderBytes ?? 16384;
  }

  /** Feeds the next chunk. Throws MultipartError (or what `onFileStart` throws) to refuse the body. */
  write(chunk: Buffer): void {
    if (this.state === 'done') return;
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    for (;;) {
      if (!this.step()) break;
    }
  }

  /** Signals the end of the body. Throws MultipartError when it ended before the closing delimiter. */
  end(): void {
    if (this.state !== 'done') throw new MultipartError('malformed', 'multipart body ended before its closing boundary');
  }

  /** Advances the state machine once; false when more input is needed. */
  private step(): boolean {
    const d = this.delimiter;
    switch (this.state) {
      case 'preamble': {
        const i = this.buf.indexOf(d);
        if (i < 0) {
          this.buf = this.buf.subarray(Math.max(0, this.buf.length - d.length + 1));
          return false;
        }
        this.buf = this.buf.subarray(i + d.length);
        this.state = 'after-delimiter';
        return true;
      }
      case 'after-delimiter': {
        if (this.buf.length < 2) return false;
        if (this.buf[0] === 0x2d && this.buf[1] === 0x2d) {
          this.state = 'done';
          this.buf = Buffer.alloc(0);
          return false;
        }
        const i = this.buf.indexOf(CRLF);
        if (i < 0) {
          if (this.buf.length > 256) throw new MultipartError('malformed', 'bad multipart boundary line');
          return false;
        }
        if (!/^[ \t]*$/.test(this.buf.subarray(0, i).toString('latin1'))) {
          throw new MultipartError('malformed', 'bad multipart boundary line');
        }
        this.buf = this.buf.subarray(i + 2);
        this.state = 'headers';
        return true;
      }
      case 'headers': {
        const noHeaders = this.buf.length >= 2 && this.buf[0] === 0x0d && this.buf[1] === 0x0a;
        const i = noHeaders ? -2 : this.buf.indexOf(HEADER_END);
        if (i === -1) {
          if (this.buf.length > this.maxHeaderBytes) throw new MultipartError('malformed', 'multipart part headers too large');
          return false;
        }
        const block = noHeaders ? '' : this.buf.subarray(0, i).toString('utf8');
        this.buf = this.buf.subarray(noHeaders ? 2 : i + 4);
        this.startPart(block);
        this.state = 'body';
        return true;
      }
      case 'body': {
        const i = this.buf.indexOf(d);
        if (i < 0) {
          const keep = d.length - 1;
          if (this.buf.length > keep) {
            this.data(this.buf.subarray(0, this.buf.length - keep));
            this.buf = this.buf.subarray(this.buf.length - keep);
          }
          return false;
        }
        this.data(this.buf.subarray(0, i));
        this.finishPart();
        this.buf = this.buf.subarray(i + d.length);
        this.state = 'after-delimiter';
        return true;
      }
      case 'done':
        return false;
    }
  }

  private startPart(block: string): void {
    if (++this.parts > this.maxParts) throw new MultipartError('too-many-parts', `more than ${this.maxParts} parts`);
    let disposition: string | undefined;
    let contentType: string | undefined;
    for (const line of block.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) throw new MultipartError('malformed', 'bad multipart part header');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-disposition') disposition = value;
      else if (name === 'content-type') contentType = value;
    }
    if (!disposition || !/^form-data\s*(;|$)/i.test(disposition)) {
      throw new MultipartError('malformed', 'multipart part without Content-Disposition: form-data');
    }
    const params = parseParams(disposition);
    const name = params.get('name');
    if (name === undefined) throw new MultipartError('malformed', 'multipart part without a name');
    const filename = params.get('filename');
    const info: PartInfo = { name, filename, contentType };
    if (filename !== undefined) {
      const file: ReceivedFile = { name, filename, contentType, size: 0 };
      const limit = this.options.onFileStart ? this.options.onFileStart(file) : Number.POSITIVE_INFINITY;
      this.part = { info, file, limit, chunks: [], size: 0 };
    } else {
      this.part = { info, limit: this.maxFieldBytes, chunks: [], size: 0 };
    }
  }

  private data(bytes: Buffer): void {
    const part = this.part;
    if (!part || bytes.length === 0) return;
    part.size += bytes.length;
    if (part.file) {
      part.file.size = part.size;
      if (part.size > part.limit) throw new MultipartError('file-too-large', `file "${part.file.filename}" is too large`);
      return;
    }
    if (part.size > part.limit) throw new MultipartError('field-too-large', `form field "${part.info.name}" is too large`);
    part.chunks.push(Buffer.from(bytes));
  }

  private finishPart(): void {
    const part = this.part;
    this.part = undefined;
    if (!part) return;
    if (part.file) {
      this.files.push(part.file);
    } else if (!this.fields.has(part.info.name)) {
      this.fields.set(part.info.name, Buffer.concat(part.chunks).toString('utf8'));
    }
  }
}
