/**
 * The result of one release check on one tarball.
 */

/** Pass or fail, a short summary for the table, and the detail lines printed under it. */
export interface CheckResult {
  ok: boolean;
  summary: string;
  details: string[];
}

/** A passing result. */
export function pass(summary: string, details: string[] = []): CheckResult {
  return { ok: true, summary, details };
}

/** A failing result. */
export function fail(summary: string, details: string[]): CheckResult {
  return { ok: false, summary, details };
}
