// Generated from spec/openapi.yaml (IdentityCall Public API 0.1.0) by packages/client/scripts/generate.mjs — do not edit.
// Regenerate with `pnpm generate`; CI fails when this file drifts from the spec.

/** The production base URL (the spec's first server). */
export const DEFAULT_BASE_URL = "https://api.identitycall.ai/api/v1/public";

/** The version of the spec this client was generated from. */
export const SPEC_VERSION = "0.1.0";

/**
 * Audio formats Upload a recording accepts: file extension → largest size in bytes (from the
 * operation's `x-upload-formats`; the docs' "MB" read as MiB).
 */
export const UPLOAD_LIMITS: Readonly<Record<string, number>> = {"mp3":104857600,"wav":524288000,"m4a":104857600,"ogg":104857600,"flac":524288000,"webm":104857600};

/** Content types the upload's `file` part may have (`encoding.file.contentType`). */
export const UPLOAD_PART_TYPES: readonly string[] = ["audio/*","application/octet-stream"];
