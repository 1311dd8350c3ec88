/**
 * A streaming `multipart/form-data` parser. It holds at most a part's header block, a text field
 * and a few dozen bytes of look-ahead in memory, whatever the size of a file part: file contents
 * are counted (and their first bytes kept), never collected, so the largest upload costs kilobytes.
 * @see https://www.rfc-editor.org/rfc/rfc7578
 * @see https://www.rfc-editor.org/rfc/rfc2046#section-5.1.1
 */
import { parseMediaType } from './headers.js';

/** Why a body was refused. `malformed` is a syntax error; the others are limits. */
export type MultipartErrorCode = 'malformed' | 'part-too-large' | 'too-many-parts' | 'headers-too-large';

/** A body the parser refuses; `part` names the part a limit was hit in. */
export class MultipartError extends Error {
  override readonly name = 'MultipartError';
  constructor(
    readonly code: MultipartErrorCode,
    message: string,
    readonly part?: PartInfo,
  ) {
    super(message);
  }
}

/** A part as its headers describe it. */
export interface PartInfo {
  /** The form field name (`name` of `Content-Disposition`). */
  name: string;
  /** The file name (`filename*` decoded, else `filename`); undefined for a text field. */
  filename?: string;
  /** The part's `Content-Type` as sent, if any (RFC 7578 makes it optional). */
  contentType?: string;
}

/** A part once read: its size, and its value (a text field) or its first bytes (a file). */
export interface ParsedPart extends PartInfo {
  size: number;
  head: Buffer;
}

