/** The mutation harness: the clean sandbox passes, mutants are killed, and the table says by which checks. */
import { describe, expect, it } from 'vitest';
import { formatMutationTable, runMutationHarness } from './harness.js';

describe('runMutationHarness', () => {
  it('runs the clean sandbox and each mutant, and computes the kill rate', async () => {
    const seen: string[] = [];
    const report = await runMutationHarness({
      faults: ['wrong-not-found-message', 'idempotent-replay-duplicates'],
      runs: 2,
      onResult: (r) => seen.push(r.fault),
    });
    expect(seen).toEqual(['(none)', 'wrong-not-found-message', 'idempotent-replay-duplicates']);
    expect(report.clean.killed).toBe(true);
    expect(report.killRate).toBe(1);
    expect(report.mutants.find((m) => m.fault === 'idempotent-replay-duplicates')!.failedChecks.map((c) => c.check)).toContain(
      'idempotent_upload',
    );
    const table = formatMutationTable(report);
    expect(table).toMatch(/^\(none\) +clean /m);
    expect(table).toMatch(/^wrong-not-found-message +killed .*error_envelope \(\d+\)/m);
    expect(table).toContain('Kill rate: 2/2 = 100.0%');
  });
});
