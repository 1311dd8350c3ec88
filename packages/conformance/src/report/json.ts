/**
 * The JSON report: the report as data — its `outcome`, the `skips` by kind of reason, each failure
 * with its full request and response — keys redacted. Stable field names, for dashboards and scripts.
 * It carries what `merge` needs to combine the shards of a run: the seed, the plan (spec hash, plan
 * hash and size), the shard and every case's id; {@link fromJsonReport} reads it back.
 */
import type { Exchange } from '../engine/exchange.js';
import { parseBody, pathBelow } from '../engine/exchange.js';
import type { CaseResult } from '../engine/results.js';
import { UsageError } from '../errors.js';
import { PACKAGE_NAME } from '../version.js';
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
    about: r.about,
    outcome: r.outcome,
    skipReason: r.skipReason,
    skipKind: r.skipKind,
    error: r.error,
    stoppedRun: r.stoppedRun,
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
    clientOperations: r.clientOperations,
  }));
  return redactDeep({ ...report, cases }, secrets);
}

interface ExchangeJson {
  request?: { method?: string; url?: string; headers?: Record<string, string>; body?: string };
  response?: { status?: number; headers?: Record<string, string>; body?: string; error?: string };
  durationMs?: number;
}

function headersOf(record: Record<string, string> | undefined): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(record ?? {})) {
    try {
      headers.append(name, String(value));
    } catch {
      // A header Headers refuses (a malformed name) stays out of the rebuilt exchange.
    }
  }
  return headers;
}

/** An exchange of the JSON report back as an `Exchange` (bodies as the report cut them). */
function exchangeFrom(json: ExchangeJson, basePath: string): Exchange {
  const url = json.request?.url ?? 'http://invalid/';
  let path = url;
  try {
    path = pathBelow(url, basePath);
  } catch {
    // Not a URL: keep it as it was written.
  }
  const responseHeaders = headersOf(json.response?.headers);
  const text = json.response?.body ?? '';
  return {
    request: {
      method: json.request?.method ?? 'GET',
      url,
      path,
      headers: headersOf(json.request?.headers),
      body: json.request?.body,
    },
    response: {
      status: json.response?.status ?? 0,
      headers: responseHeaders,
      text,
      body: parseBody(text, responseHeaders.get('content-type')),
    },
    ...(json.response?.error !== undefined && { error: json.response.error }),
    ...(json.durationMs !== undefined && { durationMs: json.durationMs }),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a JSON report (as {@link toJsonReport} wrote it) back into a report, e.g. to merge the
 * shards of a run. `file` names it in errors.
 * @throws UsageError when it is not a JSON report of this tool, or lacks what a merge needs.
 */
export function fromJsonReport(json: unknown, file = 'the report'): ConformanceReport {
  if (!isObject(json) || !isObject(json.tool) || json.tool.name !== PACKAGE_NAME)
    throw new UsageError(`${file} is not a JSON report of ${PACKAGE_NAME} (written with --json)`);
  if (!Array.isArray(json.cases) || !isObject(json.counts) || !isObject(json.target))
    throw new UsageError(`${file} is not a complete JSON report: it has no cases, counts or target`);
  if (!isObject(json.plan) || !isObject(json.plan.spec) || typeof json.plan.hash !== 'string')
    throw new UsageError(`${file} has no plan (spec and plan hash): it was written by a version before sharding; re-run the shard`);
  let basePath = '';
  try {
    basePath = new URL(String(json.target.baseUrl)).pathname;
  } catch {
    throw new UsageError(`${file}: its target has no base URL`);
  }
  const cases = (json.cases as Array<Record<string, unknown>>).map((c, i): CaseResult => {
    if (!isObject(c) || typeof c.id !== 'string' || typeof c.family !== 'string' || typeof c.outcome !== 'string')
      throw new UsageError(`${file}: case ${i + 1} has no id, family or outcome`);
    const failures = Array.isArray(c.failures) ? (c.failures as Array<Record<string, unknown>>) : [];
    return {
      ...(c as unknown as CaseResult),
      about: Array.isArray(c.about) ? (c.about as CaseResult['about']) : [],
      checks: isObject(c.checks) ? (c.checks as CaseResult['checks']) : {},
      clientOperations: Array.isArray(c.clientOperations) ? (c.clientOperations as string[]) : [],
      requests: typeof c.requests === 'number' ? c.requests : 0,
      durationMs: typeof c.durationMs === 'number' ? c.durationMs : 0,
      failures: failures.map((f) => ({
        ...(f as unknown as CaseResult['failures'][number]),
        exchange: isObject(f.exchange) ? exchangeFrom(f.exchange as ExchangeJson, basePath) : undefined,
      })),
    };
  });
  return { ...(json as unknown as ConformanceReport), cases };
}
