/**
 * Recordings: paginated list, multipart upload (format and size checks, idempotent replay on
 * (`project_id`, `external_id`)), get (which drives the deterministic processing), update and
 * move, soft delete, and the canned transcription, results and summary.
 * @see https://docs.identitycall.ai/api-reference/recordings
 */
import { loadSpec } from '@identitycall/openapi';
import { seesProjectResource } from '../auth/api-keys.js';
import { badRequest, notFound, projectMismatch, unprocessable } from '../errors/api-error.js';
import { MESSAGES, SANDBOX_MESSAGES } from '../errors/messages.js';
import type { Handler, RequestContext } from '../pipeline/context.js';
import type { RecordingRecord } from '../state/model.js';
import { initialStatus, observeRecording, refreshRecording } from '../state/processing.js';
import type { Patch } from '../state/store.js';
import { requestDefault } from '../validation/schema-fields.js';
import { FILE_FIELD, UPLOAD_TEXT_FIELDS } from '../validation/upload-formats.js';
import { recordingDetail, recordingListItem, shownAnalysis } from './views.js';

/** The language of an upload that names none: the upload schema's default. */
const DEFAULT_LANGUAGE = requestDefault(loadSpec(), 'uploadRecording', 'language', 'multipart/form-data') as string;

/** The recording at `params.id` (a `public_id` or a numeric id), or 404. */
function findRecording(ctx: RequestContext): RecordingRecord {
  const ref = String(ctx.params.id);
  const r = ctx.app.store.recordings.get(/^\d+$/.test(ref) ? Number(ref) : ref.toLowerCase());
  if (!r || !seesProjectResource(ctx.scope, r)) throw notFound();
  return refreshRecording(ctx.app.store, ctx.app.settings.processing, r);
}

/** List recordings. @see https://docs.identitycall.ai/api-reference/recordings/list */
const listRecordings: Handler = (ctx) => {
  const { store, settings } = ctx.app;
  // Absent, they are the parameters' defaults in the spec (filled in by the query validation).
  const page = ctx.query.page as number;
  const perPage = ctx.query.per_page as number;
  const status = ctx.query.status as string | undefined;
  const visible = store.recordings
    .list()
    .filter((r) => seesProjectResource(ctx.scope, r))
    .map((r) => refreshRecording(store, settings.processing, r))
    .filter((r) => status === undefined || r.status === status);
  const start = (page - 1) * perPage;
  return {
    status: 200,
    body: {
      data: visible.slice(start, start + perPage).map((r) => recordingListItem(store, r)),
      meta: {
        current_page: page,
        per_page: perPage,
        total_pages: Math.ceil(visible.length / perPage),
        total_count: visible.length,
      },
    },
  };
};

/**
 * The upload's text fields, typed as the upload schema says, for validation: an integer field
 * left blank is absent, one written in digits is a number, anything else stays text (and fails).
 */
function uploadFields(fields: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name, integer } of UPLOAD_TEXT_FIELDS) {
    const v = fields.get(name);
    if (v === undefined) continue;
    if (!integer) out[name] = v;
    else if (v.trim() !== '') out[name] = /^\s*\d{1,15}\s*$/.test(v) ? Number(v) : v;
  }
  return out;
}

/** Upload a recording. @see https://docs.identitycall.ai/api-reference/recordings/create */
const uploadRecording: Handler = (ctx) => {
  const file = ctx.form?.files.find((f) => f.name === FILE_FIELD && f.filename !== '');
  if (!ctx.form || !file) throw badRequest(MESSAGES.fileRequired);
  const fields = uploadFields(ctx.form.fields);
  const errors = ctx.app.validation.bodyErrors(ctx.op, { ...fields, file: file.filename }, 'multipart/form-data');
  if (errors.length > 0) throw ctx.app.validation.invalidInput(ctx.op, errors);

  const { store, settings } = ctx.app;
  let projectId = fields.project_id as number | undefined;
  if (ctx.scope.projectId !== null) {
    if (projectId !== undefined && projectId !== ctx.scope.projectId) throw projectMismatch();
    projectId = ctx.scope.projectId;
  } else if (projectId === undefined) {
    throw unprocessable(SANDBOX_MESSAGES.projectIdRequired);
  }
  if (!store.projects.get(projectId)) throw unprocessable(SANDBOX_MESSAGES.projectMustExist);

  const externalId = typeof fields.external_id === 'string' && fields.external_id !== '' ? fields.external_id : null;
  if (externalId !== null) {
    const existing = store.recordings.findByExternalId(projectId, externalId);
    // Idempotent replay: the existing recording, 200, nothing queued again.
    if (existing) return { status: 200, body: { data: recordingDetail(store, existing) } };
  }
  const created = store.recordings.create({
    project_id: projectId,
    external_id: externalId,
    name: typeof fields.name === 'string' && fields.name !== '' ? fields.name : file.filename,
    language: typeof fields.language === 'string' && fields.language !== '' ? fields.language : DEFAULT_LANGUAGE,
    file_name: file.filename,
    file_size: file.size,
  });
  const recording =
    initialStatus(settings.processing) === 'completed'
      ? (store.recordings.setStatus(created.id, file.size === 0 ? 'failed' : 'completed') ?? created)
      : created;
  return { status: 201, body: { data: recordingDetail(store, recording) } };
};

