/**
 * An exchange as text and as JSON for reports: the request (method, URL, headers, body) and the
 * response (status, headers, body), bodies cut to a readable length.
 */
import type { Exchange } from '../engine/exchange.js';

const MAX_BODY = 600;

const cut = (text: string, max = MAX_BODY): string => (text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text);

/** A multipart body as `field=value` pairs, with file parts named (`file=<call.mp3, audio/mpeg>`). */
export function formSummary(body: string): string {
  const parts: string[] = [];
  const re = /name="([^"]*)"(?:; filename="([^"]*)")?\r\n(?:Content-Type: ([^\r]*)\r\n)?\r\n([\s\S]*?)\r\n--/g;
  for (let m = re.exec(body); m; m = re.exec(body))
    parts.push(m[2] !== undefined ? `${m[1]}=<${m[2]}, ${m[3] ?? 'no type'}>` : `${m[1]}=${JSON.stringify(m[4])}`);
  return parts.length > 0 ? `form: ${parts.join(' ')}` : body;
}

/** Multipart bodies carry audio: show their fields and name the files. */
function bodyText(body: string | undefined, contentType: string | null): string | undefined {
  if (body === undefined) return undefined;
  return /multipart/i.test(contentType ?? '') ? formSummary(body) : body;
}

/** The request body as text for reports (multipart bodies summarised). */
export const requestBodyText = (e: Exchange): string | undefined => bodyText(e.request.body, e.request.headers.get('content-type'));

/** Headers as a plain object. */
export const headersObject = (headers: Headers): Record<string, string> => Object.fromEntries(headers.entries());

/** The exchange as indented lines. */
export function exchangeText(e: Exchange, indent = '     '): string {
  const lines = [`→ ${e.request.method} ${e.request.url}`];
  for (const [k, v] of e.request.headers.entries()) lines.push(`  ${k}: ${v}`);
  const reqBody = bodyText(e.request.body, e.request.headers.get('content-type'));
  if (reqBody !== undefined) lines.push(`  ${cut(reqBody)}`);
  if (e.error !== undefined) {
    lines.push(`← ${e.error}`);
  } else {
    lines.push(
      `← ${e.response.status}${e.response.headers.get('content-type') ? `  content-type: ${e.response.headers.get('content-type')}` : ''}`,
    );
    for (const name of ['allow', 'retry-after']) if (e.response.headers.has(name)) lines.push(`  ${name}: ${e.response.headers.get(name)}`);
    if (e.response.text !== '') lines.push(`  ${cut(e.response.text)}`);
  }
  return lines.map((l) => indent + l).join('\n');
}

/** The exchange as JSON for the JSON report. */
export function exchangeJson(e: Exchange): Record<string, unknown> {
  return {
    request: {
      method: e.request.method,
      url: e.request.url,
      headers: headersObject(e.request.headers),
      body: e.request.body === undefined ? undefined : cut(bodyText(e.request.body, e.request.headers.get('content-type'))!, 4000),
    },
    response:
      e.error !== undefined
        ? { error: e.error }
        : { status: e.response.status, headers: headersObject(e.response.headers), body: cut(e.response.text, 4000) },
    durationMs: e.durationMs === undefined ? undefined : Math.round(e.durationMs),
  };
}
