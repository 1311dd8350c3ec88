/**
 * `startSandbox`: a stateful IdentityCall API on node:http, routed and validated from the spec,
 * seeded from a fixtures file, optionally persisted to a data file.
 * @see ../README.md
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createValidator, loadSpec, type OpenAPIDocument, type SpecValidator } from '@identitycall/openapi';
import { ADMIN_PREFIX, handleAdminRequest } from './admin/admin-routes.js';
import { uploadLimitsWith, type AudioFormat } from './validation/upload-formats.js';
import type { App, ProcessingMode } from './pipeline/context.js';
import { installFaults, type FaultName } from './faults/catalogue.js';
import { HANDLERS, checkHandlers } from './resources/registry.js';
import type { ApiKeyRecord, SandboxData } from './state/model.js';
import { Persistence, readDataFile, removeStaleTemps } from './state/persistence.js';
import { DEFAULT_PHONE_REGION } from './resources/phone.js';
import { guarded, handleApiRequest, handleUnknownPath } from './pipeline/api-request.js';
import { createRouter } from './routing/router.js';
import { loadSeedFile, normaliseSeed, type SeedInput } from './state/seed.js';
import { Store } from './state/store.js';
import { createRequestValidation } from './validation/request-validation.js';

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** The seed: a path to a JSON file, or the seed itself. @default the packaged fixtures/seed.json */
  seed?: string | SeedInput;
  /**
   * Persist every change to this file (atomic replace) and start from it when it exists. Without
   * it the state lives in memory only.
   */
  dataFile?: string;
  /** Start from the seed even when `dataFile` exists (and overwrite it). @default false */
  reset?: boolean;
  /** How uploaded recordings move to `completed`. @default 'on-read' */
  processing?: ProcessingMode;
  /** Region assumed for phone numbers written without a country code. @default 'US' */
  phoneRegion?: string;
  /** Per-format upload size limits in bytes, overriding the documented ones (100/500 MiB). */
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
}

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
  /** Restores the seed (in memory and in the data file). */
  reset(): Promise<void>;
  /** Stops listening, closes open connections and finishes the last data file write. */
  stop(): Promise<void>;
}

const validators = new WeakMap<OpenAPIDocument, SpecValidator>();

function seedData(seed: SandboxOptions['seed']): SandboxData {
  if (seed === undefined) return loadSeedFile();
  if (typeof seed === 'string') return loadSeedFile(seed);
  return normaliseSeed(seed);
}

/** Starts a sandbox. Resolves once it is listening. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const doc = loadSpec();
  // Compiling every schema takes a moment; sandboxes started from one document share it.
  const validator = validators.get(doc) ?? createValidator(doc);
  validators.set(doc, validator);
  const serverUrl = doc.servers?.[0]?.url ?? 'http://localhost/';
  const basePath = new URL(serverUrl).pathname.replace(/\/$/, '');
  const seed = seedData(options.seed);
  const onError = options.onError ?? ((e: unknown) => console.error('[identitycall-sandbox]', e));

  let initial = seed;
  if (options.dataFile && !options.reset) {
    await removeStaleTemps(options.dataFile);
    initial = (await readDataFile(options.dataFile)) ?? seed;
  }
  const store = new Store(initial, options.clock);
  let persistence: Persistence | undefined;
  if (options.dataFile) {
    persistence = new Persistence(store, options.dataFile);
    await persistence.flush();
  }
  const sync = (): Promise<void> => persistence?.sync() ?? Promise.resolve();

  const app: App = {
    store,
    validation: createRequestValidation(doc, validator),
    settings: {
      phoneRegion: options.phoneRegion ?? DEFAULT_PHONE_REGION,
      processing: options.processing ?? 'on-read',
      uploadLimits: uploadLimitsWith(options.uploadLimits),
    },
  };
  const reset = async (): Promise<void> => {
    store.replaceAll(seed);
    await sync();
  };
  checkHandlers(validator.operations);
  const router = createRouter(validator.operations);
  const injected = options.faults?.length ? installFaults(options.faults, { store, handlers: HANDLERS, validation: app.validation }) : undefined;
  const pipeline = {
    app,
    router,
    handlers: injected?.handlers ?? HANDLERS,
    basePath,
    sync,
    onError,
    ...(injected && { faults: injected.hooks }),
  };

  const server: Server = createServer((req, res) => {
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const pathname = q < 0 ? raw : raw.slice(0, q);
    const search = q < 0 ? '' : raw.slice(q + 1);
    if (pathname === basePath || pathname.startsWith(`${basePath}/`)) {
      void handleApiRequest(pipeline, req, res, pathname, search);
    } else if (pathname === ADMIN_PREFIX || pathname.startsWith(`${ADMIN_PREFIX}/`)) {
      void guarded(res, onError, () => handleAdminRequest({ app, reset, sync }, req, res, pathname));
    } else {
      handleUnknownPath(res);
    }
  });
  // A malformed request line or header never reaches the handler; answer it instead of hanging.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${host}:${address.port}`;

  let stopped: Promise<void> | undefined;
  return {
    url: `${origin}${basePath}`,
    origin,
    basePath,
    keys: store.keys.list(),
    reset,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => persistence?.close());
      return stopped;
    },
  };
}
