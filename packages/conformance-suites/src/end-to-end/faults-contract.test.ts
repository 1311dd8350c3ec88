/**
 * Each contract check fails on a sandbox with the fault it is about, with a message that says what
 * differs. One sandbox per fault; the behaviour checks are in faults-behaviour.test.ts, so that the
 * two files run side by side.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS } from '@identitycall/conformance';
import { CHECK_FAULTS } from '../../test/check-faults.js';
import { runWithFault } from '../../test/helpers.js';

describe('a wrong server (contract checks)', () => {
  it.each(CHECK_FAULTS.filter((c) => CHECKS[c.check].tier === 'contract'))(
    'fails $check when the server has the fault $fault',
    async ({ check, fault, tiers }) => {
      // Only the tier whose cases apply the check runs; the rest of a run cannot catch the fault for it.
      const report = await runWithFault(fault, { runs: 2, tiers: tiers ?? [CHECKS[check].tier] });
      expect(report.passed).toBe(false);
      const failed = report.checks.filter((c) => c.failed > 0).map((c) => c.name);
      expect(failed).toContain(check);
      const failure = report.cases.flatMap((c) => c.failures).find((f) => f.check === check)!;
      expect(failure.message.length).toBeGreaterThan(10);
    },
  );
});
