/**
 * Tenants: isolated accounts inside one sandbox, so parallel test runs sharing it never see or
 * change each other's data. Each tenant is a whole account of its own (a store built from the seed,
 * with its own id sequences, catalogue and recordings) with its own random API keys; a request
 * belongs to the tenant its key belongs to. Creating, resetting and deleting a tenant, and every
 * change inside one, reach persistence: the registry tells it of each tenant created or removed
 * (`observe`), and it follows each tenant's store like the default one (./persistence.ts).
 * Idle tenants expire lazily: whenever the registry is used it drops those idle for longer than
 * the limit, measured with the sandbox clock (no timer keeps the process alive).
 * @see ../../README.md#tenants
 */
import { randomBytes } from 'node:crypto';
import { isoSeconds, type Clock } from './clock.js';
import { SandboxDataError, checkSandboxData } from './data-check.js';
import type { ApiKeyRecord, SandboxData } from './model.js';
import { processingModeProblem, type ProcessingMode } from './processing-mode.js';
import type { Tables } from './tables.js';

/** What the registry needs of a tenant's account (the sandbox's `Store` is one). */
export interface TenantAccount {
  readonly keys: { list(): ApiKeyRecord[]; find(token: string): ApiKeyRecord | undefined };
  replaceAll(data: SandboxData): void;
  snapshot(): SandboxData;
}

/** What persistence is told of a tenant's life: created (with its fields, read when needed) and removed. */
export interface TenantObserver<A> {
  created(id: string, account: A, fields: () => TenantFields): void;
  removed(id: string): void;
}

/** A tenant's registry fields, as the data file keeps them next to its account. */
export interface TenantFields {
  created_at: string;
  last_used_at: string;
  processing: ProcessingMode | null;
}

/** How many tenants may exist and how long an unused one lives. */
export interface TenantLimits {
  /** Tenants at most; creating one more is refused until one is deleted or expires. */
  max: number;
  /** Milliseconds (of the sandbox clock) a tenant may go unused before it is deleted. */
  idleMs: number;
}

/** The defaults of {@link TenantLimits}: 50 tenants, idle for an hour. */
export const DEFAULT_TENANT_LIMITS: Readonly<TenantLimits> = Object.freeze({ max: 50, idleMs: 3_600_000 });

/** A tenant as the admin routes show it. */
export interface TenantInfo {
  id: string;
  created_at: string;
  /** When a request last used one of its keys (or it was created or reset). */
  last_used_at: string;
  /** When it expires unless it is used before. */
  expires_at: string;
  /** Its processing mode, or null for the sandbox's. */
  processing: ProcessingMode | null;
}

/** A tenant as the data file keeps it: its info without `expires_at`, and its whole account. */
export interface TenantData {
  id: string;
  created_at: string;
  last_used_at: string;
  processing: ProcessingMode | null;
  data: SandboxData;
}

/** Creating a tenant was refused because the registry is full. */
export class TenantLimitError extends Error {
  constructor(
    readonly max: number,
    /** Milliseconds until the least recently used tenant expires, freeing a place; undefined when tenants are off (`max` 0). */
    readonly retryAfterMs: number | undefined,
  ) {
    super(max === 0 ? 'Tenant limit reached: tenants are turned off (maxTenants 0)' : `Tenant limit reached: ${max} tenants exist`);
    this.name = 'TenantLimitError';
  }
}

