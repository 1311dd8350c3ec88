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

/**
 * The documented success responses of every operation, by `METHOD /path/{template}`: status →
 * the top-level fields its JSON body requires, or null for a response without a body. Paths with
 * fewer parameters come first, so the first template that matches a path is the operation's.
 */
export const SUCCESS_BODIES: Readonly<Record<string, Readonly<Record<string, readonly string[] | null>>>> = {"GET /recordings":{"200":["data","meta"]},"POST /recordings":{"200":["data"],"201":["data"]},"GET /projects":{"200":["data"]},"POST /projects":{"201":["data"]},"GET /virtual_numbers":{"200":["data"]},"GET /virtual_numbers/available":{"200":["data"]},"POST /virtual_numbers/purchase":{"201":["data"]},"GET /operators":{"200":["data"]},"POST /operators":{"201":["data"]},"GET /recordings/{id}":{"200":["data"]},"DELETE /recordings/{id}":{"204":null},"PATCH /recordings/{id}":{"200":["data"]},"GET /recordings/{id}/transcription":{"200":["data"]},"GET /recordings/{id}/results":{"200":["data"]},"GET /recordings/{id}/summary":{"200":["data"]},"GET /projects/{id}":{"200":["data"]},"DELETE /projects/{id}":{"204":null},"PATCH /projects/{id}":{"200":["data"]},"GET /virtual_numbers/{id}":{"200":["data"]},"PATCH /virtual_numbers/{id}":{"200":["data"]},"POST /virtual_numbers/{id}/add_operator":{"200":["data"]},"DELETE /virtual_numbers/{id}/remove_operator":{"200":["data"]},"GET /operators/{id}":{"200":["data"]},"DELETE /operators/{id}":{"200":["success"]},"PATCH /operators/{id}":{"200":["data"]}};
