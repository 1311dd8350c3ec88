/**
 * A run's shared state: the compiled spec, the transport, the ledger of created resources, the
 * fixtures, what is known about the target, and the clients. `run(case)` turns one case into a
 * result; cases run one after another, so ids from earlier responses feed later requests.
 */
import { randomBytes } from 'node:crypto';
import { createIdentityCallClient, type IdentityCallClient } from '@identitycall/client';
import { createValidator, loadSpec, type JsonSchema, type OpenAPIDocument, type OperationInfo, type SpecValidator } from '@identitycall/openapi';
import { BudgetExhaustedError, CaseAborted, CaseSkipped } from '../errors.js';
import type { Exchange } from '../exchange.js';
import type { ResolvedOptions } from '../options.js';
import { NEED_REASONS, type Case, type FixtureName } from './case.js';
import { CaseContext } from './context.js';
import { exampleResponder } from './dry-run.js';
import { errorSchemas } from './error-envelope.js';
import type { Expectation } from './evaluate.js';
import { Ledger } from './ledger.js';
import type { KeyRole } from './request.js';
import { CaseRecorder, type CaseResult } from './results.js';
import { Transport } from './transport.js';

let shared: { doc: OpenAPIDocument; validator: SpecValidator; errorSchemas: JsonSchema[] } | undefined;

/** The spec compiled once per process. */
export function compiledSpec(): { doc: OpenAPIDocument; validator: SpecValidator; errorSchemas: JsonSchema[] } {
  if (!shared) {
    const doc = loadSpec();
    const validator = createValidator(doc);
    shared = { doc, validator, errorSchemas: errorSchemas(validator) };
  }
  return shared;
}

/** A client call in progress: the case it belongs to and what it expects. */
export interface ActiveCall {
  ctx: CaseContext;
  expectation: Expectation;
}

/** The state of one run. */
export class Session {
  readonly doc: OpenAPIDocument;
  readonly validator: SpecValidator;
  readonly errorSchemas: readonly JsonSchema[];
  readonly transport: Transport;
  readonly ledger = new Ledger();
  /** A short random tag in the names of what the run creates, to tell them apart. */
  readonly runId = randomBytes(3).toString('hex');
  /** Ids of the fixtures the setup case created. */
  readonly fixtures: Partial<Record<FixtureName, number | string>> = {};
  /** Why a fixture could not be created. */
  readonly fixtureProblems: Partial<Record<FixtureName, string>> = {};
  /** External ids the run sent with uploads (an upload replay answers one of them). */
  readonly externalIds = new Set<string>();
  /** Whether the recording fixture finished processing (its transcription is then available). */
  recordingCompleted = false;
  /** Whether the target is a stateless mock; known after the setup case (or from the options). */
  stateless: boolean | undefined;
  /** Why the rest of the run is skipped (the request budget is spent). */
  stopped: string | undefined;
  /** The current client call, if any. */
  activeCall: ActiveCall | undefined;
  private readonly clients = new Map<KeyRole, IdentityCallClient>();
  private readonly ops: Map<string, OperationInfo>;

  constructor(readonly options: ResolvedOptions) {
    const spec = compiledSpec();
    this.doc = spec.doc;
    this.validator = spec.validator;
    this.errorSchemas = spec.errorSchemas;
    this.ops = new Map(spec.validator.operations.map((op) => [op.operationId, op]));
    // A dry run cannot ask the target; it shows what a run against a deployment (stateful) sends.
    this.stateless = typeof options.stateless === 'boolean' ? options.stateless : options.dryRun ? false : undefined;
    this.transport = new Transport({
      baseUrl: options.baseUrl,
      maxRequests: options.maxRequests,
      rate: options.rate,
      timeoutMs: options.timeoutMs,
      fetch: options.fetch,
      responder: options.dryRun ? exampleResponder(spec.validator, options.baseUrl) : undefined,
      onExchange: (exchange) => options.onEvent?.({ type: 'exchange', exchange, dryRun: options.dryRun }),
    });
  }

  /** The keys by role. */
  get keys(): Partial<Record<KeyRole, string>> {
    return { main: this.options.apiKey, readOnly: this.options.readOnlyKey, project: this.options.projectKey };
  }

