/**
 * Recordings in the store: lookups by numeric id or `public_id`, the idempotency index
 * (`project_id`, `external_id`), status changes, the canned analysis, and soft deletion.
 * @see https://docs.identitycall.ai/api-reference/recordings/create
 */
import { isoSeconds, uuidv7 } from './clock.js';
import type { RecordingAnalysis, RecordingRecord, RecordingStatus } from './model.js';
import type { Patch, Tables } from './tables.js';

/** What an upload records about its file. */
export interface NewRecording {
  project_id: number;
  external_id: string | null;
  name: string | null;
  language: string;
  file_name: string;
  file_size: number;
}

/** The end of the last dialogue line: a completed recording's duration. */
function durationOf(analysis: RecordingAnalysis): number {
  let end = 0;
  for (const d of analysis.dialogues) if (typeof d.end_ms === 'number' && d.end_ms > end) end = d.end_ms;
  return end;
}

/** The account's recordings. */
export class RecordingStore {
  constructor(private readonly t: Tables) {}

  /** A live recording by numeric id or `public_id`. */
  get(ref: number | string): RecordingRecord | undefined {
    const id = typeof ref === 'number' ? ref : this.t.recordingsByPublicId.get(ref.toLowerCase());
    const r = id === undefined ? undefined : this.t.recordings.get(id);
    return r && r.deleted_at === null ? r : undefined;
  }

  /** Live recordings, newest first. */
  list(): RecordingRecord[] {
    const out: RecordingRecord[] = [];
    for (const r of this.t.recordings.values()) if (r.deleted_at === null) out.push(r);
    return out.sort((a, b) => b.id - a.id);
  }

  /** The live recording uploaded with this idempotency pair, if any. */
  findByExternalId(projectId: number, externalId: string): RecordingRecord | undefined {
    for (const r of this.t.recordings.values()) {
      if (r.project_id === projectId && r.external_id === externalId && r.deleted_at === null) return r;
    }
    return undefined;
  }

  /** Creates a `pending` recording that will be given the canned analysis. */
  create(fields: NewRecording): RecordingRecord {
    const t = this.t;
    const now = t.clock();
    const recording: RecordingRecord = {
      ...fields,
      id: t.nextIds.recording++,
      public_id: uuidv7(now),
      status: 'pending',
      duration_ms: null,
      created_at: isoSeconds(now),
      updated_at: isoSeconds(now),
      deleted_at: null,
      analysis: {},
    };
    t.recordings.set(recording.id, recording);
    t.recordingsByPublicId.set(recording.public_id, recording.id);
    t.changed();
    return recording;
  }

  /** Applies `patch` to a live recording and touches `updated_at`. Undefined when there is none. */
  update(id: number, patch: Patch<RecordingRecord>): RecordingRecord | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const next = { ...current, ...patch, id, updated_at: this.t.now() };
    this.t.recordings.set(id, next);
    this.t.changed();
    return next;
  }

  /** Moves a recording to `status`; a completed recording gets its duration from the analysis. */
  setStatus(id: number, status: RecordingStatus): RecordingRecord | undefined {
    const current = this.get(id);
    if (!current || current.status === status) return current;
    const duration = status === 'completed' ? (current.duration_ms ?? durationOf(this.analysisOf(current))) : current.duration_ms;
    return this.update(id, { status, duration_ms: duration });
  }

  /** The analysis of a recording: the canned one with the recording's own overrides. */
  analysisOf(r: RecordingRecord): RecordingAnalysis {
    return { ...this.t.canned, ...r.analysis };
  }

  /** Soft-deletes a recording: from then on it answers 404 and frees its idempotency pair. */
  delete(id: number): boolean {
    const current = this.get(id);
    if (!current) return false;
    this.t.recordings.set(id, { ...current, deleted_at: this.t.now() });
    this.t.changed();
    return true;
  }
}
