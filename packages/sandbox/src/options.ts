/**
 * The options of `startSandbox` and the running sandbox it returns: the public surface of the
 * package besides the CLI.
 * @see ../README.md#start-it
 */
import type { TenantDetail } from './admin/tenant-routes.js';
import type { FaultName } from './faults/catalogue.js';
import type { ApiKeyRecord } from './state/model.js';
import type { ProcessingMode } from './state/processing.js';
import type { SeedInput } from './state/seed.js';
import type { TenantInfo } from './state/tenants.js';
import type { AudioFormat } from './validation/upload-formats.js';

/** Options of `startSandbox`. */
export interface SandboxOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to listen on. Its name is also an allowed `Host` (see `allowedHosts`). @default '127.0.0.1' */
  host?: string;
  /** The seed: a path to a JSON file, or the seed itself. @default the packaged fixtures/seed.json */
  seed?: string | SeedInput;
  /**
   * Persist every change to this file and its journal (`<file>.journal`: each change appended and
   * synced before it is answered, compacted into the file by atomic replace) and start from them
   * when they exist. Without it the state lives in memory only. A file that is not a valid data
   * file, or a damaged journal, is refused, never overwritten.
   */
  dataFile?: string;
  /** Start from the seed even when `dataFile` exists (and overwrite it). @default false */
  reset?: boolean;
  /** How uploaded recordings move to `completed`. @default 'on-read' */
  processing?: ProcessingMode;
  /** Region assumed for phone numbers written without a country code. @default 'US' */
  phoneRegion?: string;
  /** Per-format upload size limits in bytes (by extension, e.g. `{ mp3: 4096 }`), overriding the spec's. */
  uploadLimits?: Partial<Record<AudioFormat, number>>;
  /** The clock for timestamps and timed processing. @default () => new Date() */
  clock?: () => Date;
  /** Receives unexpected errors (bugs). @default console.error */
  onError?: (error: unknown) => void;
  /**
   * Known defects to inject, for testing a test suite (does it notice a server that departs from
   * the docs?). Never set this otherwise. See `FAULTS` for the catalogue. @default [] (none)
   */
  faults?: readonly FaultName[];
  /**
   * Host names answered besides `localhost`, `127.0.0.1`, `[::1]`, `*.localhost` and `host`
   * (without port; any port matches), e.g. a docker-compose service name. `'*'` answers any
   * `Host`, which gives up the DNS-rebinding protection. Other requests get 403. @default []
   */
  allowedHosts?: readonly string[];
  /**
   * A token every admin route (`/__sandbox/…`) then requires as `Authorization: Bearer <token>`,
   * compared in constant time. The CLI also reads `IDENTITYCALL_SANDBOX_ADMIN_TOKEN`.
   * @default none: admin routes need no token (they still refuse cross-site callers)
   */
  adminToken?: string;
  /** Milliseconds to receive a request's headers, also counted from a new connection. @default 20000 */
  headersTimeout?: number;
  /** Milliseconds to receive a whole request, body included. @default 300000 */
  requestTimeout?: number;
  /** Milliseconds an idle keep-alive connection stays open between requests. @default 5000 */
  keepAliveTimeout?: number;
  /** Open connections at most; further connections are closed as they arrive. @default 1000 */
  maxConnections?: number;
  /**
   * Tenants at most (see `createTenant`); creating one more answers 429 until one is deleted or
   * expires. 0 turns tenants off. @default 50
   */
  maxTenants?: number;
  /** Milliseconds of the sandbox clock a tenant may go unused before it is deleted. @default 3600000 (an hour) */
  tenantIdleTimeout?: number;
}

/** Options of a new tenant. */
export interface TenantOptions {
  /** How its uploads move to `completed`. @default the sandbox's `processing` */
  processing?: ProcessingMode;
}

/** A tenant of a running sandbox: its id, its keys and the base URL they work at. */
export interface SandboxTenant extends TenantDetail {
  /** The API's base URL (the sandbox's: the key, not the URL, selects the tenant). */
  url: string;
}

export type { TenantDetail, TenantInfo };

/** A running sandbox. */
export interface Sandbox {
  /** The API's base URL, base path included: `http://127.0.0.1:PORT/api/v1/public`. */
  url: string;
  /** The server's origin without the base path; admin routes live under `${origin}/__sandbox`. */
  origin: string;
  /** The base path taken from the spec's server URL (`/api/v1/public`). */
  basePath: string;
  /** The API keys of the seed (or data file). */
  keys: ApiKeyRecord[];
  /** Restores the seed of the default account (in memory and in the data file); tenants stay as they are. */
  reset(): Promise<void>;
  /**
   * Creates a tenant: an account of its own, from the seed, with fresh random keys (one for each
   * seeded key). Requests with its keys see and change only it.
   * @throws Error when the tenant cap is reached (or tenants are off).
   */
  createTenant(options?: TenantOptions): Promise<SandboxTenant>;
  /** Every tenant (without keys), oldest first. */
  listTenants(): TenantInfo[];
  /** Restores a tenant's account to the seed, keeping its keys. Undefined for an unknown tenant. */
  resetTenant(id: string): Promise<SandboxTenant | undefined>;
  /** Deletes a tenant; its keys then get 401. Whether it existed. */
  deleteTenant(id: string): Promise<boolean>;
  /** Stops listening, closes open connections and finishes the last data file write. */
  stop(): Promise<void>;
}
