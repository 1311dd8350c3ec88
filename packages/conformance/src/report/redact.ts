/**
 * Keeps the run's keys out of every report: each key is replaced by the name of its option
 * wherever it appears (headers, bodies, messages). Keys the run made up (an unknown key for the
 * auth checks) are not secret and stay visible.
 */

/** The keys of a run, by the placeholder that replaces them. */
export type Secrets = Partial<Record<'api-key' | 'read-only-key' | 'project-key', string>>;

/** Replaces every secret in `text` by `[name]`. */
export function redact(text: string, secrets: Secrets): string {
  let out = text;
  for (const [name, secret] of Object.entries(secrets)) if (secret) out = out.split(secret).join(`[${name}]`);
  return out;
}

/** A serialisable copy of `value` with every secret replaced. */
export function redactDeep<T>(value: T, secrets: Secrets): T {
  return JSON.parse(redact(JSON.stringify(value), secrets)) as T;
}