/** Get a recording. @see https://docs.identitycall.ai/api-reference/recordings/get */
const getRecording: Handler = (ctx) => {
  const { store, settings } = ctx.app;
  const r = observeRecording(store, settings.processing, findRecording(ctx));
  return { status: 200, body: { data: recordingDetail(store, r) } };
};

/** Update a recording. @see https://docs.identitycall.ai/api-reference/recordings/update */
const updateRecording: Handler = (ctx) => {
  const current = findRecording(ctx);
  const body = ctx.body === undefined ? {} : ctx.body;
  const errors = ctx.app.validation.bodyErrors(ctx.op, body);
  if (errors.length > 0) throw ctx.app.validation.invalidInput(ctx.op, errors);
  const f = body as Record<string, unknown>;
  const { store } = ctx.app;
  const patch: Patch<RecordingRecord> = {};
  if (typeof f.display_name === 'string') patch.name = f.display_name;
  if (typeof f.project_id === 'number' && f.project_id !== current.project_id) {
    if (ctx.scope.projectId !== null) throw projectMismatch();
    const problems: string[] = [];
    if (!store.projects.get(f.project_id)) problems.push(SANDBOX_MESSAGES.projectMustExist);
    else if (current.external_id !== null && store.recordings.findByExternalId(f.project_id, current.external_id)) {
      problems.push(SANDBOX_MESSAGES.externalIdTaken);
    }
    if (problems.length > 0) throw ctx.app.validation.invalidInput(ctx.op, problems);
    patch.project_id = f.project_id;
  }
  const updated = store.recordings.update(current.id, patch) ?? current;
  return { status: 200, body: { data: recordingDetail(store, updated) } };
};

/** Delete a recording. @see https://docs.identitycall.ai/api-reference/recordings/delete */
const deleteRecording: Handler = (ctx) => {
  ctx.app.store.recordings.delete(findRecording(ctx).id);
  return { status: 204 };
};

/** Get a recording's transcription. @see https://docs.identitycall.ai/api-reference/recordings/transcription */
const getRecordingTranscription: Handler = (ctx) => {
  const r = findRecording(ctx);
  if (r.status !== 'completed') throw unprocessable(MESSAGES.transcriptionNotAvailable);
  const a = ctx.app.store.recordings.analysisOf(r);
  return {
    status: 200,
    body: { data: { recording_id: r.id, language: r.language, full_text: a.full_text, dialogues: a.dialogues } },
  };
};

/**
 * Get a recording's analysis results. Results and summary show an empty analysis until the
 * recording completes (see shownAnalysis).
 * @see https://docs.identitycall.ai/api-reference/recordings/results
 */
const getRecordingResults: Handler = (ctx) => {
  const r = findRecording(ctx);
  const { goals, keywords, pauses } = shownAnalysis(ctx.app.store, r);
  return { status: 200, body: { data: { recording_id: r.id, goals, keywords, pauses } } };
};

/** Get a recording's summary. @see https://docs.identitycall.ai/api-reference/recordings/summary */
const getRecordingSummary: Handler = (ctx) => {
  const r = findRecording(ctx);
  const { summary, speakers, goal_achievement } = shownAnalysis(ctx.app.store, r);
  return {
    status: 200,
    body: { data: { recording_id: r.id, summary, duration_ms: r.duration_ms ?? 0, speakers, goal_achievement } },
  };
};

/** The Recordings handlers, by operationId. */
export const recordingHandlers: Record<string, Handler> = {
  listRecordings,
  uploadRecording,
  getRecording,
  updateRecording,
  deleteRecording,
  getRecordingTranscription,
  getRecordingResults,
  getRecordingSummary,
};
