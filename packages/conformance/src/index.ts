/**
 * @identitycall/conformance — checks any server (the Prism mock, the sandbox, a real deployment)
 * and the IdentityCall client against the spec: the spec's examples, requests generated from the
 * schemas and shrunk on failure, negative requests, stateful flows, keys and scopes, and the
 * behaviour the docs describe, each reported under a named check.
 * @see ../README.md
 */
export { runConformance, createRun } from './run.js';
export type { ConformanceRun } from './run.js';
export { resolveOptions, isLoopback, DEFAULT_RUNS, DEFAULT_TIMEOUT_MS, DEFAULT_POLL_TIMEOUT_MS } from './options.js';
export type { ConformanceOptions, ResolvedOptions, RunEvent } from './options.js';
export { CHECKS, CHECK_NAMES } from './checks/catalogue.js';
export type { CheckName, CheckTier } from './checks/catalogue.js';
export { checkRequest, checkResponse, documentedStatuses, formatFailures } from './checks/response.js';
export type { CheckFailure, ResponseCheckOptions } from './checks/response.js';
export { documentedMethods, matchOperation, parseBody, readExchange, recordingFetch } from './engine/exchange.js';
export type { Exchange } from './engine/exchange.js';
export { BudgetExhaustedError, CaseAborted, CaseSkipped, ConformanceError, KeyRejectedError, SafetyError, UsageError } from './errors.js';
export { buildReport } from './report/model.js';
export type { CheckSummary, ConformanceReport, MergeInfo, PlanInfo, RunOutcome, ShardInfo, SkipSummary } from './report/model.js';
export { toHtmlReport, HTML_REPORT_CSP } from './report/html.js';
export type { HtmlReportOptions } from './report/html.js';
export { mergeReports } from './report/merge.js';
export type { MergeOptions, ShardReportFile } from './report/merge.js';
export { parseShard } from './engine/shard.js';
export { splitCases } from './engine/split.js';
export type { Shard } from './engine/shard.js';
export { formatCaseFailures, formatHumanReport, formatDuration } from './report/human.js';
export type { HumanReportOptions } from './report/human.js';
export { toJUnitXml } from './report/junit.js';
export { fromJsonReport, toJsonReport } from './report/json.js';
export { createProgress } from './report/progress.js';
export type { ProgressOutput } from './report/progress.js';
export { redact } from './report/redact.js';
export type { Secrets } from './report/redact.js';
export { parseCli, parseMergeCli, MERGE_USAGE, USAGE } from './cli/args.js';
export { EXIT_CODES } from './cli/exit.js';
export type { CliRequest, MergeCliRequest } from './cli/args.js';
export { externalTargetFromEnv, MOCK_API_KEY } from './target.js';
export type { Target, TargetKind } from './target.js';
export { flows } from './flows/index.js';
export type { Flow } from './flows/index.js';
export { FAMILIES } from './engine/results.js';
export type { CaseResult, Family, FailureDetail, Outcome, ShrinkInfo } from './engine/results.js';
export type { Case, Need } from './engine/case.js';
export { NEED_REASONS, SKIP_KINDS } from './engine/needs.js';
export type { Skip, SkipKind } from './engine/needs.js';
export { PACKAGE_VERSION } from './version.js';
export { startProxy, DEFAULT_CAPTURE_BYTES, PROXY_HEADER } from './traffic/proxy.js';
export type { ProxyOptions, ValidatingProxy } from './traffic/proxy.js';
export { checkHar, checkHarText } from './traffic/har.js';
export type { HarCheckOptions, HarCheckResult } from './traffic/har.js';
export { createTrafficChecker } from './traffic/check.js';
export type { Capture, TrafficChecker, TrafficCheckerOptions, TrafficStats, Violation } from './traffic/check.js';
