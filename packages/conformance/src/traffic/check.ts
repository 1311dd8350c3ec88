/**
 * Checks traffic the engine did not send — exchanges seen by the validating proxy or recorded in a
 * HAR file — with the same checks a run applies to one exchange: what the client sent
 * (`checkRequest`), the response (`checkResponse` through `evaluate`), the error envelope and the
 * documented message of the situation, a missing or malformed key answered with anything but 401,
 * an invalid request accepted, an undocumented method answered with anything but 405 and `Allow`.
 * Checks that need state (a delete followed by a get, a read-only key) cannot be judged from one
 * exchange and are not applied. The results are one case per operation seen (family `traffic`),
 * so the report is the same model, JSON and JUnit as a run's.
 */
import { errorMessages, formatBytes, jsonBodyLimit, type OperationInfo } from '@identitycall/openapi';
import type { CheckName } from '../checks/catalogue.js';
import { situations, type ErrorExpectation } from '../checks/error-envelope.js';
import { checkRequest, mediaTypeOf, type CheckFailure } from '../checks/response.js';
import { evaluate, type Evaluation, type Expectation } from '../engine/evaluate.js';
import { documentedMethods, matchOperation, parseBody, type Exchange } from '../engine/exchange.js';
import type { SkipKind } from '../engine/needs.js';
import type { CaseResult, FailureDetail } from '../engine/results.js';
import { compiledSpec, type CompiledSpec } from '../engine/spec.js';
import { buildReport, type ConformanceReport } from '../report/model.js';
import { redact, type Secrets } from '../report/redact.js';

/** What is known of an exchange's bodies beyond the exchange itself. */
export interface Capture {
  /** Size of the request body in bytes, when known (a proxy counts it; a HAR file may say). */
  requestBytes?: number;
  /** The request body in the exchange is the whole body. @default true */
  requestBodyComplete?: boolean;
  /** The response text in the exchange is the whole body. @default true */
  responseBodyComplete?: boolean;
}

/** One failed check of one exchange, as the proxy prints it. */
export interface Violation {
  /** The number of the exchange (1-based, in the order they were seen). */
  exchange: number;
  operationId: string;
  check: CheckName;
  message: string;
}

/** What {@link createTrafficChecker} needs. */
export interface TrafficCheckerOptions {
  /** The API's base URL (the target of a proxy); for reports. */
  baseUrl: string;
  /** The API's base path (e.g. `/api/v1/public`); requests outside it are counted, not checked. */
  basePath: string;
  /** Keys known in advance, kept out of every output besides those seen in `Authorization` headers. */
  secrets?: Secrets;
  /** Failures kept in full per operation (later ones are counted only). @default 50 */
  maxFailuresPerOperation?: number;
  /** When checking started. @default now */
  startedAt?: Date;
}

/** What the traffic amounted to so far. */
export interface TrafficStats {
  /** Exchanges seen (checked, outside the base path, or not checked). */
  exchanges: number;
  /** Exchanges checked. */
  checked: number;
  /** Exchanges that failed at least one check. */
  violating: number;
  /** Exchanges outside the API's base path: forwarded, not checked. */
  outsideBasePath: number;
  /** Exchanges whose checks could not run (a check threw). */
  unchecked: number;
  /** Checks left out on checked exchanges because a body was not whole (over the capture limit, not recorded). */
  partial: number;
}

/** A checker of traffic. */
export interface TrafficChecker {
  /** Checks one exchange (its request path relative to the base path); returns its violations. Never throws. */
  add(exchange: Exchange, capture?: Capture): Violation[];
  /** Counts an exchange outside the API's base path. */
  addOutside(): void;
  /** Counts an exchange that could not be checked, and why. */
  addUnchecked(why: string): void;
  /** Keeps `text` free of every key seen or given. */
  redact(text: string): string;
  readonly stats: TrafficStats;
  /** Every violation so far (bounded like the report's failures). */
  readonly violations: readonly Violation[];
  /** The report so far, as a run's. */
  report(stopped?: string): ConformanceReport;
}

