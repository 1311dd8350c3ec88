/**
 * Broken HTTP, written as raw bytes: garbage instead of a request, forbidden characters in
 * headers, oversized request lines and headers, and contradictory or malformed body framing (the
 * stuff of request smuggling). A server must answer (most with 400) and close the connection.
 * `{host}` and `{base}` are filled in by the runner.
 * @see https://www.rfc-editor.org/rfc/rfc9112
 */
import type { HostileCase } from '../case.js';
import { exampleJson, pathWith, takesJson, type SpecView } from '../spec.js';
import { aliveOperation } from './valid.js';

interface RawCase {
  id: string;
  title: string;
  bytes: string;
  statuses?: number[];
  closes?: boolean;
}

/** Every raw protocol and header case. */
export function protocolCases(view: SpecView): HostileCase[] {
  const get = `{base}${pathWith(view, aliveOperation(view))}`;
  const jsonOp = view.operations.find(takesJson)!;
  const post = `${jsonOp.method.toUpperCase()} {base}${pathWith(view, jsonOp)} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nConnection: close\r\n`;
  const json = exampleJson(jsonOp);
  const head = (extra: string) => `GET ${get} HTTP/1.1\r\nHost: {host}\r\n${extra}Connection: close\r\n\r\n`;
  const tlsHello = String.fromCharCode(0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03) + '\u0000'.repeat(32);

  const headers: RawCase[] = [
    { id: 'control-character', title: 'a header value with a control character', bytes: head('X-Hostile: a\u0001b\r\n'), statuses: [400] },
    { id: 'nul', title: 'a header value with NUL', bytes: head('X-Hostile: a\u0000b\r\n'), statuses: [400] },
    {
      id: 'space-before-colon',
      title: 'white space between a header name and its colon (RFC 9112 §5.1: must be 400)',
      bytes: head('X-Hostile : a\r\n'),
      statuses: [400],
    },
    { id: 'name-not-a-token', title: 'a header name that is not a token', bytes: head('X(Hostile): a\r\n'), statuses: [400] },
    { id: 'too-large', title: 'a 20 KiB header value', bytes: head(`X-Hostile: ${'a'.repeat(20 * 1024)}\r\n`), statuses: [400, 413, 431] },
    {
      id: 'obs-fold',
      title: 'a header folded over two lines (obsolete: refused or unfolded)',
      bytes: head('X-Hostile: a\r\n b\r\n'),
      statuses: undefined,
      closes: false,
    },
    {
      id: 'length-and-chunked',
      title: 'Content-Length and Transfer-Encoding together (request smuggling)',
      bytes: `${post}Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
      statuses: [400],
    },
    { id: 'length-not-a-number', title: 'Content-Length "abc"', bytes: `${post}Content-Length: abc\r\n\r\n${json}`, statuses: [400] },
    { id: 'length-negative', title: 'Content-Length -1', bytes: `${post}Content-Length: -1\r\n\r\n${json}`, statuses: [400] },
    {
      id: 'two-lengths',
      title: 'two different Content-Length headers',
      bytes: `${post}Content-Length: ${json.length}\r\nContent-Length: ${json.length + 1}\r\n\r\n${json}`,
      statuses: [400],
    },
    {
      id: 'bad-chunk-size',
      title: 'a chunk size that is not hexadecimal',
      bytes: `${post}Transfer-Encoding: chunked\r\n\r\nzz\r\n${json}\r\n0\r\n\r\n`,
      statuses: [400],
    },
    {
      id: 'chunk-size-overflow',
      title: 'a chunk size of 2^72',
      bytes: `${post}Transfer-Encoding: chunked\r\n\r\n1000000000000000000\r\nabc\r\n0\r\n\r\n`,
      statuses: [400, 413],
    },
    {
      id: 'unknown-coding',
      title: 'Transfer-Encoding gzip without chunked',
      bytes: `${post}Transfer-Encoding: gzip\r\n\r\n${json}`,
      statuses: [400],
    },
  ];
  const protocol: RawCase[] = [
    { id: 'not-http', title: 'a line that is not HTTP', bytes: 'THIS IS NOT HTTP\r\n\r\n', statuses: [400] },
    {
      id: 'binary',
      title: '256 bytes of binary garbage',
      bytes: Array.from({ length: 256 }, (_, i) => String.fromCharCode((i * 37) % 256)).join(''),
      statuses: [400],
    },
    { id: 'tls-hello', title: 'the start of a TLS ClientHello (HTTPS spoken to HTTP)', bytes: tlsHello, statuses: [400] },
    { id: 'version-9', title: 'HTTP/9.9', bytes: `GET ${get} HTTP/9.9\r\nHost: {host}\r\n\r\n`, statuses: [400] },
    {
      id: 'no-host',
      title: 'an HTTP/1.1 request without Host (RFC 9112 §3.2: must be 400)',
      bytes: `GET ${get} HTTP/1.1\r\nConnection: close\r\n\r\n`,
      statuses: [400],
    },
    { id: 'two-hosts', title: 'two Host headers (RFC 9112 §3.2: must be 400)', bytes: head('Host: other.example\r\n'), statuses: [400] },
    {
      id: 'long-request-line',
      title: 'a 20 KiB request target',
      bytes: `GET ${get}?q=${'a'.repeat(20 * 1024)} HTTP/1.1\r\nHost: {host}\r\n\r\n`,
      statuses: [400, 414, 431],
    },
    {
      id: 'space-in-target',
      title: 'a space inside the request target',
      bytes: `GET ${get}/a b HTTP/1.1\r\nHost: {host}\r\n\r\n`,
      statuses: [400, 404],
    },
    {
      id: 'raw-utf8-in-target',
      title: 'raw UTF-8 bytes in the request target',
      bytes: `GET ${get}/\u00c3\u00a9 HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n`,
      statuses: [400, 404],
    },
    {
      id: 'bare-lf',
      title: 'lines ended by LF alone (tolerated or refused)',
      bytes: `GET ${get} HTTP/1.1\nHost: {host}\nConnection: close\n\n`,
      statuses: undefined,
      closes: false,
    },
  ];
  return [...headers.map((c) => ({ c, family: 'headers' as const })), ...protocol.map((c) => ({ c, family: 'protocol' as const }))].map(
    ({ c, family }) => ({
      id: `${family}.${c.id}`,
      family,
      title: `${c.title}: ${c.statuses ? c.statuses.join(' or ') : 'never a 5xx'}`,
      send: { kind: 'raw', bytes: c.bytes },
      expect: { ...(c.statuses && { statuses: c.statuses }), envelope: false, closes: c.closes ?? true },
    }),
  );
}
