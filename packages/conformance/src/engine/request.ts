/**
 * Requests as data (`RequestSpec`) and their translation to a `Request`: the operation's path
 * template filled in, the query, the key, and a JSON, raw or multipart body. Cases describe what
 * to send; only this module knows how it goes on the wire.
 */
import type { OperationInfo } from '@identitycall/openapi';

/** Which key a request carries. */
export type KeyRole = 'main' | 'readOnly' | 'project';

/** The Authorization a request carries: a key of the run, an exact header value, or none. */
export type Auth = KeyRole | { header: string } | null;

/** A file part of a multipart body. */
export interface FilePart {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** What to send, described by operation. */
export interface RequestSpec {
  /** The operation (its method and path template). */
  op: string;
  /** Values of the path parameters. */
  path?: Record<string, string | number>;
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** @default 'main' */
  auth?: Auth;
  /** A JSON body. */
  json?: unknown;
  /** A raw body, sent as `application/json` unless `headers` names another type (e.g. malformed JSON). */
  raw?: string;
  /** A multipart body: text fields and an optional file part. */
  form?: { fields: Record<string, string | number>; file?: FilePart };
  /** Send with this method instead of the operation's (unsupported-method checks). */
  method?: string;
  /** Extra headers. */
  headers?: Record<string, string>;
}

/** A small MP3 (an MPEG frame header and silence): enough for format sniffing. */
export function sampleAudio(): FilePart {
  return {
    name: 'call-recording.mp3',
    type: 'audio/mpeg',
    bytes: new Uint8Array([0xff, 0xfb, 0x90, 0x64, ...new Array<number>(412).fill(0)]),
  };
}

/** The concrete path of `op` with `values` for its parameters. */
export function fillPath(op: OperationInfo, values: Record<string, string | number> = {}): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${op.operationId}: no value for path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** Builds the `Request` for `spec` against `baseUrl`, with `keys` for the key roles. */
export function toRequest(op: OperationInfo, spec: RequestSpec, baseUrl: string, keys: Partial<Record<KeyRole, string>>): Request {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) query.set(k, String(v));
  const qs = query.toString();
  const url = `${baseUrl}${fillPath(op, spec.path)}${qs ? `?${qs}` : ''}`;
  const headers = new Headers(spec.headers);
  const auth = spec.auth === undefined ? 'main' : spec.auth;
  if (typeof auth === 'string') {
    const key = keys[auth];
    if (!key) throw new Error(`no ${auth} key configured`);
    headers.set('authorization', `Bearer ${key}`);
  } else if (auth !== null) {
    headers.set('authorization', auth.header);
  }
  let body: BodyInit | undefined;
  if (spec.raw !== undefined) {
    body = spec.raw;
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  } else if (spec.json !== undefined) {
    body = JSON.stringify(spec.json);
    headers.set('content-type', 'application/json');
  } else if (spec.form) {
    const form = new FormData();
    for (const [k, v] of Object.entries(spec.form.fields)) form.append(k, String(v));
    if (spec.form.file)
      form.append('file', new Blob([spec.form.file.bytes as BlobPart], { type: spec.form.file.type }), spec.form.file.name);
    body = form;
  }
  return new Request(url, { method: spec.method ?? op.method.toUpperCase(), headers, body });
}