  /** The operation with this id. @throws Error for an id the spec does not have. */
  op(operationId: string): OperationInfo {
    const op = this.ops.get(operationId);
    if (!op) throw new Error(`No operation "${operationId}" in the spec`);
    return op;
  }

  /** Why `c` cannot run now, or undefined when it can. */
  skipReason(c: Case): string | undefined {
    if (this.stopped && c.family !== 'cleanup') return this.stopped;
    if (this.stateless && c.mockSkip) return c.mockSkip;
    if (this.stateless === false && c.statefulSkip) return c.statefulSkip;
    for (const need of c.needs ?? []) {
      if (need === 'stateful') {
        if (this.stateless) return NEED_REASONS.stateful;
      } else if (need === 'readOnlyKey') {
        if (!this.options.readOnlyKey) return NEED_REASONS.readOnlyKey;
      } else if (need === 'projectKey') {
        if (!this.options.projectKey) return NEED_REASONS.projectKey;
      } else if (need === 'purchase') {
        if (!this.options.allowPurchase) return NEED_REASONS.purchase;
      } else if (this.fixtures[need] === undefined) {
        const problem = this.fixtureProblems[need];
        return `needs a ${need.replace('number', 'virtual number')} created by the run${problem ? `: ${problem}` : ''}`;
      }
    }
    return undefined;
  }

  /** A client on the target with the key of `role`, its traffic checked like any other request. */
  client(role: KeyRole = 'main'): IdentityCallClient {
    let client = this.clients.get(role);
    if (!client) {
      const apiKey = this.keys[role];
      if (!apiKey) throw new CaseSkipped(role === 'readOnly' ? NEED_REASONS.readOnlyKey : NEED_REASONS.projectKey);
      client = createIdentityCallClient({
        apiKey,
        baseUrl: this.options.baseUrl,
        maxRetries: 0,
        timeout: this.options.timeoutMs,
        fetch: (request) => this.clientFetch(request),
      });
      this.clients.set(role, client);
    }
    return client;
  }

  private async clientFetch(request: Request): Promise<Response> {
    const call = this.activeCall;
    if (!call) throw new Error('a client was used outside CaseContext.call');
    const exchange = await call.ctx.transmitClient(request, call.expectation);
    return toResponse(exchange);
  }

  /** Runs one case and returns its result. */
  async run(c: Case, index = 0): Promise<CaseResult> {
    const started = performance.now();
    this.options.onEvent?.({ type: 'case-start', id: c.id, title: c.title, index });
    const recorder = new CaseRecorder(!this.options.dryRun);
    const base = { id: c.id, family: c.family, title: c.title, tier: c.tier, operationId: c.operationId, about: c.about };
    const finish = (outcome: CaseResult['outcome'], extra: Partial<CaseResult> = {}): CaseResult => {
      const result: CaseResult = {
        ...base,
        outcome: recorder.failed && outcome !== 'failed' ? 'failed' : outcome,
        checks: recorder.checks,
        failures: recorder.failures,
        requests: recorder.requests,
        durationMs: performance.now() - started,
        clientOperations: recorder.clientOperations,
        ...extra,
      };
      this.options.onEvent?.({ type: 'case-end', result, index });
      return result;
    };
    const skip = this.skipReason(c);
    if (skip) return finish('skipped', { skipReason: skip });
    const ctx = new CaseContext(this, c, recorder);
    try {
      await c.run(ctx);
      return finish(recorder.failed ? 'failed' : 'passed');
    } catch (e) {
      if (e instanceof CaseSkipped) return finish('skipped', { skipReason: e.message });
      if (e instanceof CaseAborted) return finish('failed');
      if (e instanceof BudgetExhaustedError) {
        this.stopped = e.message;
        return finish('skipped', { skipReason: e.message });
      }
      return finish('failed', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    } finally {
      this.activeCall = undefined;
    }
  }
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** A Response carrying what an exchange received (the client reads it as if it came from the network). */
function toResponse(exchange: Exchange): Response {
  if (exchange.error !== undefined) throw new TypeError(`fetch failed: ${exchange.error}`);
  const { status, headers, text } = exchange.response;
  return new Response(NULL_BODY_STATUSES.has(status) ? null : text, { status, headers });
}
