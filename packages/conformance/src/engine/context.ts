/**
 * What a case works with: `send` a request described by operation (raw, so it can be invalid on
 * purpose), `call` the client, `check` a behaviour, `skip` or `abort`. Every exchange goes through
 * the safety guard, is evaluated against the case's expectation and recorded; created and deleted
 * resources are tracked in the ledger.
 */
import { isDeepStrictEqual } from 'node:util';
import { IdentityCallError, type IdentityCallClient } from '@identitycall/client';
import type { OperationInfo } from '@identitycall/openapi';
import type { CheckName } from '../checks/catalogue.js';
import { checkRequest } from '../checks/response.js';
import { BudgetExhaustedError, CaseAborted, CaseSkipped, SafetyError } from '../errors.js';
import { evaluate, type Evaluation, type Expectation } from './evaluate.js';
import { matchOperation, requestText, type Exchange } from './exchange.js';
import { isCreate, isDelete, kindOf, REFERENCE_FIELDS } from './ledger.js';
import type { FixtureName, SkipKind } from './needs.js';
import { toRequest, type KeyRole, type RequestSpec } from './request.js';
import type { CaseInfo, CaseRecorder } from './results.js';
import type { Session } from './session.js';

/** Options of {@link CaseContext.call}. */
export interface CallOptions {
  /** What the response should be. @default { kind: 'positive' } */
  expect?: Expectation;
  /** @default 'main' */
  key?: KeyRole;
  /** What the client should return: the body's `data`, the whole body, nothing, or unchecked. @default 'data' */
  returns?: 'data' | 'body' | 'nothing' | 'unchecked';
}

/** The outcome of a client call. */
export interface CallResult<T> {
  value?: T;
  error?: unknown;
  exchange?: Exchange;
}

/** The values of a path's parameters, read against the operation's template. */
function pathParamsOf(op: OperationInfo, path: string): Record<string, string> {
  const names: string[] = [];
  const re = new RegExp(`^${op.path.replace(/\{([^}]+)\}/g, (_m, n: string) => (names.push(n), '([^/]+)'))}$`);
  const m = re.exec(path);
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m?.[i + 1] ?? '')]));
}

/** The reference fields (`operator_id`, `project_id`) a request sends (query, JSON body or multipart field). */
function referencesOf(url: string, body: string | undefined, contentType: string | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = Object.keys(REFERENCE_FIELDS);
  const query = new URL(url).searchParams;
  for (const f of fields) if (query.has(f)) out[f] = query.get(f);
  if (body === undefined) return out;
  if (/json/i.test(contentType ?? '')) {
    try {
      const parsed = JSON.parse(body) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        for (const f of fields) if (f in parsed) out[f] = (parsed as Record<string, unknown>)[f];
      }
    } catch {
      // Malformed on purpose: it names nothing.
    }
  } else if (/multipart/i.test(contentType ?? '')) {
    for (const f of fields) {
      const m = new RegExp(`name="${f}"\\r\\n\\r\\n([^\\r]*)`).exec(body);
      if (m) out[f] = m[1];
    }
  }
  return out;
}

/** Finds the first error in a cause chain that must stop the case (budget, safety). */
function stopperIn(error: unknown): Error | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof BudgetExhaustedError || e instanceof SafetyError) return e;
  }
  return undefined;
}

/** The API of a running case. */
export class CaseContext {
  private lastClientExchange: Exchange | undefined;

  constructor(
    readonly session: Session,
    readonly current: CaseInfo,
    readonly recorder: CaseRecorder,
  ) {}

  /** The operation with this id. */
  op(operationId: string): OperationInfo {
    return this.session.op(operationId);
  }

  /** The id of a fixture. @throws CaseSkipped when the setup could not create it. */
  fixture(name: FixtureName): number | string {
    const id = this.session.fixtures[name];
    if (id === undefined) {
      const problem = this.session.fixtureProblems[name];
      throw new CaseSkipped(`needs a ${name} created by the run${problem ? `: ${problem.reason}` : ''}`, problem?.kind ?? 'fixture');
    }
    return id;
  }

  /** Whether checks are evaluated (false in a dry run). */
  get live(): boolean {
    return !this.session.options.dryRun;
  }

  /** Sends a request and records every check on its answer. */
  async send(spec: RequestSpec, expectation: Expectation = {}): Promise<Exchange> {
    const op = this.op(spec.op);
    return (await this.transmit(toRequest(op, spec, this.session.options.baseUrl, this.session.keys), op, expectation, 'record')).exchange;
  }

