/**
 * The account's state, in memory, and every change to it. No HTTP here: one store per resource
 * (each in its own file) over shared tables, which keep the invariants between them (cascades,
 * routing priorities, id sequences, the idempotency index) and a version counter that persistence
 * follows.
 * @see ./tables.ts
 */
import type { Clock } from './clock.js';
import type { ApiKeyRecord, SandboxData } from './model.js';
import { OperatorStore } from './operators.js';
import { ProjectStore } from './projects.js';
import { RecordingStore } from './recordings.js';
import { Tables, type Change } from './tables.js';
import { TenantStore } from './tenants.js';
import { VirtualNumberStore } from './virtual-numbers.js';

export type { Change, ChangeOp, Patch } from './tables.js';

/** The API keys; they change only with the whole state. */
export class KeyStore {
  constructor(private readonly t: Tables) {}

  /** The key with this bearer token. */
  find(token: string): ApiKeyRecord | undefined {
    return this.t.keys.get(token);
  }

  /** Every API key. */
  list(): ApiKeyRecord[] {
    return [...this.t.keys.values()];
  }
}

/**
 * The in-memory account: the default one, or a tenant's. The default account also holds the
 * tenants (./tenants.ts), each a `Store` of its own whose changes count as changes of this one.
 */
export class Store {
  private readonly t: Tables;
  readonly keys: KeyStore;
  readonly projects: ProjectStore;
  readonly operators: OperatorStore;
  readonly numbers: VirtualNumberStore;
  readonly recordings: RecordingStore;
  /** The tenants (empty in a tenant's own store). */
  readonly tenants: TenantStore<Store>;

  constructor(data: SandboxData, clock: Clock = () => new Date()) {
    this.t = new Tables(clock);
    this.t.load(data);
    this.keys = new KeyStore(this.t);
    this.projects = new ProjectStore(this.t);
    this.operators = new OperatorStore(this.t);
    this.numbers = new VirtualNumberStore(this.t);
    this.recordings = new RecordingStore(this.t);
    this.tenants = new TenantStore(this.t, (tenantData) => new Store(tenantData, clock));
  }

  /** The clock for timestamps and timed processing. */
  get clock(): Clock {
    return this.t.clock;
  }

  /** Incremented by every change; persistence writes until it has caught up. */
  get version(): number {
    return this.t.version;
  }

  /** Replaces the whole account (seed, data file or reset) and counts it as one change; tenants stay. */
  replaceAll(data: SandboxData): void {
    this.t.load(data);
    this.t.replaced();
    this.t.changed();
  }

  /** The whole account in the data file format (tenants: `tenants.snapshot()`). */
  snapshot(): SandboxData {
    return this.t.snapshot();
  }

  /** Calls `listener` after every change with its operations (what the journal writes). Returns a function that removes it. */
  onChange(listener: (change: Change) => void): () => void {
    return this.t.onChange(listener);
  }
}
