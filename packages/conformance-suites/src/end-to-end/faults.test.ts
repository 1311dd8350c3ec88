/**
 * Each named check fails on a sandbox with the fault it is about, with a message that says what
 * differs. (One sandbox per fault; a file of its own so it runs beside the other end-to-end tests.)
 */
import { describe, expect, it } from 'vitest';
import type { CheckName } from '@identitycall/conformance';
import type { FaultName } from '@identitycall/sandbox';
import { runWithFault } from '../../test/helpers.js';

describe('a wrong server', () => {
  const cases: Array<{ check: CheckName; fault: FaultName }> = [
    { check: 'not_a_server_error', fault: 'malformed-json-500' },
    { check: 'status_code_conformance', fault: 'create-operator-200' },
    { check: 'content_type_conformance', fault: 'wrong-content-type' },
    { check: 'response_schema_conformance', fault: 'operator-missing-initials' },
    { check: 'response_headers_conformance', fault: 'rate-limit-without-retry-after' },
    { check: 'negative_data_rejection', fault: 'update-number-accepts-invalid' },
    { check: 'positive_data_acceptance', fault: 'email-not-nullable' },
    { check: 'ignored_auth', fault: 'auth-ignored' },
    { check: 'error_envelope', fault: 'wrong-not-found-message' },
    { check: 'unsupported_method', fault: 'method-not-allowed-404' },
    { check: 'use_after_free', fault: 'delete-recording-keeps-it' },
    { check: 'ensure_resource_availability', fault: 'create-returns-wrong-id' },
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
  it.each(cases)('fails $check when the server has the fault $fault', async ({ check, fault }) => {
    const report = await runWithFault(fault, { runs: 2 });
    expect(report.passed).toBe(false);
    const failed = report.checks.filter((c) => c.failed > 0).map((c) => c.name);
    expect(failed).toContain(check);
    const failure = report.cases.flatMap((c) => c.failures).find((f) => f.check === check)!;
    expect(failure.message.length).toBeGreaterThan(10);
  });
});
