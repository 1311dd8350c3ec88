/**
 * @identitycall/sandbox — a stateful local IdentityCall API that behaves like the documented one,
 * for integration tests and local development. Start it with {@link startSandbox} or the
 * `identitycall-sandbox` CLI.
 * @see ../README.md
 */
export { startSandbox } from './sandbox.js';
export type { Sandbox, SandboxOptions, SandboxTenant, TenantDetail, TenantInfo, TenantOptions } from './options.js';
export { ADMIN_TOKEN_ENV, createTenant, deleteTenant, resetTenant } from './tenant-client.js';
export type { TenantClientOptions } from './tenant-client.js';
export { DEFAULT_TENANT_LIMITS } from './state/tenants.js';
export type { ProcessingMode } from './state/processing.js';
export { DEFAULT_SERVER_LIMITS } from './http/server.js';
export type { ServerLimits } from './http/server.js';
export { LOOPBACK_HOSTS } from './http/host-guard.js';
export type { AudioFormat } from './validation/upload-formats.js';
export { DEFAULT_UPLOAD_LIMITS } from './validation/upload-formats.js';
export { DEFAULT_PHONE_REGION, normalizePhone } from './resources/phone.js';
export { initialsOf } from './resources/initials.js';
export { defaultSeedPath, loadSeedFile, normaliseSeed } from './state/seed.js';
export { SandboxDataError } from './state/data-check.js';
export type { SeedInput } from './state/seed.js';
export type {
  ApiKeyRecord,
  AvailableNumberRecord,
  OperatorRecord,
  Permission,
  ProjectRecord,
  RecordingAnalysis,
  RecordingRecord,
  RecordingStatus,
  SandboxData,
  VirtualNumberRecord,
} from './state/model.js';
export { ADMIN_PREFIX } from './admin/admin-routes.js';
export { FAULTS } from './faults/catalogue.js';
export type { FaultName } from './faults/catalogue.js';
