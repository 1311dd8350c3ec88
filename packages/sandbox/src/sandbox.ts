/**
 * `startSandbox`: puts the stages together. The HTTP edge (limits, Host allow-list) hands each
 * request to the API pipeline (route, authenticate, validate, handle) or to the admin routes; the
 * handlers read and change the store, which persistence follows to the data file.
 * @see ../README.md#how-a-request-flows
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSpec } from '@identitycall/openapi';
import { adminGuard, checkAdminToken } from './admin/admin-guard.js';
import { ADMIN_PREFIX, handleAdminRequest } from './admin/admin-routes.js';
import type { TenantControl, TenantDetail } from './admin/tenant-routes.js';
import { ApiError } from './errors/api-error.js';
import { SANDBOX_MESSAGES } from './errors/messages.js';
import { installFaults } from './faults/install.js';
import { hostPolicy } from './http/host-guard.js';
import { sendJson } from './http/respond.js';
import { createHttpServer, serverLimitsWith } from './http/server.js';
import type { Sandbox, SandboxOptions, SandboxTenant } from './options.js';
import { guarded, handleApiRequest, handleUnknownPath, type PipelineDeps } from './pipeline/api-request.js';
import type { App } from './pipeline/context.js';
import { DEFAULT_PHONE_REGION } from './resources/phone.js';
import { HANDLERS, checkHandlers } from './resources/registry.js';
import { createRouter } from './routing/router.js';
import { DEFAULT_TENANT } from './state/journal.js';
import type { ApiKeyRecord, SandboxData } from './state/model.js';
import { Persistence, readDataFile, removeStaleTemps, type PersistedTenant, type Recovered } from './state/persistence.js';
import { processingModeProblem, type ProcessingMode } from './state/processing-mode.js';
import { loadSeedFile, normaliseSeed } from './state/seed.js';
import { Store } from './state/store.js';
import { DEFAULT_TENANT_LIMITS, checkTenants, type TenantInfo, type TenantLimits } from './state/tenants.js';
import { createRequestValidation } from './validation/request-validation.js';
import { specValidator } from './validation/spec-validator.js';
import { uploadLimitsWith } from './validation/upload-formats.js';

export type { Sandbox, SandboxOptions } from './options.js';

/** The tenant limits of the options. @throws RangeError naming an option out of range. */
function tenantLimitsOf(options: SandboxOptions): TenantLimits {
  const whole = (name: string, flag: string, value: number | undefined, min: number, fallback: number): number => {
    if (value === undefined) return fallback;
    if (!Number.isSafeInteger(value) || value < min)
      throw new RangeError(`--${flag} / ${name}: expected a whole number of at least ${min}, got ${String(value)}`);
    return value;
  };
  return {
    max: whole('maxTenants', 'max-tenants', options.maxTenants, 0, DEFAULT_TENANT_LIMITS.max),
    idleMs: whole('tenantIdleTimeout', 'tenant-idle-timeout', options.tenantIdleTimeout, 1, DEFAULT_TENANT_LIMITS.idleMs),
  };
}

function seedData(seed: SandboxOptions['seed']): SandboxData {
  if (seed === undefined) return loadSeedFile();
  if (typeof seed === 'string') return loadSeedFile(seed);
  return normaliseSeed(seed);
}

