/**
 * Every check that applies to one exchange, given what the case expected of it: the contract checks
 * (status, content type, schema, headers, no 5xx), `error_envelope` on errors, and the check of the
 * situation (`positive_data_acceptance`, `negative_data_rejection`, `ignored_auth`, or a status the
 * case names under its own check).
 */
import type { JsonSchema, OperationInfo, SpecValidator } from '@identitycall/openapi';
import type { CheckName } from '../checks/catalogue.js';
import { checkErrorEnvelope, type ErrorExpectation } from '../checks/error-envelope.js';
import { checkResponse, mediaTypeOf } from '../checks/response.js';
import type { Exchange } from './exchange.js';

/** What a case expects of a response. */
export interface Expectation {
  /**
   * The situation: a valid request (`positive`), an invalid one (`negative`), one without a valid
   * key (`unauthorized`), or nothing in particular (`contract`, the default).
   */
  kind?: 'positive' | 'negative' | 'unauthorized' | 'contract';
  /** Statuses the situation requires, and the check that reports any other. */
  status?: { allowed: readonly number[]; check: CheckName; why: string };
  /** The documented message(s) of the expected error. */
  error?: ErrorExpectation;
  /** A documented 5xx was asked for (the mock's `Prefer: code=`). */
  allowServerError?: boolean;
}

/** One evaluation of one check. */
export interface Evaluation {
  check: CheckName;
  passed: boolean;
  message?: string;
}

/** What evaluation needs from the run. */
export interface EvaluationContext {
  validator: SpecValidator;
  errorSchemas: readonly JsonSchema[];
}

const brief = (e: Exchange) => `${e.response.status} ${e.response.text.slice(0, 160)}`;

/** Evaluates `exchange` (a request to `op`, or to no operation) against `expectation`. */
export function evaluate(
  ctx: EvaluationContext,
  op: OperationInfo | undefined,
  exchange: Exchange,
  expectation: Expectation = {},
): Evaluation[] {
  const out: Evaluation[] = [];
  const kind = expectation.kind ?? 'contract';
  const status = exchange.response.status;
  const at = `${exchange.request.method} ${exchange.request.path}`;

  if (op) {
    const failures = checkResponse(ctx.validator, op.operationId, exchange, { allowServerError: expectation.allowServerError });
    const evaluated: CheckName[] = ['not_a_server_error'];
    if (exchange.error === undefined) {
      evaluated.push('status_code_conformance');
      const documented = ctx.validator.response(op.operationId, status);
      if (documented) {
        evaluated.push('content_type_conformance');
        const media = mediaTypeOf(exchange.response.headers.get('content-type'));
        if (documented.content.some((m) => m.contentType.toLowerCase() === media)) evaluated.push('response_schema_conformance');
        if (Object.keys(documented.headers).length > 0) evaluated.push('response_headers_conformance');
      }
    }
    for (const check of evaluated) {
      const failed = failures.filter((f) => f.check === check);
      if (failed.length === 0) out.push({ check, passed: true });
      for (const f of failed) out.push({ check, passed: false, message: f.message });
    }
  } else {
    const serverError = exchange.error !== undefined || status >= 500;
    out.push({
      check: 'not_a_server_error',
      passed: !serverError,
      message: serverError ? `${at}: ${exchange.error ?? brief(exchange)}` : undefined,
    });
  }
  if (exchange.error !== undefined) return out;

  if (status >= 400) {
    const failures = checkErrorEnvelope(ctx.validator, ctx.errorSchemas, op?.operationId ?? '(none)', exchange, expectation.error);
    out.push(
      failures.length === 0
        ? { check: 'error_envelope', passed: true }
        : { check: 'error_envelope', passed: false, message: failures[0]!.message },
    );
  }
  if (kind === 'positive') {
    const ok = status >= 200 && status < 300;
    out.push({
      check: 'positive_data_acceptance',
      passed: ok,
      message: ok ? undefined : `${at}: a valid request was refused: ${brief(exchange)}`,
    });
  } else if (kind === 'negative') {
    const ok = status >= 400 && status < 500;
    out.push({
      check: 'negative_data_rejection',
      passed: ok,
      message: ok ? undefined : `${at}: an invalid request got ${status} instead of a 4xx: ${brief(exchange)}`,
    });
  } else if (kind === 'unauthorized') {
    const ok = status === 401;
    const auth = exchange.request.headers.get('authorization');
    const sent =
      auth === null ? 'without an Authorization header' : `with Authorization "${auth.replace(/(Bearer\s+\S{0,8})\S*/i, '$1…')}"`;
    out.push({ check: 'ignored_auth', passed: ok, message: ok ? undefined : `${at} ${sent}: expected 401, got ${brief(exchange)}` });
  }
  if (expectation.status) {
    const { allowed, check, why } = expectation.status;
    const ok = allowed.includes(status);
    out.push({ check, passed: ok, message: ok ? undefined : `${at}: ${why}: expected ${allowed.join(' or ')}, got ${brief(exchange)}` });
  }
  return out;
}
