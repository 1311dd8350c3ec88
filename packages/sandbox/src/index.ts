/**
 * @identitycall/sandbox — a stateful local IdentityCall API that behaves like the documented one,
 * for integration tests and local development. Start it with {@link startSandbox} or the
 * `identitycall-sandbox` CLI.
 * @see ../README.md
 */
export { startSandbox } from './sandbox.js';
export type { Sandbox, SandboxOptions } from './sandbox.js';
export type { ProcessingMode } from './internal/context.js';
export type { AudioFormat } from './internal/audio.js';
export { DEFAULT_UPLOAD_LIMITS } from './internal/audio.js';
export { DEFAULT_PHONE_REGION, initialsOf, normalizePhone } from './internal/phone.js';
export { defaultSeedPath, loadSeedFile, normaliseSeed } from './internal/seed.js';
export type { SeedInput } from './internal/seed.js';
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
} from './internal/model.js';
export { ADMIN_PREFIX } from './internal/admin.js';
export { FAULTS } from './internal/faults.js';
export type { FaultName } from './internal/faults.js';