/** Listens on `port` and `host`; rejects with the listen error (a port in use, say). */
function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Starts a sandbox. Resolves once it is listening.
 * @throws SandboxDataError for a seed or data file that breaks the model (the file is left as it
 * is); TypeError or RangeError for an option out of range, naming it.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  // Everything that can refuse the options or the files runs before anything is written.
  const doc = loadSpec();
  const validator = specValidator(doc);
  checkHandlers(validator.operations);
  const limits = serverLimitsWith(options);
  const listenHost = options.host ?? '127.0.0.1';
  const hosts = hostPolicy(options.allowedHosts ?? [], listenHost);
  const admin = adminGuard(hosts, options.adminToken === undefined ? undefined : checkAdminToken(options.adminToken));
  const basePath = new URL(doc.servers?.[0]?.url ?? 'http://localhost/').pathname.replace(/\/$/, '');
  const tenantLimits = tenantLimitsOf(options);
  const seed = seedData(options.seed);
  const onError = options.onError ?? ((e: unknown) => console.error('[identitycall-sandbox]', e));
  const settings = {
    phoneRegion: options.phoneRegion ?? DEFAULT_PHONE_REGION,
    processing: options.processing ?? 'on-read',
    uploadLimits: uploadLimitsWith(options.uploadLimits),
  };

  let recovered: Recovered | undefined;
  if (options.dataFile) {
    await removeStaleTemps(options.dataFile);
    if (!options.reset) recovered = await readDataFile(options.dataFile);
  }
  const store = new Store(recovered?.tenants.get(DEFAULT_TENANT) ?? seed, options.clock);
  store.tenants.configure(tenantLimits);
  // The data file's other tenants, with the registry's fields their create entries and snapshots carry.
  const restored = checkTenants(
    [...(recovered?.tenants ?? [])]
      .filter(([id]) => id !== DEFAULT_TENANT)
      .map(([id, data]) => ({ id, processing: null, ...recovered?.metas.get(id), data })),
    store.keys.list(),
    `data file ${options.dataFile}`,
  );
  store.tenants.restore(restored);
  const validation = createRequestValidation(doc, validator);
  const app: App = { store, validation, settings };
  // One App per tenant account, kept as long as the account lives.
  const tenantApps = new WeakMap<Store, App>();
  const appOf = (account: Store, processing: ProcessingMode | null): App => {
    let tenantApp = tenantApps.get(account);
    if (!tenantApp) {
      tenantApp = { store: account, validation, settings: { ...settings, processing: processing ?? settings.processing } };
      tenantApps.set(account, tenantApp);
    }
    return tenantApp;
  };
  const findKey = (token: string) => {
    const key = store.keys.find(token);
    if (key) return { key, app };
    const found = store.tenants.find(token);
    return found && { key: found.key, app: appOf(found.tenant.account, found.tenant.processing) };
  };
  const injected = options.faults?.length
    ? installFaults(options.faults, { store, handlers: HANDLERS, validation: app.validation })
    : undefined;
  let persistence: Persistence | undefined;
  if (options.dataFile) {
    // Every tenant of the data file is kept, the default one serving the API.
    const tenants = new Map<string, PersistedTenant>([[DEFAULT_TENANT, { store }]]);
    for (const t of restored) {
      const found = store.tenants.get(t.id);
      if (found) tenants.set(t.id, { store: found.view.account, meta: () => ({ ...store.tenants.fieldsOf(t.id) }) });
    }
    persistence = await Persistence.start(
      options.dataFile,
      tenants,
      { seq: recovered?.seq ?? 0, id: recovered?.id, reset: options.reset === true },
      { onError },
    );
    const journal = persistence;
    // Tenants created or removed from now on are journalled through the same path.
    store.tenants.observe({
      created: (id, account, fields) => journal.addTenant(id, account, () => ({ ...fields() })),
      removed: (id) => journal.removeTenant(id),
    });
  }
  const sync = (): Promise<void> => persistence?.sync() ?? Promise.resolve();
  const reset = async (): Promise<void> => {
    store.replaceAll(seed);
    await sync();
  };
  const detail = (found: { info: TenantInfo; keys: ApiKeyRecord[] }): TenantDetail => ({
    ...found.info,
    processing: found.info.processing ?? settings.processing,
    base_path: basePath,
    keys: found.keys,
  });
  const tenants: TenantControl = {
    async create(processing) {
      if (injected) throw new ApiError(409, { error: SANDBOX_MESSAGES.tenantsWithFaults });
      const created = store.tenants.create(seed, processing);
      await sync();
      return detail(created);
    },
    list: () => store.tenants.list().map((t) => ({ ...t, processing: t.processing ?? settings.processing })),
    get(id) {
      const found = store.tenants.get(id);
      return found && detail(found);
    },
    async reset(id) {
      const found = store.tenants.reset(id, seed);
      await sync();
      return found && detail(found);
    },
    async delete(id) {
      const deleted = store.tenants.delete(id);
      await sync();
      return deleted;
    },
    account: (id) => store.tenants.get(id)?.view.account,
    limits: () => store.tenants.currentLimits,
  };
  const pipeline: PipelineDeps = {
    app,
    findKey,
    router: createRouter(validator.operations),
    handlers: injected?.handlers ?? HANDLERS,
    basePath,
    sync,
    onError,
    ...(injected && { faults: injected.hooks }),
  };

  const server = createHttpServer(limits, (req, res) => {
    const refused = hosts.check(req);
    if (refused) return sendJson(res, refused.status, refused.body, refused.headers, refused.closeConnection);
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const pathname = q < 0 ? raw : raw.slice(0, q);
    const search = q < 0 ? '' : raw.slice(q + 1);
    if (pathname === basePath || pathname.startsWith(`${basePath}/`)) {
      void handleApiRequest(pipeline, req, res, pathname, search);
    } else if (pathname === ADMIN_PREFIX || pathname.startsWith(`${ADMIN_PREFIX}/`)) {
      void guarded(res, onError, () => handleAdminRequest({ app, guard: admin, reset, sync, tenants }, req, res, pathname));
    } else {
      handleUnknownPath(res);
    }
  });

  let address: AddressInfo;
  try {
    address = await listen(server, options.port ?? 0, listenHost);
  } catch (e) {
    await persistence?.close();
    throw e;
  }
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  let stopped: Promise<void> | undefined;
  const withUrl = (tenant: TenantDetail): SandboxTenant => ({ ...tenant, url: `${origin}${basePath}` });
  return {
    url: `${origin}${basePath}`,
    origin,
    basePath,
    keys: store.keys.list(),
    reset,
    async createTenant(tenantOptions = {}) {
      const problem = tenantOptions.processing === undefined ? undefined : processingModeProblem(tenantOptions.processing);
      if (problem) throw new TypeError(`createTenant: processing: ${problem}`);
      try {
        return withUrl(await tenants.create(tenantOptions.processing ?? null));
      } catch (e) {
        if (e instanceof ApiError) throw new Error(e.message);
        throw e;
      }
    },
    listTenants: () => tenants.list(),
    async resetTenant(id) {
      const tenant = await tenants.reset(id);
      return tenant && withUrl(tenant);
    },
    deleteTenant: (id) => tenants.delete(id),
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => persistence?.close());
      return stopped;
    },
  };
}
