/**
 * @identitycall/mock — Prism serving the IdentityCall spec, as a CLI and as a start/stop API.
 * @see https://docs.stoplight.io/docs/prism/
 */
export { startMock } from './mock.js';
export type { MockOptions, RunningMock } from './mock.js';
export { freePort, prismCliPath, startPrism } from './prism.js';
export type { PrismOptions, PrismProcess } from './prism.js';
