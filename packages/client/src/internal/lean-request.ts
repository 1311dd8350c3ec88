/**
 * A light stand-in for `Request` that openapi-fetch builds when the client sends with the
 * platform's fetch: it keeps the URL and init as given, and the transport passes them straight to
 * `fetch(url, init)`. A real `Request` would be built, validated and then rebuilt by fetch itself —
 * in Node.js that copy costs as much as the rest of the request path.
 * @see https://openapi-ts.dev/openapi-fetch/api#createclient (the `Request` option)
 */
export class LeanRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  readonly signal: AbortSignal | null;
  readonly redirect: RequestRedirect;

  constructor(url: string | URL, init: RequestInit = {}) {
    this.url = String(url);
    this.method = (init.method ?? 'GET').toUpperCase();
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body ?? null;
    this.signal = init.signal ?? null;
    this.redirect = init.redirect ?? 'follow';
  }

  /** The init for `fetch(this.url, init)` of one attempt. */
  init(signal: AbortSignal, body: BodyInit | null = this.body, headers: Headers = this.headers): RequestInit {
    return { method: this.method, headers, body, signal, redirect: this.redirect };
  }
}
