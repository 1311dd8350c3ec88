/**
 * The processing modes, apart from the processing itself so that the tenant registry can name a
 * tenant's mode without importing the store.
 * @see ../../README.md#processing
 */

/** How uploaded recordings move from `pending` to `completed`. */
export type ProcessingMode =
  /** Each Get Recording advances the status one step (pending → processing → completed). */
  | 'on-read'
  /** Uploads complete at once. */
  | 'instant'
  /** Recordings stay as they are until `POST /__sandbox/recordings/{id}/advance`. */
  | 'manual'
  /** Time-based: one step every `stepMs` of the sandbox clock. */
  | { stepMs: number };

/** Whether `value` is a processing mode; the message says what is wrong when it is not. */
export function processingModeProblem(value: unknown): string | undefined {
  if (value === 'on-read' || value === 'instant' || value === 'manual') return undefined;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const stepMs = (value as { stepMs?: unknown }).stepMs;
    if (keys.length === 1 && typeof stepMs === 'number' && Number.isFinite(stepMs) && stepMs > 0) return undefined;
  }
  return `expected "on-read", "instant", "manual" or {"stepMs": <milliseconds above 0>}, got ${JSON.stringify(value) ?? String(value)}`;
}
