/**
 * Checking recorded traffic: a HAR 1.2 file (browser devtools, proxies, Playwright's `recordHar`)
 * read entry by entry into exchanges and checked like the proxy's (`traffic/check.ts`). Entries
 * outside the API's base path are counted, not checked. A file that is not HAR is a `UsageError`
 * naming the first thing wrong (the field's path), never a stack trace.
 * @see http://www.softwareishard.com/blog/har-12-spec/
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { parseBody, pathBelow, type Exchange } from '../engine/exchange.js';
import type { ConformanceReport } from '../report/model.js';
import type { Secrets } from '../report/redact.js';
import { createTrafficChecker, specBasePath, type Capture, type TrafficStats, type Violation } from './check.js';

/** One entry of a HAR file read into an exchange, or why it is not checked. */
export type HarEntry = { kind: 'exchange'; exchange: Exchange; capture: Capture } | { kind: 'outside' };

/** Options of {@link checkHar}. */
export interface HarCheckOptions {
  /**
   * The API's base URL; entries under it are checked. @default any origin, under the base path of
   * the spec's first server (`/api/v1/public`)
   */
  baseUrl?: string;
  /** Keys to keep out of every output (keys sent in `Authorization` headers are hidden anyway). */
  secrets?: Secrets;
  /** Called for each failed check, in entry order. */
  onViolation?: (violation: Violation) => void;
}

/** What {@link checkHar} found. */
export interface HarCheckResult {
  report: ConformanceReport;
  stats: TrafficStats;
  violations: readonly Violation[];
  /** `text` with every key seen in the file (or given) replaced: for reports. */
  redact(text: string): string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(where: string, v: unknown, required: boolean): string | undefined {
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string')
    throw new UsageError(`not a HAR 1.2 file: ${where} must be a string${v === undefined ? ' (it is missing)' : ''}`);
  return v;
}

function headerList(where: string, v: unknown): Headers {
  if (!Array.isArray(v)) throw new UsageError(`not a HAR 1.2 file: ${where} must be a list of {name, value}`);
  const headers = new Headers();
  v.forEach((h, i) => {
    if (!isObject(h) || typeof h.name !== 'string' || typeof h.value !== 'string')
      throw new UsageError(`not a HAR 1.2 file: ${where}[${i}] must be {"name": "…", "value": "…"}`);
    // HTTP/2 pseudo-headers (`:authority`) are not headers of the exchange.
    if (h.name.startsWith(':')) return;
    try {
      headers.append(h.name, h.value);
    } catch {
      throw new UsageError(`not a HAR 1.2 file: ${where}[${i}] is not a valid header (${JSON.stringify(h.name).slice(0, 60)})`);
    }
  });
  return headers;
}

/** A body of an entry: its text (decoded from base64 when `encoding` says so). */
function bodyText(where: string, content: Json): string | undefined {
  const raw = text(`${where}.text`, content.text, false);
  if (raw === undefined) return undefined;
  const encoding = text(`${where}.encoding`, content.encoding, false);
  if (encoding === undefined || encoding === '') return raw;
  if (encoding.toLowerCase() !== 'base64')
    throw new UsageError(`not a HAR 1.2 file: ${where}.encoding "${encoding}" is not supported (only base64)`);
  if (!/^[A-Za-z0-9+/\-_\s]*={0,2}\s*$/.test(raw)) throw new UsageError(`not a HAR 1.2 file: ${where}.text is not base64`);
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.from(raw, 'base64'));
}

