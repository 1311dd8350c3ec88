/**
 * For each named check, a fault of the sandbox that the check must catch (the faults are
 * `FAULTS` of `@identitycall/sandbox`).
 */
import { CHECKS, type CheckName, type CheckTier } from '@identitycall/conformance';
import { expect } from 'vitest';
import type { FaultName } from '@identitycall/sandbox';
import { runWithFault } from './helpers.js';

/** A check and a fault it must catch. */
export interface CheckFault {
  check: CheckName;
  fault: FaultName;
  /**
   * The tiers whose cases catch it, when not the check's own: some checks are applied by cases of
   * the other tier (the client flows are contract cases but see use after free, for instance).
   */
  tiers?: CheckTier[];
}

/** Every named check but `request_conformance` and `client_return_conformance` (the client is not faulty), with a fault it must catch (some have two). */
export const CHECK_FAULTS: readonly CheckFault[] = [
  { check: 'not_a_server_error', fault: 'malformed-json-500' },
  { check: 'status_code_conformance', fault: 'create-operator-200' },
  // An undocumented refusal of an invalid request (a malformed path id answered 400, not 404).
  { check: 'status_code_conformance', fault: 'malformed-id-400' },
  { check: 'content_type_conformance', fault: 'wrong-content-type' },
  { check: 'response_schema_conformance', fault: 'operator-missing-initials' },
  { check: 'response_headers_conformance', fault: 'rate-limit-without-retry-after' },
  { check: 'negative_data_rejection', fault: 'update-number-accepts-invalid' },
  { check: 'positive_data_acceptance', fault: 'email-not-nullable', tiers: ['behaviour'] },
  { check: 'ignored_auth', fault: 'auth-ignored' },
  { check: 'error_envelope', fault: 'wrong-not-found-message' },
  { check: 'unsupported_method', fault: 'method-not-allowed-404' },
  { check: 'use_after_free', fault: 'delete-recording-keeps-it', tiers: ['contract'] },
  { check: 'ensure_resource_availability', fault: 'create-returns-wrong-id', tiers: ['contract'] },
  { check: 'permission_enforcement', fault: 'read-only-can-write' },
  { check: 'scope_isolation', fault: 'scope-403-instead-of-404' },
  { check: 'partial_update', fault: 'partial-update-overwrites' },
  { check: 'null_clears_field', fault: 'email-not-nullable' },
  { check: 'phone_normalisation', fault: 'phone-not-normalised' },
  { check: 'initials_derivation', fault: 'initials-ascii-only' },
  { check: 'idempotent_upload', fault: 'idempotent-replay-duplicates' },
  { check: 'delete_cascade', fault: 'project-delete-not-cascading' },
  { check: 'pagination_walk', fault: 'pagination-meta-off-by-one' },
  { check: 'processing_lifecycle', fault: 'transcription-before-completion' },
];

/**
 * Runs the engine against a sandbox with `fault` and expects `check` to fail, with a message that
 * says what differs. Only the tiers whose cases apply the check run (the check's own, unless the
 * table names others): the rest of a run cannot catch the fault for it.
 */
export async function expectCaught({ check, fault, tiers }: CheckFault): Promise<void> {
  const report = await runWithFault(fault, { runs: 2, tiers: tiers ?? [CHECKS[check].tier] });
  expect(report.passed).toBe(false);
  expect(report.checks.filter((c) => c.failed > 0).map((c) => c.name)).toContain(check);
  const failure = report.cases.flatMap((c) => c.failures).find((f) => f.check === check)!;
  expect(failure.message.length).toBeGreaterThan(10);
}
