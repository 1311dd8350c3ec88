/**
 * The JSON report: the report as data — its `outcome`, the `skips` by kind of reason, each failure
 * with its full request and response — keys redacted. Stable field names, for dashboards and scripts.
 */
import type { ConformanceReport } from './model.js';
import { exchangeJson } from './exchange-text.js';
import { redactDeep, type Secrets } from './redact.js';

/** The report as a JSON-ready object (exchanges as plain data, keys redacted). */
export function toJsonReport(report: ConformanceReport, secrets: Secrets = {}): unknown {
  const cases = report.cases.map((r) => ({
    id: r.id,
    family: r.family,
    title: r.title,
    tier: r.tier,
    operationId: r.operationId,
    outcome: r.outcome,
    skipReason: r.skipReason,
    skipKind: r.skipKind,
    error: r.error,
    requests: r.requests,
    durationMs: Math.round(r.durationMs),
    checks: r.checks,
    failures: r.failures.map((f) => ({
      check: f.check,
      message: f.message,
      operationId: f.operationId,
      shrink: f.shrink,
      exchange: f.exchange ? exchangeJson(f.exchange) : undefined,
    })),
  }));
  return redactDeep({ ...report, cases }, secrets);
}
