/**
 * Recordings: uploaded call audio and everything derived from it — transcription, analysis
 * results and the summary. Paths take the UUID `public_id` or the legacy numeric id.
 * @see https://docs.identitycall.ai/api-reference/recordings
 */
import type { operations, RecordingUpdate, RecordingUpload } from '@identitycall/types';
import type { ResourceContext } from '../internal/context.js';
import { paginate } from '../internal/pagination.js';
import { prepareUpload, type UploadFile } from '../internal/upload.js';
import type { RequestOptions } from '../options.js';

// Declared beside the upload code, which checks it; part of this resource's public surface.
export type { UploadFile };

/** A recording's `public_id` (UUID) or legacy numeric id. */
export type RecordingRef = string | number;

/** Query of {@link RecordingsResource.list}: `page`, `per_page` (1–100) and `status`. */
export type RecordingListQuery = NonNullable<operations['listRecordings']['parameters']['query']>;

/** Query of {@link RecordingsResource.iterate}: `per_page`, `status`, and `page` to start from (default 1). */
export type RecordingIterateQuery = RecordingListQuery;

/** Fields of an upload: the audio plus the documented form fields. */
export type UploadParams = Omit<RecordingUpload, 'file'> & {
  /** The audio. Its format (by extension, else by Blob type) and size are checked before sending. */
  file: UploadFile;
  /**
   * File name sent with the audio; its extension tells the API the format.
   * @default the path's or File's name (a `fs.ReadStream`'s path), else "recording.<format from the Blob type>"
   */
  filename?: string;
};

/** Creates the `recordings` resource over a client context. */
export function recordingsResource({ raw, unwrap, init }: ResourceContext) {
  const path = (id: RecordingRef) => ({ params: { path: { id: String(id) } } });
  const resource = {
    /** List recordings. Returns one page (`data`) with its paging `meta`; see `iterate` for every page. */
    async list(query: RecordingListQuery = {}, options?: RequestOptions) {
      return unwrap(await raw.GET('/recordings', { params: { query }, ...init(options) }));
    },
    /**
     * List recordings, every page, lazily: the next page is fetched when the previous one was
     * consumed, and the walk stops at `meta.current_page >= meta.total_pages` (or at an empty page).
     * @example for await (const r of client.recordings.iterate({ status: 'completed' })) console.log(r.name);
     */
    iterate(query: RecordingIterateQuery = {}, options?: RequestOptions) {
      return paginate((page) => resource.list({ ...query, page }, options), query.page ?? 1);
    },
    /**
     * Upload a recording (multipart). The format and size are checked first (MP3, M4A, OGG, WebM
     * ≤ 100 MB; WAV, FLAC ≤ 500 MB). With `external_id` the upload is idempotent (the same
     * `project_id` + `external_id` returns the existing recording), so only then is it retried.
     * @throws UploadValidationError before sending when the file is not acceptable.
     */
    async upload({ file, filename, ...fields }: UploadParams, options?: RequestOptions) {
      const prepared = await prepareUpload(file, filename);
      const form = new FormData();
      form.append('file', prepared.blob, prepared.name);
      for (const [key, value] of Object.entries(fields)) {
        if (value !== undefined && value !== null) form.append(key, String(value));
      }
      const idempotent = fields.external_id !== undefined && fields.external_id !== '';
      return unwrap(
        await raw.POST('/recordings', {
          body: fields as RecordingUpload,
          bodySerializer: () => form,
          ...init(options, { idempotent, body: form }),
        }),
      ).data;
    },
    /** Get a recording. Poll until `status` is `completed`. */
    async get(id: RecordingRef, options?: RequestOptions) {
      return unwrap(await raw.GET('/recordings/{id}', { ...path(id), ...init(options) })).data;
    },
    /** Update a recording: rename it (`display_name`, returned as `name`). */
    async update(id: RecordingRef, body: RecordingUpdate, options?: RequestOptions) {
      return unwrap(await raw.PATCH('/recordings/{id}', { ...path(id), body, ...init(options) })).data;
    },
    /** Delete a recording (needs the delete permission). Resolves to undefined. */
    async delete(id: RecordingRef, options?: RequestOptions): Promise<void> {
      unwrap(await raw.DELETE('/recordings/{id}', { ...path(id), ...init(options) }));
    },
    /** Get a recording's transcription: the speaker-attributed dialogue (once `completed`). */
    async transcription(id: RecordingRef, options?: RequestOptions) {
      return unwrap(await raw.GET('/recordings/{id}/transcription', { ...path(id), ...init(options) })).data;
    },
    /** Get a recording's analysis results: goal evaluations, pauses and keyword detections. */
    async results(id: RecordingRef, options?: RequestOptions) {
      return unwrap(await raw.GET('/recordings/{id}/results', { ...path(id), ...init(options) })).data;
    },
    /** Get a recording's summary. */
    async summary(id: RecordingRef, options?: RequestOptions) {
      return unwrap(await raw.GET('/recordings/{id}/summary', { ...path(id), ...init(options) })).data;
    },
  };
  return resource;
}

/** The `client.recordings` resource. */
export type RecordingsResource = ReturnType<typeof recordingsResource>;
