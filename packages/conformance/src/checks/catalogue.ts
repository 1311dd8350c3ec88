/**
 * The named checks. Each failure is reported under one of these names, with a message that says
 * what differs from the spec; the names follow Schemathesis where it has one for the same idea.
 * @see https://schemathesis.readthedocs.io/en/stable/reference/checks/
 */

/** The tiers a check can belong to: `contract` holds for any target, `behaviour` needs one that keeps state. */
export const CHECK_TIERS = ['contract', 'behaviour'] as const;

/** Whether a check needs a server that keeps state (`behaviour`) or holds for any target (`contract`). */
export type CheckTier = (typeof CHECK_TIERS)[number];

/** Every check the engine reports, with its tier and what it verifies. */
export const CHECKS = {
  not_a_server_error: {
    tier: 'contract',
    description: 'No response is a 5xx, and every request gets an answer (no timeout, no dropped connection).',
  },
  status_code_conformance: {
    tier: 'contract',
    description:
      'The status is documented for the operation, for valid and invalid requests alike; the failure lists the documented statuses.',
  },
  content_type_conformance: {
    tier: 'contract',
    description: 'The Content-Type is a media type documented for that status (and a body-less response has no body).',
  },
  response_schema_conformance: {
    tier: 'contract',
    description: "The body validates against the operation's schema for that status (JSON Schema 2020-12, compiled from the spec).",
  },
  response_headers_conformance: {
    tier: 'contract',
    description:
      'Headers the spec requires for the status are present, and documented headers are valid (Retry-After on 429: seconds or an HTTP date).',
  },
  negative_data_rejection: {
    tier: 'contract',
    description:
      'A request the spec says is invalid (wrong type, missing field, out of range, unknown enum value, malformed JSON, bad id, bad upload) is refused with a 4xx.',
  },
  positive_data_acceptance: {
    tier: 'contract',
    description: "A valid request (the spec's examples, requests generated from the schemas) is accepted with a 2xx.",
  },
  ignored_auth: {
    tier: 'contract',
    description: 'A request without a key, with a malformed Authorization header or with an unknown key gets 401.',
  },
  error_envelope: {
    tier: 'contract',
    description:
      'Error bodies use the documented envelope ({"error": "…"} or {"errors": ["…"]}) and, where the docs give one for the situation, the documented string.',
  },
  unsupported_method: {
    tier: 'contract',
    description: 'A method the path does not document gets 405 with an Allow header listing the documented methods.',
  },
  request_conformance: {
    tier: 'contract',
    description: 'What the client sent is a documented operation with a bearer token and a body its schema accepts.',
  },
  client_return_conformance: {
    tier: 'contract',
    description: 'The client returned exactly what the server said (the `data` of the body, or the body).',
  },
  use_after_free: { tier: 'behaviour', description: 'After a successful delete the resource answers 404 (get, update, delete again).' },
  ensure_resource_availability: {
    tier: 'behaviour',
    description: 'A created resource can be fetched with the values it was created with, and is listed.',
  },
  permission_enforcement: {
    tier: 'behaviour',
    description:
      'With --read-only-key: every write or delete operation answers 403 with the documented message and changes nothing; reads succeed.',
  },
  scope_isolation: {
    tier: 'behaviour',
    description:
      "With --project-key: another project's resources answer 404 (never 403) and are not listed; creating or deleting a project, or uploading into another project, is 403.",
  },
  partial_update: {
    tier: 'behaviour',
    description: 'PATCH changes only the fields sent (operators, projects, virtual numbers, recordings).',
  },
  null_clears_field: {
    tier: 'behaviour',
    description: '`"email": null` clears an operator\'s email; `"retention_days": null` disables a project\'s retention.',
  },
  phone_normalisation: {
    tier: 'behaviour',
    description:
      'Phone numbers are stored in E.164 whatever the spacing and punctuation sent; an unparseable one is 422 with the documented message.',
  },
  initials_derivation: {
    tier: 'behaviour',
    description:
      '`initials` is derived from `name` by DECISIONS.md B22 (first letters of the first and last word; letters of any script; apostrophes and hyphens inside a word), on create and on rename.',
  },
  idempotent_upload: {
    tier: 'behaviour',
    description: 'Re-uploading the same (project_id, external_id) answers 200 with the same recording and creates nothing.',
  },
  delete_cascade: {
    tier: 'behaviour',
    description: "Deleting an operator takes it off every number's routing list; deleting a project deletes its recordings.",
  },
  pagination_walk: {
    tier: 'behaviour',
    description: 'Walking List Recordings page by page sees every recording once, with consistent `meta`.',
  },
  processing_lifecycle: {
    tier: 'behaviour',
    description:
      'An upload moves pending → processing → completed (never back); the transcription is 422 with the documented message until then, 200 after.',
  },
} as const satisfies Record<string, { tier: CheckTier; description: string }>;

/** The names under which failures are reported. */
export type CheckName = keyof typeof CHECKS;

/** Every check name, in catalogue order. */
export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[];