/** Reads one entry (`where` names it in errors). */
export function readHarEntry(entry: unknown, where: string, base: { origin?: string; basePath: string }): HarEntry {
  if (!isObject(entry)) throw new UsageError(`not a HAR 1.2 file: ${where} must be an object`);
  const request = entry.request;
  const response = entry.response;
  if (!isObject(request)) throw new UsageError(`not a HAR 1.2 file: ${where}.request must be an object`);
  if (!isObject(response)) throw new UsageError(`not a HAR 1.2 file: ${where}.response must be an object`);
  const method = text(`${where}.request.method`, request.method, true)!.toUpperCase();
  const rawUrl = text(`${where}.request.url`, request.url, true)!;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new UsageError(`not a HAR 1.2 file: ${where}.request.url is not an absolute URL (${JSON.stringify(rawUrl).slice(0, 80)})`);
  }
  const requestHeaders = headerList(`${where}.request.headers`, request.headers);
  if (typeof response.status !== 'number' || !Number.isInteger(response.status))
    throw new UsageError(`not a HAR 1.2 file: ${where}.response.status must be a whole number`);
  const responseHeaders = headerList(`${where}.response.headers`, response.headers);
  if (!isObject(response.content)) throw new UsageError(`not a HAR 1.2 file: ${where}.response.content must be an object`);
  const inside =
    (base.origin === undefined || url.origin === base.origin) &&
    (base.basePath === '' || url.pathname === base.basePath || url.pathname.startsWith(`${base.basePath}/`));
  if (!inside) return { kind: 'outside' };

  let requestBody: string | undefined;
  let requestWhole = true;
  if (request.postData !== undefined) {
    if (!isObject(request.postData)) throw new UsageError(`not a HAR 1.2 file: ${where}.request.postData must be an object`);
    requestBody = bodyText(`${where}.request.postData`, request.postData);
    // Multipart bodies are often recorded as `params` only: the body itself was not kept.
    if (requestBody === undefined) requestWhole = false;
    const mime = text(`${where}.request.postData.mimeType`, request.postData.mimeType, false);
    if (mime && !requestHeaders.has('content-type')) requestHeaders.set('content-type', mime);
  }
  const bodySize = typeof request.bodySize === 'number' && request.bodySize >= 0 ? request.bodySize : undefined;
  const responseText = bodyText(`${where}.response.content`, response.content);
  const size = typeof response.content.size === 'number' ? response.content.size : undefined;
  const mime = text(`${where}.response.content.mimeType`, response.content.mimeType, false);
  if (mime && !responseHeaders.has('content-type') && responseText) responseHeaders.set('content-type', mime);
  // A browser records a request that got no answer (refused, cancelled) with status 0.
  const error =
    response.status === 0
      ? `no response was recorded${typeof response._error === 'string' ? ` (${response._error})` : typeof entry._error === 'string' ? ` (${entry._error})` : ''}`
      : undefined;
  const finalText = responseText ?? '';
  const exchange: Exchange = {
    request: { method, url: url.href, path: pathBelow(url.href, base.basePath), headers: requestHeaders, body: requestBody },
    response: {
      status: response.status,
      headers: responseHeaders,
      text: finalText,
      body: parseBody(finalText, responseHeaders.get('content-type')),
    },
    ...(error !== undefined && { error }),
    ...(typeof entry.time === 'number' && { durationMs: entry.time }),
  };
  return {
    kind: 'exchange',
    exchange,
    capture: {
      requestBytes: bodySize ?? (requestBody === undefined ? undefined : Buffer.byteLength(requestBody)),
      requestBodyComplete: requestWhole,
      // No text but a size over 0: the recorder left the body out, so it cannot be checked.
      responseBodyComplete:
        responseText !== undefined || size === 0 || size === undefined || response.status === 204 || response.status === 304,
    },
  };
}

/** Parses the text of a HAR file into its entries. @throws UsageError naming what is wrong. */
export function parseHar(source: string): unknown[] {
  let har: unknown;
  try {
    har = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`not a HAR 1.2 file: it is not JSON (${(e as Error).message})`);
  }
  if (!isObject(har)) throw new UsageError('not a HAR 1.2 file: the top level must be an object with "log"');
  if (!isObject(har.log)) throw new UsageError('not a HAR 1.2 file: "log" is missing or not an object');
  if (!Array.isArray(har.log.entries)) throw new UsageError('not a HAR 1.2 file: "log.entries" is missing or not a list');
  return har.log.entries;
}

/** Checks every entry of a HAR file's text. @throws UsageError for a file that is not HAR (nothing is checked). */
export function checkHarText(source: string, options: HarCheckOptions = {}): HarCheckResult {
  const entries = parseHar(source);
  let base: { origin?: string; basePath: string };
  if (options.baseUrl !== undefined) {
    let u: URL;
    try {
      u = new URL(options.baseUrl);
    } catch {
      throw new UsageError(`--base-url must be the API's base URL, got "${options.baseUrl}"`);
    }
    base = { origin: u.origin, basePath: u.pathname.replace(/\/+$/, '') };
  } else base = { basePath: specBasePath() };
  // Read every entry first: a malformed one stops with a usage error before anything is reported.
  const read = entries.map((e, i) => readHarEntry(e, `log.entries[${i}]`, base));
  const checker = createTrafficChecker({
    baseUrl: options.baseUrl ?? `(any origin)${base.basePath}`,
    basePath: base.basePath,
    secrets: options.secrets,
  });
  for (const entry of read) {
    if (entry.kind === 'outside') {
      checker.addOutside();
      continue;
    }
    for (const v of checker.add(entry.exchange, entry.capture)) options.onViolation?.(v);
  }
  return { report: checker.report(), stats: checker.stats, violations: checker.violations, redact: checker.redact };
}

/** Reads and checks a HAR file. @throws UsageError for a file that cannot be read or is not HAR. */
export async function checkHar(file: string, options: HarCheckOptions = {}): Promise<HarCheckResult> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return checkHarText(source, options);
}