  /**
   * Sends a request and records the checks that pass; returns the failures instead of recording
   * them (a generated property decides what to report after shrinking).
   */
  async probe(spec: RequestSpec, expectation: Expectation = {}): Promise<{ exchange: Exchange; failures: Evaluation[] }> {
    const op = this.op(spec.op);
    return this.transmit(toRequest(op, spec, this.session.options.baseUrl, this.session.keys), op, expectation, 'probe');
  }

  /** Sends a request the client built (called through the client's fetch). */
  async transmitClient(request: Request, expectation: Expectation): Promise<Exchange> {
    const path = new URL(request.url).pathname.slice(new URL(this.session.options.baseUrl).pathname.replace(/\/$/, '').length);
    const op = matchOperation(this.session.validator.operations, request.method, path);
    const { exchange } = await this.transmit(request, op, expectation, 'record', true);
    if (op) this.recorder.clientOperations.push(op.operationId);
    this.lastClientExchange = exchange;
    return exchange;
  }

  private async transmit(
    request: Request,
    op: OperationInfo | undefined,
    expectation: Expectation,
    mode: 'record' | 'probe',
    fromClient = false,
  ): Promise<{ exchange: Exchange; failures: Evaluation[] }> {
    const body = await requestText(request);
    const path = new URL(request.url).pathname.slice(new URL(this.session.options.baseUrl).pathname.replace(/\/$/, '').length);
    this.session.ledger.guard(
      op,
      request.method,
      op ? pathParamsOf(op, path) : {},
      referencesOf(request.url, body, request.headers.get('content-type')),
    );
    const attempts = await this.session.transport.send(request, { exempt: this.current.family === 'cleanup' });
    this.recorder.requests += attempts.length;
    const exchange = attempts.at(-1)!;
    // The contract is the one of the operation the request actually calls: a probe with a method the
    // path does not document (unsupported_method) calls none, so no operation's statuses apply to it.
    const called = op && request.method.toUpperCase() === op.method.toUpperCase() ? op : undefined;
    const operationId = called?.operationId;
    // Rate-limited attempts that were sent again: held to the contract, not to the situation.
    for (const earlier of attempts.slice(0, -1)) {
      for (const ev of evaluate(this.session, called, earlier))
        this.recorder.record(ev.check, ev.passed, { message: ev.message ?? '', operationId, exchange: earlier });
    }
    const evaluations = evaluate(this.session, called, exchange, expectation);
    if (fromClient) {
      const failures = checkRequest(this.session.validator, exchange);
      evaluations.push(
        failures.length === 0
          ? { check: 'request_conformance', passed: true }
          : { check: 'request_conformance', passed: false, message: failures.map((f) => f.message).join('; ') },
      );
    }
    const failures: Evaluation[] = [];
    for (const ev of evaluations) {
      if (ev.passed || mode === 'record') this.recorder.record(ev.check, ev.passed, { message: ev.message ?? '', operationId, exchange });
      else failures.push(ev);
    }
    if (op) this.track(op, exchange, path);
    return { exchange, failures };
  }

  /** Keeps the ledger up to date: created resources adopted, deleted ones marked. */
  private track(op: OperationInfo, exchange: Exchange, path: string): void {
    const { status, body } = exchange.response;
    if (status < 200 || status >= 300) return;
    const kind = kindOf(op);
    if (isCreate(op)) {
      const data = (body as { data?: { id?: unknown; public_id?: unknown } } | undefined)?.data;
      const id = data?.id ?? data?.public_id;
      // An upload answered 200 is a replay of an existing recording: adopt only what was created.
      if ((typeof id === 'number' || typeof id === 'string') && !(kind === 'recordings' && status !== 201)) {
        this.session.ledger.adopt({ kind, id, publicId: typeof data?.public_id === 'string' ? data.public_id : undefined });
      }
    } else if (isDelete(op)) {
      this.session.ledger.markDeleted(kind, pathParamsOf(op, path).id);
    } else {
      this.adoptNested(exchange);
    }
  }

