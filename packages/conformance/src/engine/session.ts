/**
 * A run's shared state: the compiled spec, the transport, the ledger of created resources, the
 * fixtures, what is known about the target, and the clients. Cases read and change it through
 * their `CaseContext`; `runner.ts` turns a case into a result.
 */
import { randomBytes } from 'node:crypto';
import { createIdentityCallClient, type IdentityCallClient } from '@identitycall/client';
import type { JsonSchema, OpenAPIDocument, OperationInfo, SpecValidator } from '@identitycall/openapi';
import { CaseSkipped } from '../errors.js';
import type { ResolvedOptions } from '../options.js';
import { exampleResponder } from './dry-run.js';
import type { Exchange } from './exchange.js';
import { Ledger } from './ledger.js';
import { NEED_KINDS, NEED_REASONS, type FixtureName, type Skip, type SkipKind } from './needs.js';
import type { KeyRole } from './request.js';
import { compiledSpec } from './spec.js';
import { Transport } from './transport.js';

/**
 * The client call in progress: sends what the client built, as the case that called the client
 * expects (set by `CaseContext.call`).
 */
export interface ActiveCall {
  send(request: Request): Promise<Exchange>;
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
  /** Why a fixture could not be created (and what kind of skip that makes for the cases that need it). */
  readonly fixtureProblems: Partial<Record<FixtureName, Skip>> = {};
  /** External ids the run sent with uploads (an upload replay answers one of them). */
  readonly externalIds = new Set<string>();
  /**
   * The fixtures the run's cases need, when only some are (a shard): setup then buys no number and
   * uploads no recording that none of them would use. Undefined: every fixture.
   */
  fixturesNeeded: ReadonlySet<FixtureName> | undefined;
  /** Whether the recording fixture finished processing (its transcription is then available). */
  recordingCompleted = false;
  /** Whether the target is a stateless mock; known after the setup case (or from the options). */
  stateless: boolean | undefined;
  /** Why the rest of the run is skipped (the request budget is spent, Ctrl-C, a key was rejected); see {@link stop}. */
  stopped: string | undefined;
  /** The kind of skip {@link stopped} makes. */
  stoppedKind: SkipKind = 'stopped';
  /** The option whose key the target rejected (the run stopped before checking anything). */
  rejectedKey: string | undefined;
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
      responder: options.dryRun ? exampleResponder(spec.doc, spec.validator, options.baseUrl) : undefined,
      onExchange: (exchange) => options.onEvent?.({ type: 'exchange', exchange, dryRun: options.dryRun }),
    });
  }

  /** Skips every case that has not run yet (cleanup still runs), with `reason`. */
  stop(reason: string, kind: SkipKind): void {
    this.stopped ??= reason;
    if (this.stopped === reason) this.stoppedKind = kind;
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

  /** A client on the target with the key of `role`, its traffic checked like any other request. */
  client(role: KeyRole = 'main'): IdentityCallClient {
    let client = this.clients.get(role);
    if (!client) {
      const apiKey = this.keys[role];
      const need = role === 'readOnly' ? 'readOnlyKey' : 'projectKey';
      if (!apiKey) throw new CaseSkipped(NEED_REASONS[need], NEED_KINDS[need]);
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
    return toResponse(await call.send(request));
  }
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** A Response carrying what an exchange received (the client reads it as if it came from the network). */
function toResponse(exchange: Exchange): Response {
  if (exchange.error !== undefined) throw new TypeError(`fetch failed: ${exchange.error}`);
  const { status, headers, text } = exchange.response;
  return new Response(NULL_BODY_STATUSES.has(status) ? null : text, { status, headers });
}
