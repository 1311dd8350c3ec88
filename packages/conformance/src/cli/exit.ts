/**
 * The exit status of the command and of its subcommands (`proxy`, `har`), and how a report maps to it.
 * @see ../../README.md#how-a-run-ends
 */
import type { ConformanceReport } from '../report/model.js';

/** The exit status of each way a run can end. */
export const EXIT_CODES = {
  /** Every check passed (or a dry run, or an incomplete run accepted with --allow-incomplete). */
  passed: 0,
  /** A check failed, the target did not answer, or the run was interrupted. */
  failed: 1,
  /** The command line is wrong; nothing was sent. */
  usage: 2,
  /** No check failed, but cases that should have run were not checked (see --allow-incomplete). */
  incomplete: 3,
  /** The target rejected a key given to the run; nothing was checked. */
  keyRejected: 4,
} as const;

/** The exit status of a finished run. */
export function exitCodeOf(report: ConformanceReport, interrupted = false): number {
  if (report.outcome === 'key-rejected') return EXIT_CODES.keyRejected;
  if (interrupted || report.outcome === 'failed') return EXIT_CODES.failed;
  if (report.outcome === 'incomplete' && !report.passed) return EXIT_CODES.incomplete;
  return EXIT_CODES.passed;
}
