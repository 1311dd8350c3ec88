/**
 * @identitycall/mock — Prism serving the IdentityCall spec behind a guard that answers bad input
 * in the API's envelope and keeps Prism running, as a CLI and as a start/stop API.
 * @see https://docs.stoplight.io/docs/prism/
 */
export { startMock } from './mock.js';
export type { MockOptions, MockPrism, RunningMock, SupervisionOptions } from './mock.js';
export { DEFAULT_LIMITS } from './guard/limits.js';
export type { GuardLimits } from './guard/limits.js';
export { freePort, prismCliPath, startPrism } from './prism/process.js';
export type { PrismOptions, PrismProcess, UpstreamCommand } from './prism/process.js';
export type { HealthPolicy, PrismState, RestartPolicy, SupervisorEvents } from './prism/supervisor.js';