/** The credential of an `Authorization` header value (after the scheme), when it looks like one. */
function credentialOf(value: string | null): string | undefined {
  if (!value) return undefined;
  const credential = value.trim().split(/\s+/).at(-1) ?? '';
  return credential.length >= 8 ? credential : undefined;
}

/** Headers with every occurrence of a secret replaced. */
function redactHeaders(headers: Headers, hide: (t: string) => string): Headers {
  const out = new Headers();
  for (const [k, v] of headers.entries()) out.append(k, hide(v));
  return out;
}

interface OperationTally {
  operationId: string;
  requests: number;
  durationMs: number;
  checks: CaseResult['checks'];
  failures: FailureDetail[];
  failed: boolean;
}

/** What the exchange's situation expects, read from the request alone. */
function situationOf(
  spec: CompiledSpec,
  op: OperationInfo,
  exchange: Exchange,
  requestFailures: readonly CheckFailure[],
  overLimit: boolean,
): Expectation {
  const { doc } = spec;
  const status = exchange.response.status;
  const keyMissing = op.secured && !/^Bearer \S+$/.test(exchange.request.headers.get('authorization') ?? '');
  if (keyMissing) return { kind: 'unauthorized', error: situations.unauthorized(op) };
  if (requestFailures.length > 0) {
    let error: ErrorExpectation | undefined;
    if (overLimit) error = situations.tooLarge(doc, op);
    else if (status === 400 && requestFailures.some((f) => f.message.includes('body is not JSON'))) error = situations.malformedJson(doc);
    return { kind: 'negative', error };
  }
  let error: ErrorExpectation | undefined;
  if (status === 401) error = situations.unauthorized(op);
  else if (status === 403) {
    // The operation's documented 403 messages, and the permission message its x-permission names.
    const messages = new Set(errorMessages(op, 403));
    const permission = situations.permission(doc, op);
    for (const m of permission?.messages ?? []) messages.add(m);
    if (messages.size > 0) error = { messages: [...messages], source: `403 examples of ${op.operationId} and its x-permission` };
  } else if (status === 404) error = situations.notFound(op);
  else if (status === 413) error = situations.tooLarge(doc, op);
  return { kind: 'contract', error };
}

/** The spec's base path: the path of its first server URL (e.g. `/api/v1/public`). */
export function specBasePath(): string {
  const url = compiledSpec().doc.servers?.[0]?.url;
  return url ? new URL(url).pathname.replace(/\/+$/, '') : '';
}

/** Checks that read the response body, left out when the body was not seen whole. */
const BODY_CHECKS: readonly CheckName[] = ['response_schema_conformance', 'error_envelope'];

