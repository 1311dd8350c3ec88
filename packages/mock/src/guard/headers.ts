/**
 * Request headers the guard reads before Prism does: `Content-Type` (strict RFC 9110 syntax, and
 * a boundary for multipart), `Authorization` (a bearer token, RFC 6750), and Prism's `Prefer`
 * (only documented statuses and examples, so Prism never answers its own problem+json).
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-8.3.1
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 * @see https://docs.stoplight.io/docs/prism/beae2f5c8e2f6-prism-cli#modifying-responses
 */
import { errorMessages, type OperationInfo } from '@identitycall/openapi';
import type { SpecFacts } from '../facts.js';
import { GuardError } from './errors.js';

/** A parsed media type: lower-case `type/subtype` and its parameters (names lower-cased). */
export interface MediaType {
  essence: string;
  params: Map<string, string>;
}

/**
 * Parses a `Content-Type` value, or returns why it is malformed.
 * `media-type = type "/" subtype *( OWS ";" OWS [ parameter ] )`, `parameter = token "=" ( token / quoted-string )`.
 */
export function parseMediaType(value: string): MediaType | string {
  let i = 0;
  const readToken = () => {
    const start = i;
    while (i < value.length && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(value[i]!)) i++;
    return value.slice(start, i);
  };
  const skipOws = () => {
    while (value[i] === ' ' || value[i] === '\t') i++;
  };
  skipOws();
  const type = readToken();
  if (!type) return 'it does not start with a type';
  if (value[i] !== '/') return `"${type}" has no "/subtype"`;
  i++;
  const subtype = readToken();
  if (!subtype) return `"${type}/" has no subtype`;
  const params = new Map<string, string>();
  skipOws();
  while (i < value.length) {
    if (value[i] !== ';') return `unexpected "${value[i]}" after "${value.slice(0, i)}" (one media type only, parameters after ";")`;
    i++;
    skipOws();
    if (i >= value.length || value[i] === ';') continue;
    const name = readToken().toLowerCase();
    if (!name) return `parameter at "${value.slice(i)}" has no name`;
    if (value[i] !== '=') return `parameter "${name}" has no "=value"`;
    i++;
    let paramValue: string;
    if (value[i] === '"') {
      i++;
      paramValue = '';
      for (;;) {
        if (i >= value.length) return `parameter "${name}" has an unterminated quoted string`;
        const c = value[i]!;
        if (c === '"') {
          i++;
          break;
        }
        if (c === '\\') {
          i++;
          if (i >= value.length) return `parameter "${name}" ends in a lone "\\"`;
        }
        paramValue += value[i];
        i++;
      }
    } else {
      paramValue = readToken();
      if (!paramValue) return `parameter "${name}" has an empty value`;
    }
    if (params.has(name)) return `parameter "${name}" is given twice`;
    params.set(name, paramValue);
    skipOws();
  }
  return { essence: `${type}/${subtype}`.toLowerCase(), params };
}