/** Limits of {@link MultipartParser}. */
export interface MultipartLimits {
  /** Most parts in one body. @default 64 */
  maxParts?: number;
  /** Largest header block of one part, in bytes. @default 8192 */
  maxHeaderBytes?: number;
  /** Largest text field (a part without a file name), in bytes. @default 65536 */
  maxFieldBytes?: number;
  /** Most bytes before the first boundary, or after the closing one. @default 65536 */
  maxPreambleBytes?: number;
  /** How many first bytes of each file to keep. @default 256 */
  keepFileBytes?: number;
  /**
   * Called once a part's headers are read; returns the largest size the part may have (defaults
   * apply when undefined) and may throw to refuse the part before its content is read.
   */
  onPart?: (part: PartInfo) => number | undefined;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

type State = 'preamble' | 'delimiter' | 'headers' | 'body' | 'epilogue' | 'failed';

const malformed = (message: string) => new MultipartError('malformed', message);

/** Reads a quoted-string or token parameter value starting at `i`; returns [value, next index]. */
function readParamValue(text: string, i: number): [string, number] | undefined {
  if (text[i] === '"') {
    let out = '';
    for (let j = i + 1; j < text.length; j++) {
      const c = text[j]!;
      if (c === '"') return [out, j + 1];
      // Browsers do not backslash-escape (they percent-encode quotes), so a backslash escapes
      // only a quote or a backslash; elsewhere it is part of the value (a Windows path).
      if (c === '\\' && (text[j + 1] === '"' || text[j + 1] === '\\')) {
        out += text[j + 1];
        j++;
        continue;
      }
      out += c;
    }
    return undefined;
  }
  const m = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/.exec(text.slice(i));
  return m ? [m[0], i + m[0].length] : undefined;
}

/** Parses `form-data; name="…"; filename="…"; filename*=UTF-8''…`. */
export function parseDisposition(value: string): { name?: string; filename?: string } {
  const m = /^\s*([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\s*/.exec(value);
  if (!m || m[1]!.toLowerCase() !== 'form-data') throw malformed(`a part's Content-Disposition is not form-data ("${value.slice(0, 60)}")`);
  const params = new Map<string, string>();
  let i = m[0].length;
  while (i < value.length) {
    if (value[i] !== ';') throw malformed(`unexpected "${value[i]}" in Content-Disposition "${value.slice(0, 80)}"`);
    i++;
    while (value[i] === ' ' || value[i] === '\t') i++;
    if (i >= value.length) break;
    const nameMatch = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/.exec(value.slice(i));
    if (!nameMatch || value[i + nameMatch[0].length] !== '=')
      throw malformed(`a Content-Disposition parameter has no "name=value" form ("${value.slice(0, 80)}")`);
    const name = nameMatch[0].toLowerCase();
    const read = readParamValue(value, i + nameMatch[0].length + 1);
    if (!read) throw malformed(`Content-Disposition parameter ${name} has a malformed value`);
    if (params.has(name)) throw malformed(`Content-Disposition parameter ${name} is given twice`);
    params.set(name, read[0]);
    i = read[1];
    while (value[i] === ' ' || value[i] === '\t') i++;
  }
  const extended = params.get('filename*');
  let filename = params.get('filename');
  if (extended !== undefined) {
    const ext = /^([!#$&+\-^_`{}~0-9A-Za-z]+)'[^']*'(.*)$/.exec(extended);
    if (!ext || !/^utf-8$/i.test(ext[1]!)) throw malformed("filename* must be UTF-8''<percent-encoded name> (RFC 5987)");
    try {
      filename = decodeURIComponent(ext[2]!);
    } catch {
      throw malformed('filename* is not valid percent-encoded UTF-8');
    }
  }
  return { name: params.get('name'), filename };
}

function parseHeaderBlock(block: Buffer): PartInfo {
  const text = block.toString('utf8');
  let disposition: string | undefined;
  let contentType: string | undefined;
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    if (/^[ \t]/.test(line)) throw malformed('a part header is folded over two lines (obsolete, RFC 9112 §5.2)');
    if (/[\r\n\0]/.test(line)) throw malformed('a part header contains a bare CR, LF or NUL');
    const colon = line.indexOf(':');
    if (colon <= 0) throw malformed(`a part header line has no "name:" ("${line.slice(0, 60)}")`);
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!/^[!#$%&'*+\-.^_`|~0-9a-z]+$/.test(name)) throw malformed(`a part header name is not a token ("${name.slice(0, 60)}")`);
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition') {
      if (disposition !== undefined) throw malformed('a part has two Content-Disposition headers');
      disposition = value;
    } else if (name === 'content-type') {
      if (contentType !== undefined) throw malformed('a part has two Content-Type headers');
      const parsed = parseMediaType(value);
      if (typeof parsed === 'string') throw malformed(`a part's Content-Type is malformed: ${parsed}`);
      contentType = value;
    }
  }
  if (disposition === undefined) throw malformed('a part has no Content-Disposition header');
  const { name, filename } = parseDisposition(disposition);
  if (name === undefined || name === '') throw malformed('a part has no name in its Content-Disposition');
  return { name, ...(filename !== undefined && { filename }), ...(contentType !== undefined && { contentType }) };
}

/**
 * Parses one `multipart/form-data` body written to it in chunks of any size. `write` and `end`
 * throw {@link MultipartError} as soon as the body is known to be bad or a limit is passed.
 */
export class MultipartParser {
  /** The parts read so far, in order. */
  readonly parts: ParsedPart[] = [];
  /** The most bytes the parser has held at once (look-ahead, a header block, a text field). */
  maxBuffered = 0;

  private readonly delimiter: Buffer;
  private readonly limits: Required<Omit<MultipartLimits, 'onPart'>>;
  private readonly onPart: MultipartLimits['onPart'];
  private state: State = 'preamble';
  // The body is read as if it started with CRLF, so the first boundary is a delimiter like the others.
  private pending: Buffer = CRLF;
  private headerBytes: Buffer = Buffer.alloc(0);
  private current: { info: PartInfo; limit: number; size: number; chunks: Buffer[]; kept: number } | undefined;
  private outside = 0;

  constructor(boundary: string, limits: MultipartLimits = {}) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
    this.limits = {
      maxParts: limits.maxParts ?? 64,
      maxHeaderBytes: limits.maxHeaderBytes ?? 8192,
      maxFieldBytes: limits.maxFieldBytes ?? 65536,
      maxPreambleBytes: limits.maxPreambleBytes ?? 65536,
      keepFileBytes: limits.keepFileBytes ?? 256,
    };
    this.onPart = limits.onPart;
  }

  /** Reads the next chunk of the body. */
  write(chunk: Buffer): void {
    if (this.state === 'failed') return;
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    try {
      while (this.step());
    } catch (error) {
      this.state = 'failed';
      throw error;
    } finally {
      const field = this.current && this.current.info.filename === undefined ? this.current.size : 0;
      this.maxBuffered = Math.max(this.maxBuffered, this.pending.length + this.headerBytes.length + field);
    }
  }

  /** Ends the body: throws when it stopped before the closing boundary. */
  end(): void {
    if (this.state === 'epilogue' || this.state === 'failed') return;
    const message = this.current
      ? `the body ends inside part "${this.current.info.name}", before the closing boundary (truncated?)`
      : this.state === 'preamble'
        ? 'the body has no boundary line (is the boundary in the body the one in Content-Type?)'
        : 'the body ends before the closing boundary (truncated?)';
    this.state = 'failed';
    throw malformed(message);
  }

  /** One step of the state machine; false when more input is needed. */
  private step(): boolean {
    switch (this.state) {
      case 'preamble':
      case 'epilogue': {
        const idx = this.state === 'preamble' ? this.pending.indexOf(this.delimiter) : -1;
        const keep = this.state === 'preamble' ? this.delimiter.length - 1 : 0;
        const skipped = idx === -1 ? Math.max(0, this.pending.length - keep) : idx;
        this.outside += skipped;
        if (this.outside > this.limits.maxPreambleBytes + (this.state === 'preamble' ? 2 : 0)) {
          throw malformed(
            this.state === 'preamble'
              ? `no boundary line in the first ${this.limits.maxPreambleBytes} bytes (is the boundary in the body the one in Content-Type?)`
              : `more than ${this.limits.maxPreambleBytes} bytes after the closing boundary`,
          );
        }
        if (idx === -1) {
          this.pending = this.pending.subarray(skipped);
          return false;
        }
        this.pending = this.pending.subarray(idx + this.delimiter.length);
        this.state = 'delimiter';
        return true;
      }
      case 'delimiter': {
        if (this.pending.length < 2) return false;
        if (this.pending[0] === 0x2d && this.pending[1] === 0x2d) {
          this.pending = this.pending.subarray(2);
          this.state = 'epilogue';
          this.outside = 0;
          return true;
        }
        let i = 0;
        while (i < this.pending.length && (this.pending[i] === 0x20 || this.pending[i] === 0x09)) i++;
        if (i > 256) throw malformed('a boundary line is followed by too much white space');
        if (this.pending.length < i + 2) return false;
        if (this.pending[i] !== 0x0d || this.pending[i + 1] !== 0x0a) {
          throw malformed('a boundary line is followed by something other than CRLF or "--" (a longer boundary?)');
        }
        if (this.parts.length + 1 > this.limits.maxParts) {
          throw new MultipartError('too-many-parts', `the body has more than ${this.limits.maxParts} parts`);
        }
        this.pending = this.pending.subarray(i + 2);
        this.headerBytes = Buffer.alloc(0);
        this.state = 'headers';
        return true;
      }
      case 'headers': {
        const all = this.headerBytes.length === 0 ? this.pending : Buffer.concat([this.headerBytes, this.pending]);
        // A part with no header lines at all: its header block is the empty line right away.
        const end = all.length >= 2 && all[0] === 0x0d && all[1] === 0x0a ? 0 : all.indexOf(HEADER_END);
        if (end === -1) {
          if (all.length > this.limits.maxHeaderBytes) {
            throw new MultipartError('headers-too-large', `a part's headers are longer than ${this.limits.maxHeaderBytes} bytes`);
          }
          this.headerBytes = Buffer.from(all);
          this.pending = Buffer.alloc(0);
          return false;
        }
        if (end > this.limits.maxHeaderBytes) {
          throw new MultipartError('headers-too-large', `a part's headers are longer than ${this.limits.maxHeaderBytes} bytes`);
        }
        const info = parseHeaderBlock(all.subarray(0, end));
        this.pending = all.subarray(end === 0 ? 2 : end + 4);
        this.headerBytes = Buffer.alloc(0);
        const limit = this.onPart?.(info) ?? (info.filename === undefined ? this.limits.maxFieldBytes : Number.POSITIVE_INFINITY);
        this.current = { info, limit, size: 0, chunks: [], kept: 0 };
        this.state = 'body';
        return true;
      }
      case 'body': {
        const idx = this.pending.indexOf(this.delimiter);
        const safe = idx === -1 ? Math.max(0, this.pending.length - (this.delimiter.length - 1)) : idx;
        if (safe > 0) this.content(this.pending.subarray(0, safe));
        if (idx === -1) {
          this.pending = this.pending.subarray(safe);
          return false;
        }
        this.pending = this.pending.subarray(idx + this.delimiter.length);
        const part = this.current!;
        this.parts.push({ ...part.info, size: part.size, head: Buffer.concat(part.chunks) });
        this.current = undefined;
        this.state = 'delimiter';
        return true;
      }
      default:
        return false;
    }
  }

  private content(data: Buffer): void {
    const part = this.current!;
    part.size += data.length;
    if (part.size > part.limit) {
      const what = part.info.filename === undefined ? `field "${part.info.name}"` : `file part "${part.info.name}"`;
      throw new MultipartError('part-too-large', `${what} is larger than ${part.limit} bytes`, part.info);
    }
    const keep = part.info.filename === undefined ? data.length : Math.min(data.length, this.limits.keepFileBytes - part.kept);
    if (keep > 0) {
      // A copy: `data` is a view of a socket chunk that must not stay referenced.
      part.chunks.push(Buffer.from(data.subarray(0, keep)));
      part.kept += keep;
    }
  }
}
