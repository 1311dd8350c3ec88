/**
 * Reading a `Content-Type` header as RFC 9110 defines a media type: `type "/" subtype` followed by
 * `; name=value` parameters, each value a token or a quoted string. A value outside that grammar
 * is refused with the reason, so a client learns what is wrong with its header instead of getting
 * an answer about a body the sandbox could not know how to read.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-8.3.1
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-5.6.2 (token) and 5.6.4 (quoted-string)
 */

/** A media type as sent: lower-case `type/subtype` and its parameters (names lower case). */
export interface MediaType {
  /** `type/subtype`, lower case, e.g. `application/json`. */
  essence: string;
  /** Parameters by lower-case name, values unquoted (case kept). */
  params: ReadonlyMap<string, string>;
}

/** A `Content-Type` value outside the media-type grammar; the message says where. */
export class MediaTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MediaTypeError';
  }
}

/** The characters of a token (RFC 9110 §5.6.2). */
const TCHAR = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;
const isOws = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * Parses a `Content-Type` value.
 * @throws MediaTypeError naming what is wrong (no subtype, a second media type, a parameter
 * without a value or given twice, an unterminated quoted string, …).
 */
export function parseMediaType(header: string): MediaType {
  const text = header.trim();
  let i = 0;
  const token = (): string => {
    const start = i;
    while (i < text.length && TCHAR.test(text[i]!)) i++;
    return text.slice(start, i);
  };
  const shown = (at: number): string => (at < text.length ? `"${text[at]}"` : 'the end');

  const type = token();
  if (type === '') throw new MediaTypeError(`it does not start with a type (got ${shown(i)})`);
  if (text[i] !== '/') throw new MediaTypeError(`"${type}" is not followed by "/subtype" (got ${shown(i)})`);
  i++;
  const subtype = token();
  if (subtype === '') throw new MediaTypeError(`"${type}/" has no subtype`);
  const essence = `${type}/${subtype}`.toLowerCase();

  const params = new Map<string, string>();
  for (;;) {
    while (isOws(text[i])) i++;
    if (i >= text.length) break;
    if (text[i] !== ';') {
      throw new MediaTypeError(`unexpected ${shown(i)} after "${text.slice(0, i).trimEnd()}" (one media type only, parameters after ";")`);
    }
    i++;
    while (isOws(text[i])) i++;
    // An empty parameter (`type/subtype;`) is allowed by the grammar.
    if (i >= text.length || text[i] === ';') continue;
    const name = token();
    if (name === '') throw new MediaTypeError(`a parameter name is expected after ";" (got ${shown(i)})`);
    if (text[i] !== '=') throw new MediaTypeError(`parameter "${name}" has no "=value"`);
    i++;
    let value: string;
    if (text[i] === '"') {
      i++;
      let out = '';
      for (;;) {
        if (i >= text.length) throw new MediaTypeError(`parameter "${name}" has an unterminated quoted string`);
        const c = text[i]!;
        if (c === '"') break;
        if (c === '\\' && i + 1 < text.length) i++;
        out += text[i];
        i++;
      }
      i++;
      value = out;
    } else {
      value = token();
      if (value === '') throw new MediaTypeError(`parameter "${name}" has an empty value`);
    }
    const key = name.toLowerCase();
    if (params.has(key)) throw new MediaTypeError(`parameter "${name}" is given twice`);
    params.set(key, value);
  }
  return { essence, params };
}