/** Creates a checker; every exchange added is checked and tallied by operation. */
export function createTrafficChecker(options: TrafficCheckerOptions): TrafficChecker {
  const spec = compiledSpec();
  const { validator, doc } = spec;
  const limit = jsonBodyLimit(doc);
  const maxFailures = options.maxFailuresPerOperation ?? 50;
  const startedAt = options.startedAt ?? new Date();
  const started = performance.now();
  const keys = new Set<string>(Object.values(options.secrets ?? {}).filter((k): k is string => typeof k === 'string' && k !== ''));
  const tallies = new Map<string, OperationTally>();
  const violations: Violation[] = [];
  const stats: TrafficStats = { exchanges: 0, checked: 0, violating: 0, outsideBasePath: 0, unchecked: 0, partial: 0 };
  const uncheckedReasons: string[] = [];

  const hide = (text: string): string => {
    let out = text;
    for (const key of keys) out = redact(out, { 'api-key': key });
    return out;
  };

  /** A copy of `exchange` with every key replaced, before anything is checked or kept. */
  const redacted = (e: Exchange): Exchange => {
    const credential = credentialOf(e.request.headers.get('authorization'));
    if (credential) keys.add(credential);
    const text = hide(e.response.text);
    return {
      ...e,
      request: {
        ...e.request,
        url: hide(e.request.url),
        path: hide(e.request.path),
        headers: redactHeaders(e.request.headers, hide),
        body: e.request.body === undefined ? undefined : hide(e.request.body),
      },
      response: {
        status: e.response.status,
        headers: redactHeaders(e.response.headers, hide),
        text,
        body: text === e.response.text ? e.response.body : parseBody(text, e.response.headers.get('content-type')),
      },
      ...(e.error !== undefined && { error: hide(e.error) }),
    };
  };

  const tally = (operationId: string): OperationTally => {
    let t = tallies.get(operationId);
    if (!t) {
      t = { operationId, requests: 0, durationMs: 0, checks: {}, failures: [], failed: false };
      tallies.set(operationId, t);
    }
    return t;
  };

  const evaluateOne = (exchange: Exchange, capture: Capture): { operationId: string; evaluations: Evaluation[] } => {
    const { method, path, headers } = exchange.request;
    const json = mediaTypeOf(headers.get('content-type')) === 'application/json';
    const overLimit = json && capture.requestBytes !== undefined && capture.requestBytes > limit;
    const requestWhole = capture.requestBodyComplete !== false && !overLimit;
    // A body that was not seen whole cannot be validated: check the rest of the request without it.
    let requestFailures = checkRequest(
      validator,
      requestWhole ? exchange : { ...exchange, request: { ...exchange.request, body: undefined } },
    );
    if (!requestWhole) requestFailures = requestFailures.filter((f) => !f.message.endsWith('required body missing'));
    const op = matchOperation(validator.operations, method, path);
    if (op && overLimit) {
      requestFailures.push({
        check: 'request_conformance',
        operationId: op.operationId,
        message: `${method} ${path}: the JSON body is ${capture.requestBytes} bytes, over the documented limit of ${formatBytes(limit)} (x-max-bytes)`,
      });
    }
    const evaluations: Evaluation[] =
      requestFailures.length === 0
        ? [{ check: 'request_conformance', passed: true }]
        : requestFailures.map((f) => ({ check: f.check, passed: false, message: f.message }));
    const clientFailures = requestFailures.filter((f) => f.message !== `${method} ${path}: no bearer token sent`);

    if (op) {
      evaluations.push(...evaluate(spec, op, exchange, situationOf(spec, op, exchange, clientFailures, overLimit)));
      return { operationId: op.operationId, evaluations };
    }
    const allowed = documentedMethods(validator.operations, path);
    const sibling = allowed.length > 0 ? matchOperation(validator.operations, allowed[0]!, path) : undefined;
    if (!sibling) {
      // Not a path of the spec: the client's mistake (reported above); the server must still not fail.
      evaluations.push(...evaluate(spec, undefined, exchange));
      return { operationId: '(not in the spec)', evaluations };
    }
    const why = `${method} is not documented for ${sibling.path}`;
    evaluations.push(
      ...evaluate(spec, sibling, exchange, { kind: 'negative', status: { allowed: [405], check: 'unsupported_method', why } }),
    );
    if (exchange.error === undefined && exchange.response.status === 405) {
      const allow = (exchange.response.headers.get('allow') ?? '')
        .split(',')
        .map((m) => m.trim().toUpperCase())
        .filter(Boolean)
        .sort();
      const same = JSON.stringify(allow) === JSON.stringify([...allowed].sort());
      evaluations.push({
        check: 'unsupported_method',
        passed: same,
        message: same
          ? undefined
          : `${method} ${path}: the Allow header lists ${allow.join(', ') || '(nothing)'}, documented ${[...allowed].sort().join(', ')}`,
      });
    }
    return { operationId: `${method} ${sibling.path}`, evaluations };
  };

  const unchecked = (number: number, why: string) => {
    stats.unchecked++;
    if (uncheckedReasons.length < 5) uncheckedReasons.push(hide(`exchange ${number}: ${why}`));
  };

  const checker: TrafficChecker = {
    stats,
    violations,
    redact: hide,
    addOutside() {
      stats.exchanges++;
      stats.outsideBasePath++;
    },
    addUnchecked(why) {
      stats.exchanges++;
      unchecked(stats.exchanges, why);
    },
    add(raw, capture = {}) {
      stats.exchanges++;
      const number = stats.exchanges;
      let exchange: Exchange;
      let result: { operationId: string; evaluations: Evaluation[] };
      try {
        exchange = redacted(raw);
        result = evaluateOne(exchange, capture);
      } catch (e) {
        // A check that throws is a bug of this package, never a reason to lose the exchange.
        unchecked(number, (e as Error)?.message ?? String(e));
        return [];
      }
      let evaluations = result.evaluations;
      if (capture.responseBodyComplete === false && exchange.error === undefined) {
        const before = evaluations.length;
        evaluations = evaluations.filter((ev) => !BODY_CHECKS.includes(ev.check));
        if (evaluations.length < before) stats.partial++;
      }
      stats.checked++;
      const t = tally(result.operationId);
      t.requests++;
      t.durationMs += exchange.durationMs ?? 0;
      const found: Violation[] = [];
      for (const ev of evaluations) {
        const counts = (t.checks[ev.check] ??= { passed: 0, failed: 0 });
        if (ev.passed) {
          counts.passed++;
          continue;
        }
        counts.failed++;
        t.failed = true;
        const message = ev.message ?? `${ev.check} failed`;
        const violation = { exchange: number, operationId: result.operationId, check: ev.check, message };
        found.push(violation);
        if (t.failures.length < maxFailures) {
          t.failures.push({ check: ev.check, message, operationId: result.operationId, exchange });
          violations.push(violation);
        }
      }
      if (found.length > 0) stats.violating++;
      return found;
    },
    report(stopped) {
      const results: CaseResult[] = [...tallies.values()].map((t) => {
        const failedCount = Object.values(t.checks).reduce((n, c) => n + (c?.failed ?? 0), 0);
        const more = failedCount - t.failures.length;
        return {
          id: `traffic/${t.operationId}`,
          family: 'traffic',
          title: `${t.operationId}: ${t.requests} exchange(s) checked${more > 0 ? ` (${more} more failure(s) counted, not kept)` : ''}`,
          tier: 'contract',
          ...(!t.operationId.includes(' ') && !t.operationId.startsWith('(') && { operationId: t.operationId }),
          about: [],
          outcome: t.failed ? 'failed' : 'passed',
          checks: t.checks,
          failures: t.failures,
          requests: t.requests,
          durationMs: t.durationMs,
          clientOperations: [],
        };
      });
      const skipped = (id: string, title: string, kind: SkipKind, reason: string): CaseResult => ({
        id,
        family: 'traffic',
        title,
        tier: 'contract',
        about: [],
        outcome: 'skipped',
        skipReason: reason,
        skipKind: kind,
        checks: {},
        failures: [],
        requests: 0,
        durationMs: 0,
        clientOperations: [],
      });
      if (stats.outsideBasePath > 0) {
        results.push(
          skipped(
            'traffic/outside-base-path',
            'requests outside the API base path',
            'outside-api',
            `${stats.outsideBasePath} request(s) outside ${options.basePath || '/'} were not checked`,
          ),
        );
      }
      if (stats.unchecked > 0) {
        results.push(
          skipped(
            'traffic/unchecked',
            'exchanges whose checks could not run',
            'other',
            `${stats.unchecked} exchange(s) could not be checked: ${uncheckedReasons.join('; ')}`,
          ),
        );
      }
      if (stats.partial > 0) {
        results.push(
          skipped(
            'traffic/partial',
            'bodies not seen whole',
            'other',
            `${stats.partial} exchange(s) had a response body that was not seen whole (over the capture limit, or not recorded), so ${BODY_CHECKS.join(' and ')} were not checked on them`,
          ),
        );
      }
      if (stats.checked === 0) {
        results.push(
          skipped(
            'traffic/none',
            'no exchange with the API',
            'no-traffic',
            `no exchange with the API under ${options.baseUrl} was seen, so nothing was checked`,
          ),
        );
      }
      return buildReport({
        baseUrl: hide(options.baseUrl),
        keepsState: undefined,
        seed: 0,
        runs: 0,
        dryRun: false,
        startedAt,
        durationMs: performance.now() - started,
        requests: stats.exchanges,
        results,
        owned: [],
        ...(stopped && { stopped }),
      });
    },
  };
  return checker;
}
