/**
 * @identitycall/conformance — contract checks for the IdentityCall client and any server (the
 * Prism mock, the sandbox, or a real deployment) against the spec.
 */
export { checkRequest, checkResponse, formatFailures } from './checks.js';
export type { CheckFailure, CheckName } from './checks.js';
export { matchOperation, parseBody, recordingFetch } from './exchange.js';
export type { Exchange } from './exchange.js';
export { createHarness, specValidator } from './harness.js';
export type { Harness } from './harness.js';
export { buildRequest, exampleBody, invalidBody, sampleAudio } from './requests.js';
export type { BuildOptions } from './requests.js';
export { externalTargetFromEnv, MOCK_API_KEY } from './target.js';
export type { Target, TargetKind } from './target.js';
export { flows } from './flows/index.js';
export type { Flow } from './flows/index.js';