/** The form of tenant ids: `tnt_` and 24 random alphanumerics. */
export const TENANT_ID_PATTERN = /^tnt_[A-Za-z0-9]{24}$/;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` characters drawn uniformly from the 62 alphanumerics with a CSPRNG. */
export function randomAlphanumeric(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 × 62: bytes above it are dropped so every character is equally likely.
      if (byte < 248 && out.length < length) out += ALPHANUMERIC[byte % 62];
    }
  }
  return out;
}

interface Tenant<A> {
  id: string;
  createdAt: number;
  lastUsed: number;
  processing: ProcessingMode | null;
  account: A;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const instant = (value: unknown): number => (typeof value === 'string' ? Date.parse(value) : Number.NaN);

/**
 * Checks the `tenants` section of a data file.
 * @throws SandboxDataError naming each tenant and field that is wrong (keys must be unique across
 * the default account and every tenant).
 */
export function checkTenants(input: unknown, defaultKeys: readonly ApiKeyRecord[], source: string): TenantData[] {
  if (!Array.isArray(input)) throw new SandboxDataError(source, [`tenants: must be a list of tenants, got ${JSON.stringify(input)}`]);
  const problems: string[] = [];
  const ids = new Set<string>();
  const keys = new Map<string, string>(defaultKeys.map((k) => [k.key, 'the default account']));
  input.forEach((t, i) => {
    const where = `tenants[${i}]${isObject(t) && typeof t.id === 'string' ? ` (${t.id})` : ''}`;
    if (!isObject(t)) return problems.push(`${where}: must be an object`);
    if (typeof t.id !== 'string' || !TENANT_ID_PATTERN.test(t.id)) problems.push(`${where}: field "id" must match ${TENANT_ID_PATTERN}`);
    else if (ids.has(t.id)) problems.push(`${where}: duplicate tenant id`);
    else ids.add(t.id);
    for (const field of ['created_at', 'last_used_at'])
      if (Number.isNaN(instant(t[field]))) problems.push(`${where}: field "${field}" must be an ISO 8601 timestamp`);
    if (t.processing !== null) {
      const problem = processingModeProblem(t.processing);
      if (problem) problems.push(`${where}: field "processing" ${problem} (or null)`);
    }
    try {
      const data = checkSandboxData(t.data, source);
      for (const k of data.keys) {
        const owner = keys.get(k.key);
        if (owner) problems.push(`${where}: key ${k.key.slice(0, 12)}… is also a key of ${owner}`);
        keys.set(k.key, where);
      }
    } catch (e) {
      if (!(e instanceof SandboxDataError)) throw e;
      for (const p of e.problems) problems.push(`${where}.data: ${p}`);
    }
  });
  if (problems.length > 0) throw new SandboxDataError(source, problems);
  return input as TenantData[];
}

/** The tenants of a sandbox: create, find by key, reset, delete, expire. */
export class TenantStore<A extends TenantAccount> {
  private readonly tenants = new Map<string, Tenant<A>>();
  private readonly byKey = new Map<string, Tenant<A>>();
  private lastSweep = Number.NEGATIVE_INFINITY;
  private limits: TenantLimits = { ...DEFAULT_TENANT_LIMITS };
  private observer: TenantObserver<A> | undefined;

  constructor(
    /** The default account's tables: its keys are taken, and its change counter counts tenant changes. */
    private readonly t: Tables,
    private readonly makeAccount: (data: SandboxData) => A,
  ) {}

  private get clock(): Clock {
    return this.t.clock;
  }

  /** Tells `observer` (persistence) of every tenant created or removed from now on. */
  observe(observer: TenantObserver<A>): void {
    this.observer = observer;
  }

  /** A tenant's registry fields (undefined when it does not exist). */
  fieldsOf(id: string): TenantFields | undefined {
    const t = this.tenants.get(id);
    return (
      t && {
        created_at: new Date(t.createdAt).toISOString(),
        last_used_at: new Date(t.lastUsed).toISOString(),
        processing: t.processing,
      }
    );
  }

  /** Sets the limits (existing tenants are kept even when there are more than `max`). */
  configure(limits: TenantLimits): void {
    this.limits = { ...limits };
  }

  /** The current limits. */
  get currentLimits(): Readonly<TenantLimits> {
    return this.limits;
  }

  /** How many tenants exist (expired ones are dropped first). */
  get size(): number {
    this.expire();
    return this.tenants.size;
  }

  /**
   * Creates a tenant whose account is `seed` with a fresh random key in place of each of its keys.
   * @throws TenantLimitError when `max` tenants exist.
   */
  create(seed: SandboxData, processing: ProcessingMode | null): { info: TenantInfo; keys: ApiKeyRecord[] } {
    this.expire();
    if (this.tenants.size >= this.limits.max) {
      const now = this.clock().getTime();
      let soonest = Number.POSITIVE_INFINITY;
      for (const t of this.tenants.values()) soonest = Math.min(soonest, t.lastUsed + this.limits.idleMs);
      throw new TenantLimitError(this.limits.max, Number.isFinite(soonest) ? Math.max(0, soonest - now) : undefined);
    }
    let id: string;
    do id = `tnt_${randomAlphanumeric(24)}`;
    while (this.tenants.has(id));
    const keys = seed.keys.map((k) => ({ ...k, key: this.freshKey() }));
    const now = this.clock().getTime();
    const tenant = this.add({ id, createdAt: now, lastUsed: now, processing }, { ...seed, keys });
    this.observer?.created(id, tenant.account, () => this.fieldsOf(id) ?? this.fieldsOfRemoved(tenant));
    return { info: this.infoOf(tenant), keys: tenant.account.keys.list() };
  }

  /** The tenant and key a bearer token belongs to; marks the tenant used. Undefined for an unknown or expired one. */
  find(token: string): { tenant: TenantView<A>; key: ApiKeyRecord } | undefined {
    const tenant = this.byKey.get(token);
    const now = this.clock().getTime();
    if (now - this.lastSweep >= 1000) this.expire();
    if (!tenant || !this.tenants.has(tenant.id)) return undefined;
    if (this.expired(tenant, now)) {
      this.remove(tenant);
      return undefined;
    }
    const key = tenant.account.keys.find(token);
    if (!key) return undefined;
    tenant.lastUsed = Math.max(tenant.lastUsed, now);
    return { tenant: this.viewOf(tenant), key };
  }

  /** A tenant by id (undefined when unknown or expired). */
  get(id: string): { info: TenantInfo; keys: ApiKeyRecord[]; view: TenantView<A> } | undefined {
    this.expire();
    const tenant = this.tenants.get(id);
    return tenant && { info: this.infoOf(tenant), keys: tenant.account.keys.list(), view: this.viewOf(tenant) };
  }

  /** Every tenant, oldest first. */
  list(): TenantInfo[] {
    this.expire();
    return [...this.tenants.values()].sort((a, b) => a.createdAt - b.createdAt).map((t) => this.infoOf(t));
  }

  /** Puts a tenant's account back to `seed`, keeping its keys. Undefined when it does not exist. */
  reset(id: string, seed: SandboxData): { info: TenantInfo; keys: ApiKeyRecord[] } | undefined {
    this.expire();
    const tenant = this.tenants.get(id);
    if (!tenant) return undefined;
    // The account's change (counted through its listener) is the commit.
    tenant.account.replaceAll({ ...seed, keys: tenant.account.keys.list() });
    tenant.lastUsed = this.clock().getTime();
    return { info: this.infoOf(tenant), keys: tenant.account.keys.list() };
  }

  /** Deletes a tenant and its keys. Whether it existed. */
  delete(id: string): boolean {
    this.expire();
    const tenant = this.tenants.get(id);
    if (!tenant) return false;
    this.remove(tenant);
    return true;
  }

  /** Brings back the tenants of a data file (checked with {@link checkTenants}); persistence already has them. */
  restore(tenants: readonly TenantData[]): void {
    for (const t of tenants) {
      this.add({ id: t.id, createdAt: Date.parse(t.created_at), lastUsed: Date.parse(t.last_used_at), processing: t.processing }, t.data);
    }
  }

  /** Deletes every tenant idle for longer than the limit. */
  expire(): void {
    const now = this.clock().getTime();
    this.lastSweep = now;
    for (const tenant of [...this.tenants.values()]) if (this.expired(tenant, now)) this.remove(tenant);
  }

  private expired(tenant: Tenant<A>, now: number): boolean {
    return now - tenant.lastUsed > this.limits.idleMs;
  }

  private add(meta: Omit<Tenant<A>, 'account'>, data: SandboxData): Tenant<A> {
    const account = this.makeAccount(data);
    const tenant: Tenant<A> = { ...meta, account };
    this.tenants.set(tenant.id, tenant);
    for (const k of account.keys.list()) this.byKey.set(k.key, tenant);
    return tenant;
  }

  private remove(tenant: Tenant<A>): void {
    this.tenants.delete(tenant.id);
    for (const k of tenant.account.keys.list()) if (this.byKey.get(k.key) === tenant) this.byKey.delete(k.key);
    this.observer?.removed(tenant.id);
  }

  /** A key in the documented format that no account has. */
  private freshKey(): string {
    let key: string;
    do key = `idc_${randomAlphanumeric(32)}`;
    while (this.t.keys.has(key) || this.byKey.has(key));
    return key;
  }

  private fieldsOfRemoved(t: Tenant<A>): TenantFields {
    return { created_at: new Date(t.createdAt).toISOString(), last_used_at: new Date(t.lastUsed).toISOString(), processing: t.processing };
  }

  private infoOf(t: Tenant<A>): TenantInfo {
    return {
      id: t.id,
      created_at: isoSeconds(new Date(t.createdAt)),
      last_used_at: isoSeconds(new Date(t.lastUsed)),
      expires_at: isoSeconds(new Date(t.lastUsed + this.limits.idleMs)),
      processing: t.processing,
    };
  }

  private viewOf(t: Tenant<A>): TenantView<A> {
    return { id: t.id, account: t.account, processing: t.processing };
  }
}

/** What a request handled for a tenant needs of it. */
export interface TenantView<A> {
  id: string;
  account: A;
  processing: ProcessingMode | null;
}