  /**
   * A request that is not a create can still create a resource: Attach Operator with a
   * `phone_number` creates the operator it attaches. The answer lists it among the resource's
   * `operators`; the one with the number sent that the run does not own yet is adopted, so cleanup
   * deletes it.
   */
  private adoptNested(exchange: Exchange): void {
    let sent: unknown;
    try {
      sent =
        exchange.request.body === undefined ? undefined : (JSON.parse(exchange.request.body) as { phone_number?: unknown }).phone_number;
    } catch {
      return;
    }
    if (typeof sent !== 'string') return;
    const digits = (phone: unknown) => String(phone).replace(/\D/g, '');
    const listed =
      (exchange.response.body as { data?: { operators?: Array<{ id?: unknown; phone_number?: unknown }> } } | undefined)?.data?.operators ??
      [];
    const created = listed.filter(
      (o) => digits(o.phone_number) === digits(sent) && typeof o.id === 'number' && !this.session.ledger.find('operators', o.id),
    );
    if (created.length === 1) this.session.ledger.adopt({ kind: 'operators', id: created[0]!.id as number });
  }

  /** Records one evaluation of a behaviour check; returns whether it passed. In a dry run it always passes. */
  check(check: CheckName, ok: boolean, message: string | (() => string), exchange?: Exchange): boolean {
    if (!this.live) return true;
    this.recorder.record(
      check,
      ok,
      ok ? undefined : { message: typeof message === 'function' ? message() : message, exchange, operationId: this.current.operationId },
    );
    return ok;
  }

  /** Checks that `actual` deep-equals `expected`, saying what differs. */
  same(check: CheckName, what: string, actual: unknown, expected: unknown, exchange?: Exchange): boolean {
    return this.check(
      check,
      isDeepStrictEqual(actual, expected),
      () => `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
      exchange,
    );
  }

  /** Stops the case as skipped, with a reason and what kind of skip it is (see `SKIP_KINDS`). */
  skip(reason: string, kind: SkipKind): never {
    throw new CaseSkipped(reason, kind);
  }

  /** Records the failures a {@link probe} returned, once the case has decided they count. */
  record(failures: readonly Evaluation[], exchange: Exchange): void {
    for (const f of failures)
      this.recorder.record(f.check, f.passed, { message: f.message ?? '', operationId: this.current.operationId, exchange });
  }

  /** Stops the case: its failures are recorded and the next steps depend on what failed. */
  abort(why = 'a step the rest depends on failed'): never {
    throw new CaseAborted(why);
  }

  /** Calls the client; every request it sends is checked, and what it returns is compared with the body. */
  async call<T>(fn: (client: IdentityCallClient) => Promise<T>, options: CallOptions = {}): Promise<CallResult<T>> {
    const expectation = options.expect ?? { kind: 'positive' };
    const client = this.session.client(options.key ?? 'main');
    this.lastClientExchange = undefined;
    this.session.activeCall = { send: (request) => this.transmitClient(request, expectation) };
    let value: T | undefined;
    let error: unknown;
    try {
      value = await fn(client);
    } catch (e) {
      const stopper = stopperIn(e);
      if (stopper) throw stopper;
      error = e;
    } finally {
      this.session.activeCall = undefined;
    }
    const exchange = this.lastClientExchange as Exchange | undefined;
    if (error === undefined && exchange && (options.returns ?? 'data') !== 'unchecked') {
      const body = exchange.response.body as Record<string, unknown> | undefined;
      const returns = options.returns ?? 'data';
      const expected = returns === 'data' ? body?.data : returns === 'body' ? body : undefined;
      this.same(
        'client_return_conformance',
        `${exchange.request.method} ${exchange.request.path}: the client returned`,
        value,
        expected,
        exchange,
      );
    } else if (
      error !== undefined &&
      !(error instanceof IdentityCallError && error.status !== undefined) &&
      exchange?.error === undefined
    ) {
      this.check('client_return_conformance', false, `the client threw ${(error as Error).name}: ${(error as Error).message}`, exchange);
    }
    return { value, error, exchange };
  }

  /** Calls the client and returns what it returned, or aborts the case when the call failed. */
  async ok<T>(fn: (client: IdentityCallClient) => Promise<T>, options: CallOptions = {}): Promise<T> {
    const result = await this.call(fn, options);
    if (result.error !== undefined) {
      if (this.live && !this.recorder.failed) {
        this.check('positive_data_acceptance', false, `the client call failed: ${(result.error as Error).message}`, result.exchange);
      }
      this.abort();
    }
    return result.value as T;
  }
}
