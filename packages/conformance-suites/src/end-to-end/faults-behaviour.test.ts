/**
 * Each behaviour check fails on a sandbox with the fault it is about, with a message that says what
 * differs. One sandbox per fault; the contract checks are in faults-contract.test.ts, so that the
 * two files run side by side.
 */
import { CHECKS } from '@identitycall/conformance';
import { describe, it } from 'vitest';
import { CHECK_FAULTS, expectCaught } from '../../test/check-faults.js';

describe('a wrong server (behaviour checks)', () => {
  it.each(CHECK_FAULTS.filter((c) => CHECKS[c.check].tier === 'behaviour'))(
    'fails $check when the server has the fault $fault',
    expectCaught,
  );
});
