/**
 * Client options: one interface, every field documented with its default; the environment is
 * read once, when the client is created.
 */
import { DEFAULT_BASE_URL } from './generated/spec.gen.js';

/** Options of {@link createIdentityCallClient}. */
export interface ClientOptions {
  /**
   * API key (`idc_…`), sent as `Authorization: Bearer <key>`.
   * @default process.env.IDENTITYCALL_API_KEY
   */
  apiKey?: string;
  /**
   * Base URL of the API, including the `/api/v1/public` path.
   * @default "https://api.identitycall.ai/api/v1/public" (the spec's server)
   */
  baseUrl?: string;
  /**
   * The fetch to send requests with (a test double, an instrumented or proxied fetch).
   * @default globalThis.fetch
   */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * Extra headers sent with every request. `Authorization` cannot be set here; use `apiKey`.
   * @default {}
   */
  headers?: Record<string, string>;
}

/** Options after defaults and the environment were applied. */
export interface ResolvedOptions {
  apiKey: string;
  baseUrl: string;
  fetch: (request: Request) => Promise<Response>;
  headers: Record<string, string>;
}

function env(name: string): string | undefined {
  const p = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  const value = p?.env?.[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Applies defaults and the environment to `options`.
 * @throws TypeError when no API key is available or an option is malformed.
 */
export function resolveOptions(options: ClientOptions = {}): ResolvedOptions {
  const apiKey = options.apiKey ?? env('IDENTITYCALL_API_KEY');
  if (!apiKey) {
    throw new TypeError(
      'No IdentityCall API key: pass `apiKey` to createIdentityCallClient or set IDENTITYCALL_API_KEY.',
    );
  }
  if (/\s/.test(apiKey)) {
    throw new TypeError('The IdentityCall API key contains whitespace; check how it was copied.');
  }
  const baseUrl = (options.baseUrl ?? env('IDENTITYCALL_BASE_URL') ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(url.protocol);
  } catch {
    throw new TypeError(`baseUrl must be an absolute http(s) URL, got ${JSON.stringify(options.baseUrl)}.`);
  }
  const headers = { ...options.headers };
  if (Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) {
    throw new TypeError('Set the API key with the `apiKey` option, not an Authorization header.');
  }
  const fetchImpl = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  return { apiKey, baseUrl, fetch: fetchImpl, headers };
}
