/**
 * Keeps the API key out of everything the client hands back: error bodies echoed by a server and
 * errors thrown by a fetch.
 */

/** Replaces every occurrence of `secret` inside strings of `value` (deeply) with `[REDACTED]`. */
export function redact<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  if (typeof value === 'string') return value.split(secret).join('[REDACTED]') as T;
  if (Array.isArray(value)) return value.map((v) => redact(v, secret)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, secret)])) as T;
  }
  return value;
}

function mentions(value: unknown, secret: string, depth = 0): boolean {
  if (typeof value === 'string') return value.includes(secret);
  if (value instanceof Error) {
    return mentions(value.message, secret) || mentions(value.stack, secret) || (depth < 3 && mentions((value as { cause?: unknown }).cause, secret, depth + 1));
  }
  if (value && typeof value === 'object' && depth < 3) {
    try {
      return JSON.stringify(value).includes(secret);
    } catch {
      return true; // cannot tell: treat as tainted
    }
  }
  return false;
}

/**
 * A cause that is safe to attach to an error: `cause` itself, or, when it (or its own cause)
 * mentions `secret`, a plain Error with the same name and the redacted message.
 */
export function redactCause(cause: unknown, secret: string): unknown {
  if (!mentions(cause, secret)) return cause;
  const clean = new Error(redact(cause instanceof Error ? cause.message : String(cause), secret));
  clean.name = cause instanceof Error ? cause.name : 'Error';
  return clean;
}
