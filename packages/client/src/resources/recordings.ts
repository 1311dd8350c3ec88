/**
 * Recordings: uploaded call audio and everything derived from it — transcription, analysis
 * results and the summary. Paths take the UUID `public_id` or the legacy numeric id.
 * @see https://docs.identitycall.ai/api-reference/recordings
 */
import type { operations, RecordingUpdate, RecordingUpload } from '@identitycall/types';
import type { ResourceContext } from '../internal/context.js';

/** A recording's `public_id` (UUID) or legacy numeric id. */
export type RecordingRef = string | number;

/** Query of {@link RecordingsResource.list}: `page`, `per_page` (1–100) and `status`. */
export type RecordingListQuery = NonNullable<operations['listRecordings']['parameters']['query']>;

/** Audio accepted by {@link RecordingsResource.upload}. */
export type UploadFile = Blob | Uint8Array | ArrayBuffer;

/** Fields of an upload: the audio plus the documented form fields. */
export type UploadParams = Omit<RecordingUpload, 'file'> & {
  file: UploadFile;
  /** File name sent with the audio; its extension tells the API the format. */
  filename?: string;
};

function toBlob(file: UploadFile): Blob {
  return file instanceof Blob ? file : new Blob([file as BlobPart]);
}

/** Creates the `recordings` resource over a client context. */
export function recordingsResource({ raw, unwrap }: ResourceContext) {
  const path = (id: RecordingRef) => ({ params: { path: { id: String(id) } } });
  return {
    /** List recordings, one page at a time, with the page's `meta`. */
    async list(query: RecordingListQuery = {}) {
      return unwrap(await raw.GET('/recordings', { params: { query } }));
    },
    /** Upload a call recording (multipart). Same `project_id` + `external_id` returns the existing one. */
    async upload({ file, filename, ...fields }: UploadParams) {
      const form = new FormData();
      const name = filename ?? (typeof File !== 'undefined' && file instanceof File ? file.name : 'recording');
      form.append('file', toBlob(file), name);
      for (const [key, value] of Object.entries(fields)) {
        if (value !== undefined && value !== null) form.append(key, String(value));
      }
      return unwrap(
        await raw.POST('/recordings', {
          body: fields as RecordingUpload,
          bodySerializer: () => form,
        }),
      ).data;
    },
    /** Get a recording; poll until `status` is `completed`. */
    async get(id: RecordingRef) {
      return unwrap(await raw.GET('/recordings/{id}', path(id))).data;
    },
    /** Rename a recording (`display_name`, returned as `name`). */
    async update(id: RecordingRef, body: RecordingUpdate) {
      return unwrap(await raw.PATCH('/recordings/{id}', { ...path(id), body })).data;
    },
    /** Delete a recording (needs the delete permission). */
    async delete(id: RecordingRef): Promise<void> {
      unwrap(await raw.DELETE('/recordings/{id}', path(id)));
    },
    /** The transcription with speaker-attributed dialogue (once `completed`). */
    async transcription(id: RecordingRef) {
      return unwrap(await raw.GET('/recordings/{id}/transcription', path(id))).data;
    },
    /** Goal evaluations, pauses and keyword detections. */
    async results(id: RecordingRef) {
      return unwrap(await raw.GET('/recordings/{id}/results', path(id))).data;
    },
    /** The call summary. */
    async summary(id: RecordingRef) {
      return unwrap(await raw.GET('/recordings/{id}/summary', path(id))).data;
    },
  };
}

/** The `client.recordings` resource. */
export type RecordingsResource = ReturnType<typeof recordingsResource>;
