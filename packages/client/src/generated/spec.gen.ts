// Generated from spec/openapi.yaml (IdentityCall Public API 0.1.0) by packages/client/scripts/generate.mjs — do not edit.
// Regenerate with `pnpm generate`; CI fails when this file drifts from the spec.

/** The production base URL (the spec's first server). */
export const DEFAULT_BASE_URL = "https://api.identitycall.ai/api/v1/public";

/** The version of the spec this client was generated from. */
export const SPEC_VERSION = "0.1.0";