/** A boundary RFC 2046 allows: 1–70 of its characters, not ending in a space. */
export function boundaryProblem(boundary: string): string | undefined {
  if (boundary.length === 0) return 'the boundary is empty';
  if (boundary.length > 70) return `the boundary is ${boundary.length} characters long (at most 70)`;
  if (!/^[0-9A-Za-z'()+_,\-./:=? ]+$/.test(boundary)) return 'the boundary contains a character RFC 2046 does not allow';
  if (boundary.endsWith(' ')) return 'the boundary ends with a space';
  return undefined;
}

/** What a request body is, once its `Content-Type` is checked against the operation. */
export type BodyKind = { kind: 'json' } | { kind: 'multipart'; boundary: string };

/**
 * Checks `Content-Type` for a request to `op` that carries a body.
 * @throws GuardError 400 when the header is malformed or a multipart one lacks a valid boundary,
 * 415 when the operation does not take that media type.
 */
export function checkContentType(op: OperationInfo, header: string | undefined): BodyKind {
  const accepted = (op.requestBody?.content ?? []).map((m) => m.contentType.toLowerCase());
  const list = accepted.join(' or ');
  if (header === undefined || header.trim() === '') {
    throw new GuardError(415, `The request has a body but no Content-Type; ${op.operationId} takes ${list}`);
  }
  const parsed = parseMediaType(header);
  if (typeof parsed === 'string') throw new GuardError(400, `Malformed Content-Type header: ${parsed}`);
  if (!accepted.includes(parsed.essence)) {
    throw new GuardError(415, `Content-Type ${parsed.essence} is not accepted here; ${op.operationId} takes ${list}`);
  }
  if (parsed.essence === 'multipart/form-data') {
    const boundary = parsed.params.get('boundary');
    if (boundary === undefined) throw new GuardError(400, 'Malformed Content-Type header: multipart/form-data needs a boundary parameter');
    const problem = boundaryProblem(boundary);
    if (problem) throw new GuardError(400, `Malformed Content-Type header: ${problem}`);
    return { kind: 'multipart', boundary };
  }
  const charset = parsed.params.get('charset')?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new GuardError(415, `Content-Type charset ${charset} is not accepted; JSON bodies are UTF-8`);
  }
  return { kind: 'json' };
}

/**
 * Checks the bearer credentials of a secured operation: `Bearer <token68>`. Which keys exist is
 * not the mock's to know; any well-formed token passes.
 * @throws GuardError 401 with the operation's first documented 401 message.
 */
export function checkAuthorization(facts: SpecFacts, op: OperationInfo, header: string | undefined): void {
  if (!op.secured) return;
  if (header !== undefined && /^Bearer +[A-Za-z0-9\-._~+/]+=*$/i.test(header.trim())) return;
  const [message = facts.unauthorized] = errorMessages(op, 401);
  throw new GuardError(401, message, { 'www-authenticate': 'Bearer' });
}

/** The preferences of Prism's `Prefer` header the mock passes on. */
const PRISM_PREFERENCES = new Set(['code', 'example', 'dynamic']);

/**
 * Checks Prism's `Prefer` preferences against what `op` documents and returns the header to forward
 * (undefined when none is left). Other preferences (`return=minimal`, …) are dropped, as RFC 7240
 * lets a server ignore them.
 * @throws GuardError 400 for an undocumented status or example, or a `dynamic` that is not a boolean.
 */
export function checkPrefer(op: OperationInfo, header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const kept = new Map<string, string>();
  for (const raw of header.split(/[,;]/)) {
    const piece = raw.trim();
    if (!piece) continue;
    const eq = piece.indexOf('=');
    const name = (eq === -1 ? piece : piece.slice(0, eq)).trim().toLowerCase();
    const value = (eq === -1 ? '' : piece.slice(eq + 1)).trim().replace(/^"(.*)"$/, '$1');
    if (!PRISM_PREFERENCES.has(name)) continue;
    if (kept.has(name)) throw new GuardError(400, `Prefer: ${name} is given twice`);
    kept.set(name, value);
  }
  const statuses = op.responses.map((r) => r.status);
  const code = kept.get('code');
  if (code !== undefined && !statuses.includes(code)) {
    throw new GuardError(400, `Prefer: code=${code} is not a documented status of ${op.operationId} (documented: ${statuses.join(', ')})`);
  }
  const example = kept.get('example');
  if (example !== undefined) {
    const responses = op.responses.filter((r) => (code ? r.status === code : /^2/.test(r.status)));
    const names = [...new Set(responses.flatMap((r) => r.content.flatMap((m) => m.examples.map((e) => e.name))))];
    if (!names.includes(example)) {
      throw new GuardError(
        400,
        `Prefer: example=${example} is not a documented example of ${op.operationId}${code ? ` ${code}` : ''} (documented: ${names.join(', ') || 'none'})`,
      );
    }
  }
  const dynamic = kept.get('dynamic');
  if (dynamic !== undefined && dynamic !== 'true' && dynamic !== 'false') {
    throw new GuardError(400, `Prefer: dynamic must be true or false, got "${dynamic}"`);
  }
  if (kept.size === 0) return undefined;
  return [...kept].map(([n, v]) => `${n}=${v}`).join(', ');
}
