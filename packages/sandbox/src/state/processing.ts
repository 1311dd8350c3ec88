/**
 * Recording processing, made deterministic: `pending → processing → completed` one step per read
 * of Get Recording (`on-read`, the default), at once (`instant`), on a timer of the sandbox clock
 * (`{ stepMs }`), or only through the admin route (`manual`).
 * @see ../../README.md#processing
 */
import type { RecordingRecord, RecordingStatus } from './model.js';
import type { ProcessingMode } from './processing-mode.js';
import type { Store } from './store.js';

export type { ProcessingMode } from './processing-mode.js';

const NEXT: Partial<Record<RecordingStatus, RecordingStatus>> = { pending: 'processing', processing: 'completed' };

/** The status after `status`; an empty (0-byte) file fails where others complete. */
function nextStatus(r: RecordingRecord, status: RecordingStatus): RecordingStatus | undefined {
  const next = NEXT[status];
  return next === 'completed' && r.file_size === 0 ? 'failed' : next;
}

/** Moves a recording one step on; completed and failed recordings stay as they are. */
export function advanceRecording(store: Store, r: RecordingRecord): RecordingRecord {
  const next = nextStatus(r, r.status);
  return next ? (store.recordings.setStatus(r.id, next) ?? r) : r;
}

/** The status a new upload starts in. */
export const initialStatus = (mode: ProcessingMode): RecordingStatus => (mode === 'instant' ? 'completed' : 'pending');

/** Brings a timed recording up to date with the clock; other modes are left alone. */
export function refreshRecording(store: Store, mode: ProcessingMode, r: RecordingRecord): RecordingRecord {
  if (typeof mode !== 'object' || !NEXT[r.status]) return r;
  const elapsed = store.clock().getTime() - Date.parse(r.created_at);
  const steps = Math.floor(elapsed / Math.max(1, mode.stepMs));
  let status = r.status;
  for (let i = r.status === 'pending' ? 0 : 1; i < Math.min(steps, 2); i++) status = nextStatus(r, status) ?? status;
  return status === r.status ? r : (store.recordings.setStatus(r.id, status) ?? r);
}

/** What Get Recording does to a recording before showing it. */
export function observeRecording(store: Store, mode: ProcessingMode, r: RecordingRecord): RecordingRecord {
  if (mode === 'on-read') return advanceRecording(store, r);
  return refreshRecording(store, mode, r);
}
