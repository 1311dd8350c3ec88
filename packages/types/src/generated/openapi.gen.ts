// Generated from spec/openapi.yaml (IdentityCall Public API 0.1.0) by openapi-typescript — do not edit.
// Regenerate with `pnpm generate`; CI fails when this file drifts from the spec.
export interface paths {
    "/recordings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List recordings
         * @description Returns one page of the recordings the key can see, in every processing state, with a
         *     `meta` object for paging. Clients stop paging when `meta.current_page >= meta.total_pages`.
         *     This is the only paginated operation.
         *
         *     Scope: an account-wide key lists the recordings of every project; a project-scoped key
         *     lists only the recordings of its project.
         *
         *     Written from the legacy page (host `api.identitycall.com`, integer ids), on the current
         *     host (G1, G5).
         *
         *     Decision: only `page`, `per_page` and `status` are described. The current Recordings
         *     overview promises more filters and full-text search but names none of their parameters,
         *     so none are invented (G2).
         *
         *     Decision: without `status` every state is listed. The page title's "completed recordings"
         *     is not read as a default filter; send `status=completed` to get only finished ones (G20).
         *
         *     Decision: `per_page` is 1–100 (default 20) and `page` at least 1 (default 1) as documented.
         *     A value outside those bounds, or an unknown `status`, answers 400 `{"error": "…"}`, the
         *     Errors page's status for invalid request parameters (G7, B20). A page past the last one is
         *     not documented; it is expected to answer an empty `data` list with the same `meta`.
         *
         *     Decision: list items carry the legacy fields; `public_id` is an optional field because
         *     only the current overview and home page mention it (G1).
         */
        get: operations["listRecordings"];
        put?: never;
        /**
         * Upload a recording
         * @description Uploads one call audio file as `multipart/form-data` and queues it for transcription and
         *     analysis. Supported formats: MP3, M4A, OGG and WebM up to 100 MB; WAV and FLAC up to
         *     500 MB. Processing is asynchronous: the new recording is `pending`; poll Get a recording
         *     until `status` is `completed` (no webhooks are documented, G22).
         *
         *     Idempotency: when `external_id` is sent, re-posting the same (`project_id`, `external_id`)
         *     pair returns the existing recording with **200 OK**; the file is not uploaded again and
         *     transcription is not queued again. A new upload answers **201 Created**.
         *
         *     Scope: an account-wide key must send `project_id`. A project-scoped key may omit it (the
         *     recording goes to the key's project); a `project_id` naming another project is refused
         *     with 403.
         *
         *     Decision: `project_id` is not marked required in the schema, because project-scoped keys
         *     may omit it; the status and message an account-wide key gets when it omits it are not
         *     documented (G16).
         *
         *     Decision: the 201 and 200 bodies require only `status` and at least one identifier (`id`
         *     on the legacy page, `public_id` on the current home page); clients should store and use
         *     `public_id` when present (G1, G16). The 200 replay body is assumed to have the same shape.
         *
         *     Decision: "file is required" is described under 400, as this page says, and also as an
         *     example under 422, as the Errors page lists it; clients should handle both (G9).
         *
         *     Decision: the `language` field has no enum. The page lists 12 codes, but transcription
         *     supports 100+ languages and project examples use `lt` (G19).
         *
         *     Decision: `external_id` has no length or format limit, since none is documented; a replay
         *     with a different file or language still returns the existing recording, so never reuse an
         *     `external_id` for different audio (G16).
         */
        post: operations["uploadRecording"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recordings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The recording's UUID `public_id` (preferred: stable) or its legacy numeric id (kept for
                 *     backward compatibility). Described as a string because a path segment is text and one
                 *     string type lets clients pass either form without a union type; the pattern accepts a
                 *     UUID or a positive decimal integer.
                 */
                id: components["parameters"]["RecordingId"];
            };
            cookie?: never;
        };
        /**
         * Get a recording
         * @description Returns one recording with its processing status and analysis counts. Poll this operation
         *     after an upload until `status` is `completed` (or `failed`); no webhooks are documented
         *     (G22).
         *
         *     Scope: an account-wide key can fetch a recording of any project; a project-scoped key gets
         *     404 for recordings outside its project.
         *
         *     Written from the legacy page (host `api.identitycall.com`, integer ids), on the current
         *     host (G1, G5).
         *
         *     Decision: the path `id` accepts the UUID `public_id` (preferred) or the legacy numeric id,
         *     and is described as a string for both (G1).
         *
         *     Decision: the body carries the legacy fields; `public_id` is an optional field because
         *     only the current overview mentions it. `project_id` is not described in the response: no
         *     page shows it in a recording body (G1).
         */
        get: operations["getRecording"];
        put?: never;
        post?: never;
        /**
         * Delete a recording
         * @description Deletes a recording together with its transcription, dialogues, goal results, keyword
         *     detections and pause events. Answers 204 without a body. Needs the `delete` permission,
         *     as documented (Delete Operator and Detach Operator need only `write`, G14).
         *
         *     Scope: a project-scoped key gets 404 for recordings outside its project.
         *
         *     Written from the legacy page (host `api.identitycall.com`, integer ids), on the current
         *     host (G1, G5).
         *
         *     Decision: the path `id` accepts the UUID `public_id` (preferred) or the legacy numeric id,
         *     and is described as one string for both (G1).
         *
         *     Decision: the legacy page calls the delete permanent, the current overview a soft delete.
         *     The documented 204 is kept; clients must treat the recording as gone (later requests
         *     answer 404) and must not rely on it being either recoverable or erased (G3).
         */
        delete: operations["deleteRecording"];
        options?: never;
        head?: never;
        /**
         * Update a recording
         * @description Updates a recording's metadata. The new display name is sent as `display_name` and is
         *     returned as `name`. The current overview says this operation can also move a recording
         *     to another project.
         *
         *     Scope: an account-wide key can update and move recordings in any project; a project-scoped
         *     key gets 404 for recordings outside its project. The rules for a project-scoped key moving
         *     a recording are not documented.
         *
         *     Written from the legacy page (host `api.identitycall.com`, integer ids), on the current
         *     host (G1, G5).
         *
         *     Decision: the path `id` accepts the UUID `public_id` (preferred) or the legacy numeric id,
         *     and is described as one string for both (G1).
         *
         *     Decision: the body carries the legacy fields, with `public_id` as an optional field (G1).
         *
         *     Decision: the request field is `display_name`, exactly as documented, although upload and
         *     the response use `name` (G15).
         *
         *     Decision: moving is described with an optional `project_id` field, the name upload uses;
         *     the docs do not name the field (G15).
         *
         *     Decision: the page says only "validation errors" for 422, so the body is
         *     `AnyValidationError`: either `{"error": …}` or `{"errors": […]}` (G8).
         */
        patch: operations["updateRecording"];
        trace?: never;
    };
    "/recordings/{id}/transcription": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The recording's UUID `public_id` (preferred: stable) or its legacy numeric id (kept for
                 *     backward compatibility). Described as a string because a path segment is text and one
                 *     string type lets clients pass either form without a union type; the pattern accepts a
                 *     UUID or a positive decimal integer.
                 */
                id: components["parameters"]["RecordingId"];
            };
            cookie?: never;
        };
        /**
         * Get a recording's transcription
         * @description Returns the full transcript and the speaker-attributed dialogue of a recording, each line
         *     with its timing and emotion scores. Available only once the recording's `status` is
         *     `completed`; before that the API answers 422 "Transcription not available".
         *
         *     Scope: a project-scoped key gets 404 for recordings outside its project.
         *
         *     Written from the legacy page (host `api.identitycall.com`, integer ids), on the current
         *     host (G1, G5). The page was cut inside its response example and has no field table.
         *
         *     Decision: the path `id` accepts the UUID `public_id` (preferred) or the legacy numeric id,
         *     and is described as one string for both (G1).
         *
         *     Decision: every field is typed from the example; the eight emotion keys are required
         *     because both complete dialogue lines carry all eight. The example's third line, cut in
         *     the stored page, is left out of the example (G24).
         *
         *     Decision: `recording_id` stays an integer, as every example shows; whether the current API
         *     returns the `public_id` here is not documented (G2).
         */
        get: operations["getRecordingTranscription"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recordings/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The recording's UUID `public_id` (preferred: stable) or its legacy numeric id (kept for
                 *     backward compatibility). Described as a string because a path segment is text and one
                 *     string type lets clients pass either form without a union type; the pattern accepts a
                 *     UUID or a positive decimal integer.
                 */
                id: components["parameters"]["RecordingId"];
            };
            cookie?: never;
        };
        /**
         * Get a recording's analysis results
         * @description Returns the analysis of a recording: goal evaluations (met or not, a 0–1 confidence score
         *     and the reasoning) and pauses (with compliance). Score bands from the Analyzing Results
         *     guide: 0.9–1.0 strongly achieved, 0.7–0.9 achieved, 0.5–0.7 partially achieved, 0.3–0.5
         *     weakly achieved, 0.0–0.3 not achieved.
         *
         *     Scope: a project-scoped key gets 404 for recordings outside its project.
         *
         *     Two versions of this page exist: the current one (host `api.identitycall.ai`) returns
         *     `goals` and `pauses`; the legacy one also returns `keywords`.
         *
         *     Decision: the path `id` accepts the UUID `public_id` (preferred) or the legacy numeric id,
         *     and is described as one string for both (G1).
         *
         *     Decision: `keywords` is an optional field. The current page drops it, but the current
         *     overview still promises keyword detections and Get a recording still counts them (G6).
         *
         *     Decision: `recording_id` stays an integer, as both examples show (G2). What this operation
         *     answers before processing has finished is not documented, so no 422 is described.
         */
        get: operations["getRecordingResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recordings/{id}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The recording's UUID `public_id` (preferred: stable) or its legacy numeric id (kept for
                 *     backward compatibility). Described as a string because a path segment is text and one
                 *     string type lets clients pass either form without a union type; the pattern accepts a
                 *     UUID or a positive decimal integer.
                 */
                id: components["parameters"]["RecordingId"];
            };
            cookie?: never;
        };
        /**
         * Get a recording's summary
         * @description Returns the AI-written summary of a call with its total duration, the identified speakers
         *     and the share of goals met (0–100).
         *
         *     Scope: a project-scoped key gets 404 for recordings outside its project.
         *
         *     Written from the legacy page (host `api.identitycall.com`, integer ids), on the current
         *     host (G1, G5).
         *
         *     Decision: the path `id` accepts the UUID `public_id` (preferred) or the legacy numeric id,
         *     and is described as one string for both (G1).
         *
         *     Decision: `recording_id` stays an integer, as the example shows (G2). What this operation
         *     answers before processing has finished is not documented, so no 422 is described.
         */
        get: operations["getRecordingSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List projects
         * @description Returns every project the key can see, sorted by name, in the short form. Takes no query
         *     parameters and is not paginated (no `meta`).
         *
         *     Scope: an account-wide key gets every project of the account; a project-scoped key gets
         *     only its own project.
         *
         *     Decision: no `page`/`per_page` parameters and no `meta`: the page states there are no
         *     query parameters, and only List Recordings documents pagination (G7).
         *
         *     Decision: the page gives the 401 and 403 conditions without messages; the shared
         *     responses' messages ("Invalid API key" first, "Read permission required") apply (G10).
         */
        get: operations["listProjects"];
        put?: never;
        /**
         * Create a project
         * @description Creates a project. `name` and `language` (the default transcription language) are
         *     required; `goal_language` and `summary_language` fall back to `language` when omitted.
         *     Send `"retention_days": null` (or omit it) to keep recordings without automatic deletion.
         *
         *     Scope: account-wide keys only. A project-scoped key gets 403 "Project-scoped API keys
         *     cannot create or destroy projects".
         *
         *     The page was cut inside its request example; the response and errors come from the
         *     Projects overview or are assumed.
         *
         *     Decision: the status is 201 Created, like every other create of the API; the page's status
         *     line was not stored (G24).
         *
         *     Decision: the 201 body is the short form plus `recordings_count` and
         *     `virtual_numbers_count`, as the Projects overview example shows, not the full detail of
         *     Get a project (G12).
         *
         *     Decision: only `retention_days` accepts `null`, as documented; whether other optional
         *     fields accept `null` is not stated (G26).
         *
         *     Decision: `language`, `goal_language` and `summary_language` are plain strings without an
         *     enum (project examples use `lt`, which Upload Recording does not list) (G19).
         *
         *     Decision: a 422 is described for invalid input (for example a missing `name`) with
         *     either error envelope, since the error table was not stored (G8).
         */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project ID.
                 * @example 42
                 */
                id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /**
         * Get a project
         * @description Returns one project with all its settings and its recording and virtual number counts.
         *
         *     Scope: an account-wide key can fetch any project; a project-scoped key can fetch only its
         *     own project and gets 404 for any other id.
         *
         *     Decision: `recordings_count` and `virtual_numbers_count` are required integers; their
         *     table rows were cut and the types come from the example (G24).
         */
        get: operations["getProject"];
        put?: never;
        post?: never;
        /**
         * Delete a project
         * @description Irreversibly deletes a project and everything in it: its recordings, dialogues, goal
         *     evaluations, virtual numbers, voice agents and other dependent records. Answers 204
         *     without a body. Needs the `delete` permission.
         *
         *     Scope: account-wide keys only. A project-scoped key gets 403 "Project-scoped API keys
         *     cannot create or destroy projects".
         *
         *     Decision: the 403 response carries both documented causes as named examples: the
         *     project-scoped refusal (the page's example body, first) and the missing delete
         *     permission (G14).
         *
         *     Decision: the page gives the 401 and 404 conditions without messages; the shared
         *     responses' messages ("Invalid API key" first, "Resource not found") apply (G10).
         */
        delete: operations["deleteProject"];
        options?: never;
        head?: never;
        /**
         * Update a project
         * @description Partial update: every field is optional and omitted fields are left unchanged. Send
         *     `"retention_days": null` to disable retention.
         *
         *     Scope: an account-wide key can update any project; a project-scoped key can update only
         *     its own project and gets 404 for any other id.
         *
         *     The page was cut inside its response example.
         *
         *     Decision: the 200 body is the full project of Get a project; the stored start of the
         *     example matches it (G24).
         *
         *     Decision: only `retention_days` accepts `null`, as documented; whether other optional
         *     fields can be cleared with `null` is not stated (G26). Language fields have no enum (G19).
         *
         *     Decision: a 422 is described for invalid values (for example `quality_baseline_pct` over
         *     100) with either error envelope, since the error table was not stored (G8).
         */
        patch: operations["updateProject"];
        trace?: never;
    };
    "/virtual_numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List virtual numbers
         * @description Returns every virtual number the key can see, each with up to the first three attached
         *     operators and the total count of attached operators. Takes no query parameters and is not
         *     paginated (no `meta`).
         *
         *     Scope: an account-wide key gets every number of the account; a project-scoped key gets
         *     only the numbers attached to its project.
         *
         *     Decision: no `page`/`per_page` parameters and no `meta`: the page states there are no
         *     query parameters (G7).
         *
         *     Decision: this page words the 401 "Unauthorized". The shared 401 response carries it as
         *     its third named example, after "Invalid API key" and "Invalid or expired API key" (G10).
         */
        get: operations["listVirtualNumbers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/virtual_numbers/available": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search numbers available to rent
         * @description Searches the phone-number provider for numbers that can be rented, by country and number
         *     type. Entries are passed through from the provider: the documented fields are typical but
         *     provider-dependent. Not paginated (no `meta`). Buy one with Purchase a virtual number.
         *
         *     Scope: allowed for both key types; the search is not limited by project.
         *
         *     Decision: only `phone_number` is required in an entry and any extra provider field is
         *     allowed (`additionalProperties: true`), because the page calls the fields typical but
         *     provider-dependent (G18).
         *
         *     Decision: no `page`/`per_page` parameters and no `meta`, as the example shows (G7).
         *
         *     Decision: an unknown `number_type` answers 400 `{"error": "…"}`, the Errors page's status
         *     for invalid request parameters; the page's own error table was not stored (G24, B20).
         */
        get: operations["listAvailableVirtualNumbers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/virtual_numbers/purchase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Purchase a virtual number
         * @description Buys (rents) a number through the provider, attaches it to the account and switches on
         *     inbound call recording (`recording: true`). `phone_number` is usually copied from Search
         *     numbers available to rent. `upfront_cost` and `monthly_cost` are informational and only
         *     recorded against the number. Attach operators with Attach an operator before live traffic.
         *
         *     Scope: with an account-wide key the number is created without a project; with a
         *     project-scoped key it is attached to the key's project automatically.
         *
         *     Decision: the path is `POST /virtual_numbers/purchase`, as on the endpoint page and the
         *     Virtual Numbers overview; the API Reference overview's `POST /virtual_numbers` has no page
         *     and is not described (G4).
         *
         *     Decision: the 201 body is the short list-item shape of List virtual numbers, exactly as
         *     documented (no `recording`, no stats) (G12).
         *
         *     Decision: no `project_id` is described, here or on Update a virtual number: the docs say
         *     to assign a project "by patching the resource" but document no such field (G11).
         */
        post: operations["purchaseVirtualNumber"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/virtual_numbers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Virtual number ID.
                 * @example 7
                 */
                id: components["parameters"]["VirtualNumberId"];
            };
            cookie?: never;
        };
        /**
         * Get a virtual number
         * @description Returns one number with its settings, the operators attached to it (with their routing
         *     priority, starting at 0), the account's operators not yet attached, call statistics and
         *     the 10 most recent calls.
         *
         *     Scope: a project-scoped key gets 404 for numbers not attached to its project.
         *
         *     Decision: the field table was cut after `name`, so the other fields are typed from the
         *     example (G24). `recent_calls[].call_duration` is presumably in seconds; `call_status` and
         *     `direction` are plain strings because only "answered" and "inbound" appear;
         *     `transcript_summary` is a string or null because only null appears (G25).
         */
        get: operations["getVirtualNumber"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a virtual number
         * @description Partial update of a number's name, active flag, call recording and routing strategy;
         *     omitted fields keep their values. Answers with the same detail as Get a virtual number.
         *
         *     Scope: a project-scoped key gets 404 for numbers not attached to its project.
         *
         *     Decision: the page says only "validation errors" for 422 (its last row was cut), so the
         *     body is `AnyValidationError`: either `{"error": …}` or `{"errors": […]}` (G8).
         *
         *     Decision: no `project_id` field is described; the docs never name one, although Purchase
         *     says a project can be assigned "by patching the resource" (G11).
         */
        patch: operations["updateVirtualNumber"];
        trace?: never;
    };
    "/virtual_numbers/{id}/add_operator": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Virtual number ID.
                 * @example 7
                 */
                id: components["parameters"]["VirtualNumberId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach an operator to a virtual number
         * @description Attaches an operator to the number, at the end of its priority list (the next free
         *     priority). Either send `operator_id` to attach an existing operator, or send
         *     `phone_number` (and optionally `name`, default "Operator") to create an operator and
         *     attach it. Attaching an operator that is already attached changes nothing.
         *
         *     Scope: a project-scoped key gets 404 for numbers not attached to its project, and can
         *     only reference operators of its project.
         *
         *     Decision: the path is `POST /virtual_numbers/{id}/add_operator`, as on the endpoint page
         *     and the Virtual Numbers overview; the API Reference overview's
         *     `POST /virtual_numbers/{id}/operators` has no page and is not described (G4).
         *
         *     Decision: the body is `anyOf` the two shapes, not `oneOf`. The page asks for exactly one
         *     shape but also defines the result when both are sent (`operator_id` wins), so a body
         *     with both is valid; a body with neither is not (G17).
         *
         *     Decision: the response is assumed to be 200 with the detail of Get a virtual number, as
         *     for Detach an operator; the page was cut before its response, and the example is
         *     constructed (G17, G24). Whether `phone_number` is normalised to E.164 as in Create an
         *     operator is not stated (G17).
         *
         *     Decision: a 422 is described for an invalid body (for example neither field, or a bad
         *     phone number for a new operator) with either error envelope, since the error table was
         *     not stored (G8).
         */
        post: operations["addVirtualNumberOperator"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/virtual_numbers/{id}/remove_operator": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Virtual number ID.
                 * @example 7
                 */
                id: components["parameters"]["VirtualNumberId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Detach an operator from a virtual number
         * @description Removes an operator from the number's routing list. Only the assignment is removed; the
         *     operator record stays. Answers 200 with the detail of Get a virtual number. Needs the
         *     `write` permission, not `delete`, as documented (G14).
         *
         *     Scope: a project-scoped key gets 404 for numbers not attached to its project.
         *
         *     Decision: the path is `DELETE /virtual_numbers/{id}/remove_operator`, as on the endpoint
         *     page and the Virtual Numbers overview; the API Reference overview's
         *     `DELETE /virtual_numbers/{id}/operators/{operator_id}` has no page and is not described (G4).
         *
         *     Decision: `operator_id` is described as a required query parameter. The server also
         *     accepts it in a JSON body (`{"operator_id": 22}`), which is not described because
         *     DELETE bodies are poorly supported by HTTP clients and proxies.
         *
         *     Decision: 404 "Resource not found" also covers an operator that is not attached to the
         *     number. A missing, malformed or repeated `operator_id`, or a JSON body that carries it
         *     but is not valid JSON, is answered 400 (shared `InvalidParameters`), and such a body over
         *     1 MiB 413 (shared `PayloadTooLarge`), although the page lists neither: every status the
         *     operation can answer is documented (B25, B27). No 422 is described.
         */
        delete: operations["removeVirtualNumberOperator"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List operators
         * @description Returns every operator the key can see, sorted by name (ascending). Takes no query
         *     parameters and is not paginated.
         *
         *     Scope: an account-wide key gets all operators; a project-scoped key gets only the operators
         *     linked to its project.
         *
         *     Decision: no `page`/`per_page` parameters and no `meta`: the page states there are no
         *     query parameters, and only List Recordings documents pagination (G7).
         */
        get: operations["listOperators"];
        put?: never;
        /**
         * Create an operator
         * @description Creates an operator. `initials` is derived from `name`; `phone_number` may be sent in E.164
         *     or local format and is normalised to E.164 on save.
         *
         *     Scope: with an account-wide key the operator is created unlinked (it belongs to the account
         *     but to no project, so project-scoped keys cannot see it). With a project-scoped key it is
         *     linked to the key's project straight away.
         *
         *     Decision: no operation links an existing operator to a project. The page points to
         *     "project-scoped operator endpoints" that are documented nowhere, so none are described;
         *     link operators in the dashboard, or create them with a project-scoped key (G13).
         *
         *     Decision (the page was cut inside its response example): the 201 body is taken to be the
         *     same operator detail as Get Operator, and the errors are taken from Update Operator (G24).
         */
        post: operations["createOperator"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operators/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Operator ID.
                 * @example 42
                 */
                id: components["parameters"]["OperatorId"];
            };
            cookie?: never;
        };
        /**
         * Get an operator
         * @description Returns one operator with the virtual numbers it is assigned to.
         *
         *     Scope: an account-wide key can fetch any operator; a project-scoped key gets 404 for
         *     operators not linked to its project.
         */
        get: operations["getOperator"];
        put?: never;
        post?: never;
        /**
         * Delete an operator
         * @description Irreversible hard delete. The operator leaves every virtual number's routing list and loses
         *     its project links; the virtual numbers themselves are unchanged and calls already in
         *     progress are unaffected.
         *
         *     Answers `200 {"success": true}` (not 204, and without a `data` wrapper), and needs the
         *     `write` permission, not `delete`, exactly as the page documents.
         *
         *     Decision: both differences from Delete Recording and Delete Project (204, `delete`
         *     permission) are kept as documented rather than harmonised (G12, G14).
         *
         *     Scope: a project-scoped key gets 404 for operators not linked to its project.
         */
        delete: operations["deleteOperator"];
        options?: never;
        head?: never;
        /**
         * Update an operator
         * @description Partial update: only the fields supplied are changed. Send `"email": null` to clear the
         *     email. A new `phone_number` is normalised to E.164.
         *
         *     Scope: an account-wide key can update any operator; a project-scoped key gets 404 for
         *     operators not linked to its project.
         */
        patch: operations["updateOperator"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The generic error envelope. */
        ErrorBody: {
            /**
             * @description What went wrong.
             * @example Resource not found
             */
            error: string;
        };
        /** @description The validation error envelope used when a model fails validation. */
        ValidationErrors: {
            /**
             * @description One message per failed validation.
             * @example [
             *       "Phone number is invalid"
             *     ]
             */
            errors: string[];
        };
        /**
         * @description A 422 body where the page does not say which envelope is used: either the generic
         *     `{"error": "…"}` or the list `{"errors": ["…"]}`.
         */
        AnyValidationError: components["schemas"]["ErrorBody"] | components["schemas"]["ValidationErrors"];
        /** @description A bare success flag, used by Delete Operator. */
        SuccessResponse: {
            /** @constant */
            success: true;
        };
        /** @description Paging metadata of List Recordings. Stop paging when `current_page >= total_pages`. */
        PaginationMeta: {
            /**
             * @description The page returned, starting at 1.
             * @example 1
             */
            current_page: number;
            /**
             * @description Items per page.
             * @example 20
             */
            per_page: number;
            /**
             * @description Number of pages at this page size.
             * @example 5
             */
            total_pages: number;
            /**
             * @description Number of items over all pages.
             * @example 95
             */
            total_count: number;
        };
        /**
         * @description Processing state of a recording: `pending` (uploaded, waiting), `processing`
         *     (transcription running), `completed` (results available) or `failed` (processing failed).
         * @enum {string}
         */
        RecordingStatus: "pending" | "processing" | "completed" | "failed";
        /** @description Fields every full recording representation carries (List, Get, Update Recording). */
        RecordingBase: {
            /**
             * @description Legacy numeric recording ID, still accepted in paths.
             * @example 123
             */
            id: number;
            /**
             * Format: uuid
             * @description UUIDv7 identifier of the current API (preferred in paths). Optional: only the current
             *     overview and home page mention it (see DECISIONS.md, G1).
             * @example 018f3a4e-9c2b-7d1a-8e6f-5b4c3d2a1f09
             */
            public_id?: string;
            /**
             * @description Display name (set with `name` on upload and `display_name` on update).
             * @example Sales Call - John Smith
             */
            name: string;
            status: components["schemas"]["RecordingStatus"];
            /**
             * @description Length of the call in milliseconds.
             * @example 185000
             */
            duration_ms: number;
            /**
             * Format: date-time
             * @description When the recording was uploaded (ISO 8601, UTC).
             * @example 2025-01-15T10:30:00Z
             */
            created_at: string;
        };
        /** @description A recording as listed by List Recordings. */
        Recording: components["schemas"]["RecordingBase"] & {
            /** @description Speaker labels identified in the call. */
            speakers: string[];
            /** @description Percentage of the project's goals met (0–100). */
            goal_achievement: number;
        };
        /** @description A recording with its processing details (Get and Update Recording). */
        RecordingDetail: components["schemas"]["RecordingBase"] & {
            /** @description Language code of the audio, e.g. `en`. */
            language: string;
            /**
             * Format: date-time
             * @description When the recording last changed (ISO 8601, UTC).
             */
            updated_at: string;
            /** @description Number of dialogue lines in the transcription. */
            dialogues_count: number;
            /** @description Whether the goals were evaluated. */
            goals_evaluated: boolean;
            /** @description Number of keyword detections. */
            keywords_detected: number;
            /** @description Number of pauses detected. */
            pauses_detected: number;
            /** @description Whether the audio file is still attached. */
            audio_attached: boolean;
        };
        /**
         * @description The body of Upload Recording (201, and 200 on an idempotent replay). The legacy page
         *     shows `id`, `status` and `created_at`; the current home page shows `public_id` and
         *     `status` and elides the rest. Only `status` and at least one identifier are required
         *     (see DECISIONS.md, G1 and G16).
         */
        RecordingCreated: (components["schemas"]["RecordingCreatedFields"] & unknown) | (components["schemas"]["RecordingCreatedFields"] & unknown);
        /** @description The fields Upload Recording may return; see RecordingCreated for which are required. */
        RecordingCreatedFields: {
            /**
             * Format: uuid
             * @description UUIDv7 identifier; use it in later calls when present.
             * @example 018f3a4e-9c2b-7d1a-8e6f-5b4c3d2a1f09
             */
            public_id?: string;
            /**
             * @description Legacy numeric recording ID.
             * @example 125
             */
            id?: number;
            status: components["schemas"]["RecordingStatus"];
            /**
             * Format: date-time
             * @description When the recording was uploaded (ISO 8601, UTC).
             * @example 2025-01-15T14:22:00Z
             */
            created_at?: string;
        };
        /** @description The multipart form of Upload Recording. */
        RecordingUpload: {
            /**
             * @description The audio file: MP3 (.mp3), M4A (.m4a), OGG (.ogg) or WebM (.webm) up to 100 MB; WAV
             *     (.wav) or FLAC (.flac) up to 500 MB.
             */
            file: string;
            /**
             * @description Language code of the audio. The page lists `en`, `es`, `fr`, `de`, `it`, `pt`, `nl`,
             *     `pl`, `ru`, `ja`, `ko` and `zh`; transcription supports 100+ languages, so no enum is
             *     imposed (see DECISIONS.md, G19).
             * @default en
             * @example en
             */
            language?: string;
            /**
             * @description Display name of the recording.
             * @example Sales Call - John Smith
             */
            name?: string;
            /**
             * @description Project to file the recording under. Required for account-wide keys; optional for
             *     project-scoped keys (defaults to the key's project, and another project is refused
             *     with 403).
             * @example 42
             */
            project_id?: number;
            /**
             * @description Your own identifier for the call (for example a CRM call id). Together with the
             *     project it is an idempotency key: re-posting the same pair returns the existing
             *     recording with 200 instead of uploading again.
             * @example crm-call-abc-123
             */
            external_id?: string;
        };
        /** @description Body of Update Recording. Every field is optional; only the fields sent change. */
        RecordingUpdate: {
            /**
             * @description New display name; it is returned as `name`.
             * @example Q1 Sales Call - Updated
             */
            display_name?: string;
            /**
             * @description Project to move the recording to. Inferred: the current overview says a recording can
             *     be moved but does not name the field (see DECISIONS.md, G15).
             * @example 43
             */
            project_id?: number;
        };
        RecordingListResponse: {
            data: components["schemas"]["Recording"][];
            meta: components["schemas"]["PaginationMeta"];
        };
        RecordingResponse: {
            data: components["schemas"]["RecordingDetail"];
        };
        RecordingCreatedResponse: {
            data: components["schemas"]["RecordingCreated"];
        };
        /**
         * @description Emotion scores of one dialogue line (example values range from 0.0 to 0.7). Typed from
         *     the example: no field table was stored.
         */
        EmotionScores: {
            happy: number;
            neutral: number;
            calm: number;
            sad: number;
            angry: number;
            fearful: number;
            surprised: number;
            disgust: number;
        };
        /** @description One speaker-attributed line of a transcription. Typed from the example. */
        TranscriptDialogue: {
            /**
             * @description Dialogue line ID (pauses refer to it as `after_dialogue_id`).
             * @example 456
             */
            id: number;
            /**
             * @description Order of the line in the call, starting at 1.
             * @example 1
             */
            position: number;
            /**
             * @description Speaker label.
             * @example Speaker 1
             */
            speaker: string;
            /**
             * @description ID of the recognised voice profile, or null.
             * @example 89
             */
            voice_profile_id: number | null;
            /**
             * @description Name of the recognised voice profile, or null.
             * @example John Smith
             */
            voice_profile_name: string | null;
            /** @description What was said. */
            text: string;
            /**
             * @description Start of the line, in milliseconds from the start of the call.
             * @example 0
             */
            start_ms: number;
            /**
             * @description End of the line, in milliseconds from the start of the call.
             * @example 4500
             */
            end_ms: number;
            emotion: components["schemas"]["EmotionScores"];
        };
        /** @description The transcription of a recording. Typed from the example. */
        RecordingTranscription: {
            /**
             * @description Numeric ID of the recording (see DECISIONS.md, G2).
             * @example 123
             */
            recording_id: number;
            /**
             * @description Language code of the transcription.
             * @example en
             */
            language: string;
            /** @description The whole transcript as one text. */
            full_text: string;
            /** @description The transcript split into speaker-attributed lines, in order. */
            dialogues: components["schemas"]["TranscriptDialogue"][];
        };
        RecordingTranscriptionResponse: {
            data: components["schemas"]["RecordingTranscription"];
        };
        /** @description The evaluation of one project goal. */
        GoalEvaluation: {
            /**
             * @description ID of the goal configuration.
             * @example 1
             */
            goal_id: number;
            /**
             * @description Name of the goal.
             * @example Greeting and Introduction
             */
            goal_name: string;
            /** @description Whether the goal was met. */
            met: boolean;
            /**
             * @description Confidence from 0 to 1.
             * @example 0.95
             */
            score: number;
            /** @description The AI's reasoning. */
            explanation: string;
        };
        /** @description Detections of one keyword (legacy Results page only; typed from the example). */
        KeywordDetection: {
            /**
             * @description ID of the keyword configuration.
             * @example 1
             */
            keyword_id: number;
            /**
             * @description The keyword.
             * @example thank you
             */
            keyword_name: string;
            /**
             * @description Sentiment the keyword is configured with.
             * @enum {string}
             */
            sentiment: "positive" | "neutral" | "negative";
            /**
             * @description How many times the keyword was said.
             * @example 3
             */
            count: number;
            /** @description When the keyword was said, in milliseconds from the start of the call. */
            timestamps_ms: number[];
        };
        /** @description A silence detected in the call. */
        PauseEvent: {
            /**
             * @description Start of the pause, in milliseconds from the start of the call.
             * @example 15000
             */
            start_ms: number;
            /**
             * @description End of the pause, in milliseconds from the start of the call.
             * @example 18500
             */
            end_ms: number;
            /**
             * @description Length of the pause in milliseconds.
             * @example 3500
             */
            duration_ms: number;
            /** @description Whether the pause meets the compliance rules. */
            compliant: boolean;
            /**
             * @description ID of the dialogue line just before the pause.
             * @example 458
             */
            after_dialogue_id: number;
        };
        /**
         * @description The analysis results of a recording. `keywords` appears only on the legacy version of
         *     the page and is optional (see DECISIONS.md, G6).
         */
        RecordingResults: {
            /**
             * @description Numeric ID of the recording (see DECISIONS.md, G2).
             * @example 123
             */
            recording_id: number;
            /** @description One evaluation per project goal. */
            goals: components["schemas"]["GoalEvaluation"][];
            /** @description Keyword detections (legacy page only). */
            keywords?: components["schemas"]["KeywordDetection"][];
            /** @description Pauses detected in the call. */
            pauses: components["schemas"]["PauseEvent"][];
        };
        RecordingResultsResponse: {
            data: components["schemas"]["RecordingResults"];
        };
        /** @description The AI-written summary of a call. */
        RecordingSummary: {
            /**
             * @description Numeric ID of the recording (see DECISIONS.md, G2).
             * @example 123
             */
            recording_id: number;
            /** @description The summary text. */
            summary: string;
            /**
             * @description Total length of the call in milliseconds.
             * @example 185000
             */
            duration_ms: number;
            /** @description The identified speakers. */
            speakers: string[];
            /**
             * @description Percentage of goals met (0–100).
             * @example 87.5
             */
            goal_achievement: number;
        };
        RecordingSummaryResponse: {
            data: components["schemas"]["RecordingSummary"];
        };
        /** @description Fields every project representation carries (the short form of List Projects). */
        ProjectBase: {
            /**
             * @description Unique project ID.
             * @example 42
             */
            id: number;
            /**
             * @description Display name.
             * @example Customer Support EN
             */
            name: string;
            /**
             * @description Default transcription language (ISO code), or null.
             * @example en
             */
            language: string | null;
            /**
             * @description Industry tag (e.g. insurance, ecommerce, healthcare), or null.
             * @example ecommerce
             */
            industry: string | null;
            /**
             * Format: date-time
             * @description When the project was created (ISO 8601, UTC).
             * @example 2026-04-15T10:00:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description When the project last changed (ISO 8601, UTC).
             * @example 2026-04-15T10:00:00Z
             */
            updated_at: string;
        };
        /**
         * @description Counts returned by Create and Get Project. Typed from the examples: their table rows were
         *     not stored.
         */
        ProjectCounts: {
            /**
             * @description Number of recordings in the project.
             * @example 1284
             */
            recordings_count: number;
            /**
             * @description Number of virtual numbers attached to the project.
             * @example 3
             */
            virtual_numbers_count: number;
        };
        /** @description A project as listed by List Projects (the short form). */
        Project: components["schemas"]["ProjectBase"];
        /**
         * @description A project as returned by Create Project: the short form plus the counts, as the Projects
         *     overview example shows (see DECISIONS.md, G12).
         */
        ProjectCreated: components["schemas"]["ProjectBase"] & components["schemas"]["ProjectCounts"];
        /** @description A project with all its settings and counts (Get and Update Project). */
        ProjectDetail: components["schemas"]["ProjectBase"] & components["schemas"]["ProjectCounts"] & {
            /** @description Internal free-text description, or null. */
            description: string | null;
            /** @description Language of goal-evaluation prompts, or null (falls back to `language`). */
            goal_language: string | null;
            /** @description Language of summaries, or null (falls back to `language`). */
            summary_language: string | null;
            /** @description Minimum silence, in seconds, counted as a long pause; or null. */
            long_pause_threshold_seconds: number | null;
            /** @description Vocabulary or proper nouns that bias transcription, or null. */
            transcription_hints: string | null;
            /** @description Days before recordings are deleted automatically; null when retention is disabled. */
            retention_days: number | null;
            /** @description Whether a quality baseline is computed. */
            quality_baseline_enabled: boolean;
            /** @description Target percentile of the quality baseline (0–100), or null. */
            quality_baseline_pct: number | null;
        };
        /** @description Body of Create Project. */
        ProjectCreate: {
            /**
             * @description Display name.
             * @example Customer Support EN
             */
            name: string;
            /**
             * @description Default transcription language (ISO code, e.g. en, lt, de).
             * @example en
             */
            language: string;
            /** @description Internal free-text description. */
            description?: string;
            /**
             * @description Industry tag, e.g. insurance, ecommerce, healthcare.
             * @example ecommerce
             */
            industry?: string;
            /** @description Language of goal-evaluation prompts; falls back to `language` when omitted. */
            goal_language?: string;
            /** @description Language of summaries; falls back to `language` when omitted. */
            summary_language?: string;
            /**
             * @description Minimum silence, in seconds, counted as a long pause.
             * @example 5
             */
            long_pause_threshold_seconds?: number;
            /** @description Vocabulary or proper nouns that bias transcription. */
            transcription_hints?: string;
            /**
             * @description Days before recordings are deleted automatically; null disables retention.
             * @example 365
             */
            retention_days?: number | null;
            /** @description Whether to compute a quality baseline. */
            quality_baseline_enabled?: boolean;
            /**
             * @description Target percentile of the quality baseline, 0–100.
             * @example 75
             */
            quality_baseline_pct?: number;
        };
        /**
         * @description Body of Update Project. Every field is optional; omitted fields are left unchanged. Only
         *     `retention_days` is documented to accept null (see DECISIONS.md, G26).
         */
        ProjectUpdate: {
            /** @description New display name. */
            name?: string;
            /** @description Default transcription language (ISO code). */
            language?: string;
            /**
             * @description Internal free-text description.
             * @example Inbound English-language support line.
             */
            description?: string;
            /** @description Industry tag. */
            industry?: string;
            /** @description Language of goal-evaluation prompts. */
            goal_language?: string;
            /** @description Language of summaries. */
            summary_language?: string;
            /** @description Minimum silence, in seconds, counted as a long pause. */
            long_pause_threshold_seconds?: number;
            /** @description Vocabulary or proper nouns that bias transcription. */
            transcription_hints?: string;
            /**
             * @description Days before recordings are deleted automatically; null disables retention.
             * @example 730
             */
            retention_days?: number | null;
            /** @description Whether to compute a quality baseline. */
            quality_baseline_enabled?: boolean;
            /**
             * @description Target percentile of the quality baseline, 0–100.
             * @example 80
             */
            quality_baseline_pct?: number;
        };
        ProjectListResponse: {
            data: components["schemas"]["Project"][];
        };
        ProjectCreatedResponse: {
            data: components["schemas"]["ProjectCreated"];
        };
        ProjectResponse: {
            data: components["schemas"]["ProjectDetail"];
        };
        /**
         * @description How inbound calls are routed to the attached operators.
         * @enum {string}
         */
        RoutingStrategy: "priority" | "round_robin" | "simultaneous";
        /**
         * @description Kind of phone number.
         * @enum {string}
         */
        NumberType: "mobile" | "local" | "toll-free" | "national";
        /** @description Fields every virtual number representation carries. */
        VirtualNumberBase: {
            /**
             * @description Unique virtual number ID.
             * @example 7
             */
            id: number;
            /**
             * @description The number in E.164.
             * @example +15551234567
             */
            phone_number: string;
            /**
             * @description Display name, or null.
             * @example US Sales Line
             */
            name: string | null;
            /**
             * @description ISO 3166-1 alpha-2 country code.
             * @example US
             */
            country_code: string;
            /** @description Whether the number takes calls. */
            active: boolean;
            /** @description Whether an AI voice agent answers inbound calls. */
            ai_receptionist_enabled: boolean;
        };
        /** @description An attached operator as previewed by List Virtual Numbers. */
        OperatorPreview: {
            /**
             * @description Operator ID.
             * @example 12
             */
            id: number;
            /**
             * @description Full display name.
             * @example Alice Carter
             */
            name: string;
            /**
             * @description Two-letter initials derived from `name` by the rule in DECISIONS.md (B22).
             * @example AC
             */
            initials: string;
        };
        /** @description An operator as listed in a virtual number's detail. */
        OperatorContact: {
            /**
             * @description Operator ID.
             * @example 22
             */
            id: number;
            /**
             * @description Full display name.
             * @example Eva Frank
             */
            name: string;
            /**
             * @description The operator's phone number in E.164.
             * @example +15555550122
             */
            phone_number: string;
            /**
             * @description Two-letter initials derived from `name` by the rule in DECISIONS.md (B22).
             * @example EF
             */
            initials: string;
        };
        /** @description An operator attached to a virtual number, with its routing priority. */
        AttachedOperator: components["schemas"]["OperatorContact"] & {
            /** @description Position in the routing order, starting at 0. */
            priority: number;
        };
        /** @description Call statistics of a virtual number. Typed from the example. */
        VirtualNumberStats: {
            /** @example 142 */
            total_calls: number;
            /** @example 118 */
            answered_calls: number;
            /** @example 24 */
            missed_calls: number;
            /** @example 184 */
            average_duration_seconds: number;
        };
        /** @description One of the 10 most recent calls of a virtual number. Typed from the example. */
        RecentCall: {
            /**
             * @description Call ID.
             * @example 9981
             */
            id: number;
            /**
             * @description The other party's number.
             * @example +15558884444
             */
            phone_number: string;
            /**
             * @description Name of the caller.
             * @example John Smith
             */
            caller_name: string;
            /**
             * @description Outcome of the call; only `answered` is documented, so no enum is imposed.
             * @example answered
             */
            call_status: string;
            /**
             * @description Length of the call; the unit is not stated (presumably seconds).
             * @example 213
             */
            call_duration: number;
            /**
             * @description Call direction; only `inbound` is documented, so no enum is imposed.
             * @example inbound
             */
            direction: string;
            /** @description Whether the AI receptionist handled the call. */
            ai_handled: boolean;
            /** @description Summary of the call transcript, or null. Only null is documented. */
            transcript_summary: string | null;
            /**
             * Format: date-time
             * @description When the call started (ISO 8601, UTC).
             * @example 2026-04-14T16:22:05Z
             */
            created_at: string;
        };
        /** @description A virtual number as listed by List Virtual Numbers and returned by Purchase. */
        VirtualNumber: components["schemas"]["VirtualNumberBase"] & {
            /** @description The first three attached operators at most. */
            operators: components["schemas"]["OperatorPreview"][];
            /** @description Total number of attached operators. */
            operators_count: number;
        };
        /**
         * @description A virtual number with its settings, operators, stats and recent calls (Get, Update,
         *     Attach and Detach). The field table was cut; later fields are typed from the examples.
         */
        VirtualNumberDetail: components["schemas"]["VirtualNumberBase"] & {
            /** @description Whether inbound calls are recorded (true by default on purchase). */
            recording: boolean;
            routing_strategy: components["schemas"]["RoutingStrategy"];
            /** @description Call statistics; they change as calls arrive (`x-volatile`). */
            stats: components["schemas"]["VirtualNumberStats"];
            /** @description The attached operators, in priority order. */
            operators: components["schemas"]["AttachedOperator"][];
            /**
             * @description The account's operators not attached to this number. It changes whenever an
             *     operator of the account is created, renamed or deleted, so two reads can differ
             *     with no write to this number (`x-volatile`, DECISIONS.md B28).
             */
            available_operators: components["schemas"]["OperatorContact"][];
            /** @description The 10 most recent calls; it changes as calls arrive (`x-volatile`). */
            recent_calls: components["schemas"]["RecentCall"][];
        };
        /** @description Body of Update Virtual Number. Every field is optional; omitted fields keep their values. */
        VirtualNumberUpdate: {
            /**
             * @description Display name.
             * @example US Sales Line - Primary
             */
            name?: string;
            /** @description Whether the number takes calls. */
            active?: boolean;
            /** @description Whether inbound calls are recorded. */
            recording?: boolean;
            routing_strategy?: components["schemas"]["RoutingStrategy"];
        };
        /** @description Body of Purchase Virtual Number. */
        VirtualNumberPurchase: {
            /**
             * @description The E.164 number to buy, usually copied from the available-number search. Must not be blank.
             * @example +15551234567
             */
            phone_number: string;
            /**
             * @description ISO 3166-1 alpha-2 country code.
             * @example US
             */
            country_code?: string;
            number_type?: components["schemas"]["NumberType"];
            /**
             * @description Display name of the new number.
             * @example US Sales Line
             */
            name?: string;
            /**
             * @description ID of an approved regulatory requirement group, for countries that require
             *     regulatory documents.
             */
            requirement_group_id?: number;
            /**
             * @description One-time cost, as a decimal string; informational, recorded against the number.
             * @example 1.00
             */
            upfront_cost?: string;
            /**
             * @description Recurring monthly cost, as a decimal string; informational, recorded against the number.
             * @example 1.00
             */
            monthly_cost?: string;
        };
        /** @description Provider region metadata of an available number. Shape taken from the example. */
        RegionInformation: {
            /** @example state */
            region_type?: string;
            /** @example CA */
            region_name?: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description A number the provider offers for rent, passed through from the provider. The fields are
         *     typical but provider-dependent: only `phone_number` is required and any extra provider
         *     field is allowed (see DECISIONS.md, G18).
         */
        AvailableVirtualNumber: {
            /**
             * @description The candidate number in E.164; send it to Purchase.
             * @example +15551234567
             */
            phone_number: string;
            /**
             * @description ISO 3166-1 alpha-2 country code.
             * @example US
             */
            country_code?: string;
            number_type?: components["schemas"]["NumberType"];
            /**
             * @description One-time cost, as a decimal string.
             * @example 1.00
             */
            upfront_cost?: string;
            /**
             * @description Recurring monthly cost, as a decimal string.
             * @example 1.00
             */
            monthly_cost?: string;
            /** @description Capabilities of the number, e.g. `sms`, `voice`, `mms`. */
            features?: string[];
            /** @description Provider region metadata. */
            region_information?: components["schemas"]["RegionInformation"][];
        } & {
            [key: string]: unknown;
        };
        /** @description Attach an existing operator, which must be visible to the key. */
        AddExistingOperator: {
            /**
             * @description ID of the operator to attach. Wins when `phone_number` is also sent.
             * @example 22
             */
            operator_id: number;
        };
        /** @description Create an operator and attach it. */
        AddNewOperator: {
            /**
             * @description Phone number of the new operator, in E.164. Whether local formats are normalised (as
             *     in Create Operator) is not stated.
             * @example +15555550199
             */
            phone_number: string;
            /**
             * @description Full display name of the new operator.
             * @default Operator
             * @example Greta Hall
             */
            name?: string;
        };
        /**
         * @description Body of Attach Operator: send `operator_id` (an existing operator) or `phone_number`
         *     (and optionally `name`) to create one. Send exactly one shape; if both are sent,
         *     `operator_id` wins, so `anyOf` rather than `oneOf` (see DECISIONS.md, G17).
         */
        AddOperatorRequest: components["schemas"]["AddExistingOperator"] | components["schemas"]["AddNewOperator"];
        VirtualNumberListResponse: {
            data: components["schemas"]["VirtualNumber"][];
        };
        VirtualNumberPurchasedResponse: {
            data: components["schemas"]["VirtualNumber"];
        };
        VirtualNumberResponse: {
            data: components["schemas"]["VirtualNumberDetail"];
        };
        AvailableVirtualNumberListResponse: {
            data: components["schemas"]["AvailableVirtualNumber"][];
        };
        /** @description Fields every operator representation carries. */
        OperatorBase: {
            /**
             * @description Unique operator ID.
             * @example 42
             */
            id: number;
            /**
             * @description Full display name.
             * @example Jane Doe
             */
            name: string;
            /**
             * @description Phone number, normalised to E.164.
             * @example +15551234567
             */
            phone_number: string;
            /**
             * Format: email
             * @description Contact email, or null when none is set.
             * @example jane.doe@example.com
             */
            email: string | null;
            /** @description Whether routed calls can reach the operator. */
            active: boolean;
            /**
             * @description Two-letter initials derived from `name` by the rule in DECISIONS.md (B22).
             * @example JD
             */
            initials: string;
        };
        /** @description An operator as listed by List Operators. */
        Operator: components["schemas"]["OperatorBase"] & {
            /** @description Number of virtual numbers the operator is assigned to. */
            virtual_numbers_count: number;
        };
        /** @description An operator with its virtual number assignments (Get, Update, Create Operator). */
        OperatorDetail: components["schemas"]["OperatorBase"] & {
            /** @description The virtual numbers the operator is assigned to. */
            virtual_numbers: components["schemas"]["OperatorVirtualNumber"][];
        };
        /** @description A virtual number assignment as seen from an operator. */
        OperatorVirtualNumber: {
            /** @description Virtual number ID. */
            id: number;
            /** @description The virtual number in E.164. */
            phone_number: string;
            /**
             * @description Display name of the virtual number, or null when it has none (a virtual number's `name`
             *     is nullable, see DECISIONS.md B19).
             */
            name: string | null;
            /** @description Whether the number takes calls. */
            active: boolean;
        };
        /** @description Body of Create Operator. */
        OperatorCreate: {
            /** @description Full display name; must not be blank. `initials` is derived from it. */
            name: string;
            /** @description E.164 or local format; normalised to E.164 on save. */
            phone_number: string;
            /**
             * Format: email
             * @description Optional contact email.
             */
            email?: string;
            /**
             * @description Whether routed calls can reach the operator.
             * @default true
             */
            active?: boolean;
        };
        /** @description Body of Update Operator. Every field is optional; only the fields sent change. */
        OperatorUpdate: {
            /** @description New full display name; must not be blank. */
            name?: string;
            /** @description New phone number; normalised to E.164. */
            phone_number?: string;
            /**
             * Format: email
             * @description Replaces the contact email. Send `null` to clear it.
             */
            email?: string | null;
            /** @description Activate or deactivate the operator. */
            active?: boolean;
        };
        OperatorListResponse: {
            data: components["schemas"]["Operator"][];
        };
        OperatorResponse: {
            data: components["schemas"]["OperatorDetail"];
        };
    };
    responses: {
        /**
         * @description The API key is missing, malformed, unknown, revoked or expired. The documentation gives
         *     three wordings for the same condition (see DECISIONS.md, G10); the Operators pages' wording
         *     comes first. Clients must rely on the status, not the message.
         */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The API key lacks the read permission. */
        ReadPermissionRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The API key lacks the write permission. */
        WritePermissionRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The API key lacks the delete permission. */
        DeletePermissionRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description The API key lacks the write permission, or it is project-scoped and `project_id` names
         *     another project. The docs give no message for the second case.
         */
        RecordingUploadForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description The API key is project-scoped (only account-wide keys can create projects), or it lacks
         *     the write permission.
         */
        ProjectCreateForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description The API key is project-scoped (only account-wide keys can delete projects), or it lacks
         *     the delete permission.
         */
        ProjectDeleteForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description The resource does not exist, belongs to another account, was deleted, or (for a
         *     project-scoped key) is outside the key's project.
         */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description No file was uploaded. The Upload Recording page gives 400; the Errors page lists the same
         *     message under 422 (see DECISIONS.md, G9).
         */
        FileRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description The upload was refused: the audio format is not supported, or the file is over the size
         *     limit of its format (100 MB; 500 MB for WAV and FLAC). The Errors page also lists
         *     "file is required" here (see DECISIONS.md, G9).
         */
        RecordingFileInvalid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The recording has not finished processing (its `status` is not `completed`). */
        TranscriptionNotAvailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description The purchase was refused. The page's second 422 row (its message starts "Requ…") was not
         *     stored.
         */
        PurchaseInvalid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description The input failed validation. The page does not say which error envelope is used, so the
         *     body is either `{"error": "…"}` or `{"errors": ["…"]}` (see DECISIONS.md, G8). The
         *     examples are the generic ones of the Errors page.
         */
        ValidationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AnyValidationError"];
            };
        };
        /**
         * @description The plan's rate limit was exceeded (Free 60, Pro 300 requests per minute). No body is
         *     documented; the generic error envelope is assumed.
         */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description A query parameter is missing, given more than once, or has a value its schema rejects (for
         *     example `per_page=500`, an unknown `status`, or no `operator_id` on Detach Operator). Where
         *     an operation also reads its parameters from a JSON body (Detach Operator's `operator_id`),
         *     a body that is not valid JSON is refused with this status too. The Errors page lists 400
         *     for invalid request parameters; the wording is illustrative (see DECISIONS.md, B20, B27).
         */
        InvalidParameters: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description The JSON request body is larger than 1 MiB (the `x-max-bytes` of the operation's
         *     `application/json` request body, or of the JSON body Detach Operator also reads
         *     `operator_id` from). Not documented by the API pages; the toolkit documents the limit so
         *     that clients and servers agree, and answers with this example's message (see
         *     DECISIONS.md, B21, B27).
         */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description The request has a body in a media type the operation does not take: no `Content-Type`,
         *     another type (a form, plain text), or JSON in a charset other than UTF-8. Operations with a
         *     JSON body take `application/json`; Upload Recording takes `multipart/form-data`. Not
         *     documented by the API pages (RFC 9110 §15.5.16); the wording is illustrative (see
         *     DECISIONS.md, B26).
         */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description The request body is not valid JSON. The Errors page lists 400 for invalid request
         *     parameters without a message; the wording here is illustrative (see DECISIONS.md, B18).
         *     `x-message-template` is the toolkit's wording: `{detail}` is the JSON parser's message.
         */
        MalformedJson: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description An unexpected server error (listed on the Errors page without a message). Clients should
         *     treat it as transient.
         */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The operator could not be saved; `errors` lists every failed validation. */
        OperatorInvalid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ValidationErrors"];
            };
        };
    };
    parameters: {
        /**
         * @description The recording's UUID `public_id` (preferred: stable) or its legacy numeric id (kept for
         *     backward compatibility). Described as a string because a path segment is text and one
         *     string type lets clients pass either form without a union type; the pattern accepts a
         *     UUID or a positive decimal integer.
         */
        RecordingId: string;
        /**
         * @description Project ID.
         * @example 42
         */
        ProjectId: number;
        /**
         * @description Virtual number ID.
         * @example 7
         */
        VirtualNumberId: number;
        /**
         * @description Operator ID.
         * @example 42
         */
        OperatorId: number;
        /**
         * @description Page number, starting at 1.
         * @example 1
         */
        Page: number;
        /**
         * @description Items per page, from 1 to 100.
         * @example 20
         */
        PerPage: number;
    };
    requestBodies: never;
    headers: {
        /**
         * @description How long to wait before retrying. The docs do not state the unit; clients must accept
         *     both forms HTTP allows: a number of seconds or an HTTP date.
         * @example 60
         */
        "Retry-After": string;
    };
    pathItems: never;
}
export type ErrorBody = components['schemas']['ErrorBody'];
export type ValidationErrors = components['schemas']['ValidationErrors'];
export type AnyValidationError = components['schemas']['AnyValidationError'];
export type SuccessResponse = components['schemas']['SuccessResponse'];
export type PaginationMeta = components['schemas']['PaginationMeta'];
export type RecordingStatus = components['schemas']['RecordingStatus'];
export type RecordingBase = components['schemas']['RecordingBase'];
export type Recording = components['schemas']['Recording'];
export type RecordingDetail = components['schemas']['RecordingDetail'];
export type RecordingCreated = components['schemas']['RecordingCreated'];
export type RecordingCreatedFields = components['schemas']['RecordingCreatedFields'];
export type RecordingUpload = components['schemas']['RecordingUpload'];
export type RecordingUpdate = components['schemas']['RecordingUpdate'];
export type RecordingListResponse = components['schemas']['RecordingListResponse'];
export type RecordingResponse = components['schemas']['RecordingResponse'];
export type RecordingCreatedResponse = components['schemas']['RecordingCreatedResponse'];
export type EmotionScores = components['schemas']['EmotionScores'];
export type TranscriptDialogue = components['schemas']['TranscriptDialogue'];
export type RecordingTranscription = components['schemas']['RecordingTranscription'];
export type RecordingTranscriptionResponse = components['schemas']['RecordingTranscriptionResponse'];
export type GoalEvaluation = components['schemas']['GoalEvaluation'];
export type KeywordDetection = components['schemas']['KeywordDetection'];
export type PauseEvent = components['schemas']['PauseEvent'];
export type RecordingResults = components['schemas']['RecordingResults'];
export type RecordingResultsResponse = components['schemas']['RecordingResultsResponse'];
export type RecordingSummary = components['schemas']['RecordingSummary'];
export type RecordingSummaryResponse = components['schemas']['RecordingSummaryResponse'];
export type ProjectBase = components['schemas']['ProjectBase'];
export type ProjectCounts = components['schemas']['ProjectCounts'];
export type Project = components['schemas']['Project'];
export type ProjectCreated = components['schemas']['ProjectCreated'];
export type ProjectDetail = components['schemas']['ProjectDetail'];
export type ProjectCreate = components['schemas']['ProjectCreate'];
export type ProjectUpdate = components['schemas']['ProjectUpdate'];
export type ProjectListResponse = components['schemas']['ProjectListResponse'];
export type ProjectCreatedResponse = components['schemas']['ProjectCreatedResponse'];
export type ProjectResponse = components['schemas']['ProjectResponse'];
export type RoutingStrategy = components['schemas']['RoutingStrategy'];
export type NumberType = components['schemas']['NumberType'];
export type VirtualNumberBase = components['schemas']['VirtualNumberBase'];
export type OperatorPreview = components['schemas']['OperatorPreview'];
export type OperatorContact = components['schemas']['OperatorContact'];
export type AttachedOperator = components['schemas']['AttachedOperator'];
export type VirtualNumberStats = components['schemas']['VirtualNumberStats'];
export type RecentCall = components['schemas']['RecentCall'];
export type VirtualNumber = components['schemas']['VirtualNumber'];
export type VirtualNumberDetail = components['schemas']['VirtualNumberDetail'];
export type VirtualNumberUpdate = components['schemas']['VirtualNumberUpdate'];
export type VirtualNumberPurchase = components['schemas']['VirtualNumberPurchase'];
export type RegionInformation = components['schemas']['RegionInformation'];
export type AvailableVirtualNumber = components['schemas']['AvailableVirtualNumber'];
export type AddExistingOperator = components['schemas']['AddExistingOperator'];
export type AddNewOperator = components['schemas']['AddNewOperator'];
export type AddOperatorRequest = components['schemas']['AddOperatorRequest'];
export type VirtualNumberListResponse = components['schemas']['VirtualNumberListResponse'];
export type VirtualNumberPurchasedResponse = components['schemas']['VirtualNumberPurchasedResponse'];
export type VirtualNumberResponse = components['schemas']['VirtualNumberResponse'];
export type AvailableVirtualNumberListResponse = components['schemas']['AvailableVirtualNumberListResponse'];
export type OperatorBase = components['schemas']['OperatorBase'];
export type Operator = components['schemas']['Operator'];
export type OperatorDetail = components['schemas']['OperatorDetail'];
export type OperatorVirtualNumber = components['schemas']['OperatorVirtualNumber'];
export type OperatorCreate = components['schemas']['OperatorCreate'];
export type OperatorUpdate = components['schemas']['OperatorUpdate'];
export type OperatorListResponse = components['schemas']['OperatorListResponse'];
export type OperatorResponse = components['schemas']['OperatorResponse'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponseReadPermissionRequired = components['responses']['ReadPermissionRequired'];
export type ResponseWritePermissionRequired = components['responses']['WritePermissionRequired'];
export type ResponseDeletePermissionRequired = components['responses']['DeletePermissionRequired'];
export type ResponseRecordingUploadForbidden = components['responses']['RecordingUploadForbidden'];
export type ResponseProjectCreateForbidden = components['responses']['ProjectCreateForbidden'];
export type ResponseProjectDeleteForbidden = components['responses']['ProjectDeleteForbidden'];
export type ResponseNotFound = components['responses']['NotFound'];
export type ResponseFileRequired = components['responses']['FileRequired'];
export type ResponseRecordingFileInvalid = components['responses']['RecordingFileInvalid'];
export type ResponseTranscriptionNotAvailable = components['responses']['TranscriptionNotAvailable'];
export type ResponsePurchaseInvalid = components['responses']['PurchaseInvalid'];
export type ResponseValidationFailed = components['responses']['ValidationFailed'];
export type ResponseTooManyRequests = components['responses']['TooManyRequests'];
export type ResponseInvalidParameters = components['responses']['InvalidParameters'];
export type ResponsePayloadTooLarge = components['responses']['PayloadTooLarge'];
export type ResponseUnsupportedMediaType = components['responses']['UnsupportedMediaType'];
export type ResponseMalformedJson = components['responses']['MalformedJson'];
export type ResponseInternalServerError = components['responses']['InternalServerError'];
export type ResponseOperatorInvalid = components['responses']['OperatorInvalid'];
export type ParameterRecordingId = components['parameters']['RecordingId'];
export type ParameterProjectId = components['parameters']['ProjectId'];
export type ParameterVirtualNumberId = components['parameters']['VirtualNumberId'];
export type ParameterOperatorId = components['parameters']['OperatorId'];
export type ParameterPage = components['parameters']['Page'];
export type ParameterPerPage = components['parameters']['PerPage'];
export type HeaderRetryAfter = components['headers']['Retry-After'];
export type $defs = Record<string, never>;
export interface operations {
    listRecordings: {
        parameters: {
            query?: {
                /**
                 * @description Page number, starting at 1.
                 * @example 1
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Items per page, from 1 to 100.
                 * @example 20
                 */
                per_page?: components["parameters"]["PerPage"];
                /**
                 * @description Only list recordings in this processing state. Without it, recordings in every state
                 *     are listed.
                 * @example completed
                 */
                status?: components["schemas"]["RecordingStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of recordings and the paging metadata. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordingListResponse"];
                };
            };
            400: components["responses"]["InvalidParameters"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ReadPermissionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    uploadRecording: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["RecordingUpload"];
            };
        };
        responses: {
            /**
             * @description Idempotent replay: a recording with the same `project_id` and `external_id` exists and
             *     is returned; nothing is uploaded or queued again.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordingCreatedResponse"];
                };
            };
            /** @description The file was accepted and a new recording was queued for processing. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordingCreatedResponse"];
                };
            };
            400: components["responses"]["FileRequired"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["RecordingUploadForbidden"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["RecordingFileInvalid"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getRecording: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The recording's UUID `public_id` (preferred: stable) or its legacy numeric id (kept for
                 *     backward compatibility). Described as a string because a path segment is text and one
                 *     string type lets clients pass either form without a union type; the pattern accepts a
                 *     UUID or a positive decimal integer.
                 */
                id: components["parameters"]["RecordingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The recording. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordingResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ReadPermissionRequired"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteRecording: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The recording's UUID `public_id` (preferred: stable) or its legacy numeric id (kept for
                 *     backward compatibility). Described as a string because a path segment is text and one
                 *     string type lets clients pass either form without a union type; the pattern accepts a
                 *     UUID or a positive decimal integer.
                 */
                id: components["parameters"]["RecordingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The recording was deleted. No body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["DeletePermissionRequired"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateRecording: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The recording's UUID `public_id` (preferred: stable) or its legacy numeric id (kept for
                 *     backward compatibility). Described as a string because a path segment is text and one
                 *     string type lets clients pass either form without a union type; the pattern accepts a
                 *     UUID or a positive decimal integer.
                 */
                id: components["parameters"]["RecordingId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordingUpdate"];
            };
        };
        responses: {
            /** @description The updated recording. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordingResponse"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["WritePermissionRequired"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getRecordingTranscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The recording's UUID `public_id` (preferred: stable) or its legacy numeric id (kept for
                 *     backward compatibility). Described as a string because a path segment is text and one
                 *     string type lets clients pass either form without a union type; the pattern accepts a
                 *     UUID or a positive decimal integer.
                 */
                id: components["parameters"]["RecordingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transcription of the recording. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordingTranscriptionResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ReadPermissionRequired"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["TranscriptionNotAvailable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getRecordingResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The recording's UUID `public_id` (preferred: stable) or its legacy numeric id (kept for
                 *     backward compatibility). Described as a string because a path segment is text and one
                 *     string type lets clients pass either form without a union type; the pattern accepts a
                 *     UUID or a positive decimal integer.
                 */
                id: components["parameters"]["RecordingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The goal evaluations, pauses and (legacy) keyword detections of the recording. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordingResultsResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ReadPermissionRequired"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getRecordingSummary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The recording's UUID `public_id` (preferred: stable) or its legacy numeric id (kept for
                 *     backward compatibility). Described as a string because a path segment is text and one
                 *     string type lets clients pass either form without a union type; the pattern accepts a
                 *     UUID or a positive decimal integer.
                 */
                id: components["parameters"]["RecordingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The summary of the recording. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordingSummaryResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ReadPermissionRequired"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listProjects: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The projects visible to the key, sorted by name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectListResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ReadPermissionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectCreate"];
            };
        };
        responses: {
            /** @description The project was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectCreatedResponse"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ProjectCreateForbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project ID.
                 * @example 42
                 */
                id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ReadPermissionRequired"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project ID.
                 * @example 42
                 */
                id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project and everything in it were deleted. No body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ProjectDeleteForbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project ID.
                 * @example 42
                 */
                id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectUpdate"];
            };
        };
        responses: {
            /** @description The updated project. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectResponse"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["WritePermissionRequired"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listVirtualNumbers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The virtual numbers visible to the key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VirtualNumberListResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ReadPermissionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listAvailableVirtualNumbers: {
        parameters: {
            query?: {
                /**
                 * @description Country to search, as an ISO 3166-1 alpha-2 code (case-insensitive).
                 * @example US
                 */
                country?: string;
                /**
                 * @description Kind of number to search for.
                 * @example local
                 */
                number_type?: components["schemas"]["NumberType"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Numbers the provider offers for the country and type. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AvailableVirtualNumberListResponse"];
                };
            };
            400: components["responses"]["InvalidParameters"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ReadPermissionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    purchaseVirtualNumber: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VirtualNumberPurchase"];
            };
        };
        responses: {
            /** @description The number was bought and attached to the account. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VirtualNumberPurchasedResponse"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["WritePermissionRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["PurchaseInvalid"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getVirtualNumber: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Virtual number ID.
                 * @example 7
                 */
                id: components["parameters"]["VirtualNumberId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The virtual number with its operators, stats and recent calls. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VirtualNumberResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ReadPermissionRequired"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateVirtualNumber: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Virtual number ID.
                 * @example 7
                 */
                id: components["parameters"]["VirtualNumberId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VirtualNumberUpdate"];
            };
        };
        responses: {
            /** @description The updated virtual number. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VirtualNumberResponse"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["WritePermissionRequired"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    addVirtualNumberOperator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Virtual number ID.
                 * @example 7
                 */
                id: components["parameters"]["VirtualNumberId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddOperatorRequest"];
            };
        };
        responses: {
            /** @description The virtual number with the updated operator list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VirtualNumberResponse"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["WritePermissionRequired"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    removeVirtualNumberOperator: {
        parameters: {
            query: {
                /**
                 * @description ID of the operator to detach. The server also accepts it in a JSON body instead.
                 * @example 22
                 */
                operator_id: number;
            };
            header?: never;
            path: {
                /**
                 * @description Virtual number ID.
                 * @example 7
                 */
                id: components["parameters"]["VirtualNumberId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The virtual number with the updated operator list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VirtualNumberResponse"];
                };
            };
            400: components["responses"]["InvalidParameters"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["WritePermissionRequired"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listOperators: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The operators visible to the key, sorted by name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorListResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ReadPermissionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createOperator: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OperatorCreate"];
            };
        };
        responses: {
            /** @description The operator was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorResponse"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["WritePermissionRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["OperatorInvalid"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getOperator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Operator ID.
                 * @example 42
                 */
                id: components["parameters"]["OperatorId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The operator. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ReadPermissionRequired"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteOperator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Operator ID.
                 * @example 42
                 */
                id: components["parameters"]["OperatorId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The operator was deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["WritePermissionRequired"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateOperator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Operator ID.
                 * @example 42
                 */
                id: components["parameters"]["OperatorId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OperatorUpdate"];
            };
        };
        responses: {
            /** @description The updated operator. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorResponse"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["WritePermissionRequired"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["OperatorInvalid"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
