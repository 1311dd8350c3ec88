/**
 * The account's state, in memory, and every change to it. No HTTP here: the store knows records,
 * invariants (cascades, routing priorities, id sequences, the idempotency index) and a version
 * counter that persistence follows. Records are replaced, never edited in place, so a change is
 * applied whole or not at all.
 * @see ./model.ts
 */
import type {
  ApiKeyRecord,
  AvailableNumberRecord,
  OperatorRecord,
  ProjectRecord,
  RecordingAnalysis,
  RecordingRecord,
  RecordingStatus,
  SandboxData,
  VirtualNumberRecord,
} from './model.js';
import { isoSeconds, uuidv7, type Clock } from './clock.js';

/** Fields a change may set on a record (everything but its id). */
export type Patch<T> = Partial<Omit<T, 'id'>>;

const byId = <T extends { id: number }>(rows: readonly T[]): Map<number, T> => new Map(rows.map((r) => [r.id, r]));
const maxId = (rows: Iterable<{ id: number }>): number => {
  let max = 0;
  for (const r of rows) if (r.id > max) max = r.id;
  return max;
};
const nameOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The in-memory account. */
export class Store {
  private keys = new Map<string, ApiKeyRecord>();
  private projects = new Map<number, ProjectRecord>();
  private operators = new Map<number, OperatorRecord>();
  private numbers = new Map<number, VirtualNumberRecord>();
  private recordings = new Map<number, RecordingRecord>();
  private recordingsByPublicId = new Map<string, number>();
  private catalogue: AvailableNumberRecord[] = [];
  private canned!: RecordingAnalysis;
  private nextIds = { project: 1, operator: 1, number: 1, recording: 1 };
  private listeners = new Set<() => void>();
  /** Incremented by every change; persistence writes until it has caught up. */
  version = 0;

  constructor(
    data: SandboxData,
    readonly clock: Clock = () => new Date(),
  ) {
    this.load(data);
  }

  /** Replaces the whole state (seed, data file or reset) and counts it as one change. */
  replaceAll(data: SandboxData): void {
    this.load(data);
    this.changed();
  }

  private load(data: SandboxData): void {
    // Copy, so the caller's seed object is never changed by later writes.
    const copy = structuredClone(data);
    this.keys = new Map(copy.keys.map((k) => [k.key, k]));
    this.projects = byId(copy.projects);
    this.operators = byId(copy.operators);
    this.numbers = byId(copy.virtual_numbers);
    this.recordings = byId(copy.recordings);
    this.recordingsByPublicId = new Map(copy.recordings.map((r) => [r.public_id, r.id]));
    this.catalogue = copy.available;
    this.canned = copy.canned_analysis;
    this.nextIds = {
      project: maxId(this.projects.values()) + 1,
      operator: maxId(this.operators.values()) + 1,
      number: maxId(this.numbers.values()) + 1,
      recording: maxId(this.recordings.values()) + 1,
    };
  }

  /** The whole state in the data file format. */
  snapshot(): SandboxData {
    return {
      keys: [...this.keys.values()],
      projects: [...this.projects.values()],
      operators: [...this.operators.values()],
      virtual_numbers: [...this.numbers.values()],
      available: this.catalogue,
      recordings: [...this.recordings.values()],
      canned_analysis: this.canned,
    };
  }

  /** Calls `listener` after every change. Returns a function that removes it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  private now(): string {
    return isoSeconds(this.clock());
  }

  // ---- keys ---------------------------------------------------------------------------------

  /** The key with this bearer token. */
  findKey(token: string): ApiKeyRecord | undefined {
    return this.keys.get(token);
  }

  /** Every API key. */
  listKeys(): ApiKeyRecord[] {
    return [...this.keys.values()];
  }

  // ---- projects ------------------------------------------------------------------------------

  /** The project with this id. */
  getProject(id: number): ProjectRecord | undefined {
    return this.projects.get(id);
  }

  /** Projects sorted by name, then id. */
  listProjects(): ProjectRecord[] {
    return [...this.projects.values()].sort((a, b) => nameOrder.compare(a.name, b.name) || a.id - b.id);
  }

  /** How many live recordings and virtual numbers a project has. */
  projectCounts(id: number): { recordings_count: number; virtual_numbers_count: number } {
    let recordings = 0;
    for (const r of this.recordings.values()) if (r.project_id === id && r.deleted_at === null) recordings++;
    let numbers = 0;
    for (const n of this.numbers.values()) if (n.project_id === id) numbers++;
    return { recordings_count: recordings, virtual_numbers_count: numbers };
  }

  /** Creates a project with the next id; `created_at`/`updated_at` are now. */
  createProject(fields: Omit<ProjectRecord, 'id' | 'created_at' | 'updated_at'>): ProjectRecord {
    const now = this.now();
    const project: ProjectRecord = { ...fields, id: this.nextIds.project++, created_at: now, updated_at: now };
    this.projects.set(project.id, project);
    this.changed();
    return project;
  }

  /** Applies `patch` to a project and touches `updated_at`. Undefined when it does not exist. */
  updateProject(id: number, patch: Patch<ProjectRecord>): ProjectRecord | undefined {
    const current = this.projects.get(id);
    if (!current) return undefined;
    const next = { ...current, ...patch, id, updated_at: this.now() };
    this.projects.set(id, next);
    this.changed();
    return next;
  }

  /**
   * Deletes a project and everything in it: its recordings and virtual numbers (with their
   * routing lists) and the operators' links to it. Operators themselves stay on the account.
   */
  deleteProject(id: number): boolean {
    if (!this.projects.has(id)) return false;
    this.projects.delete(id);
    for (const r of [...this.recordings.values()]) {
      if (r.project_id === id) {
        this.recordings.delete(r.id);
        this.recordingsByPublicId.delete(r.public_id);
      }
    }
    for (const n of [...this.numbers.values()]) if (n.project_id === id) this.numbers.delete(n.id);
    for (const o of [...this.operators.values()]) {
      if (o.project_ids.includes(id)) this.operators.set(o.id, { ...o, project_ids: o.project_ids.filter((p) => p !== id) });
    }
    this.changed();
    return true;
  }

  // ---- operators -----------------------------------------------------------------------------

  /** The operator with this id. */
  getOperator(id: number): OperatorRecord | undefined {
    return this.operators.get(id);
  }

  /** Operators sorted by name (ascending), then id. */
  listOperators(): OperatorRecord[] {
    return [...this.operators.values()].sort((a, b) => nameOrder.compare(a.name, b.name) || a.id - b.id);
  }

  /** The virtual numbers whose routing list holds the operator, by number id. */
  numbersOfOperator(operatorId: number): VirtualNumberRecord[] {
    const out: VirtualNumberRecord[] = [];
    for (const n of this.numbers.values()) if (n.routing.some((e) => e.operator_id === operatorId)) out.push(n);
    return out.sort((a, b) => a.id - b.id);
  }

  /** Creates an operator with the next id. */
  createOperator(fields: Omit<OperatorRecord, 'id'>): OperatorRecord {
    const operator: OperatorRecord = { ...fields, project_ids: [...fields.project_ids], id: this.nextIds.operator++ };
    this.operators.set(operator.id, operator);
    this.changed();
    return operator;
  }

  /** Applies `patch` to an operator. Undefined when it does not exist. */
  updateOperator(id: number, patch: Patch<OperatorRecord>): OperatorRecord | undefined {
    const current = this.operators.get(id);
    if (!current) return undefined;
    const next = { ...current, ...patch, id };
    this.operators.set(id, next);
    this.changed();
    return next;
  }

  /** Hard-deletes an operator: it leaves every routing list (priorities close up) and every project. */
  deleteOperator(id: number): boolean {
    if (!this.operators.has(id)) return false;
    this.operators.delete(id);
    for (const n of [...this.numbers.values()]) {
      if (n.routing.some((e) => e.operator_id === id)) this.numbers.set(n.id, withRouting(n, n.routing.filter((e) => e.operator_id !== id)));
    }
    this.changed();
    return true;
  }

  // ---- virtual numbers -----------------------------------------------------------------------

  /** The virtual number with this id. */
  getVirtualNumber(id: number): VirtualNumberRecord | undefined {
    return this.numbers.get(id);
  }

  /** Virtual numbers by id. */
  listVirtualNumbers(): VirtualNumberRecord[] {
    return [...this.numbers.values()].sort((a, b) => a.id - b.id);
  }

  /** Applies `patch` to a virtual number. Undefined when it does not exist. */
  updateVirtualNumber(id: number, patch: Patch<VirtualNumberRecord>): VirtualNumberRecord | undefined {
    const current = this.numbers.get(id);
    if (!current) return undefined;
    const next = { ...current, ...patch, id };
    this.numbers.set(id, next);
    this.changed();
    return next;
  }

  /** The numbers that can be bought. */
  listAvailable(): readonly AvailableNumberRecord[] {
    return this.catalogue;
  }

  /**
   * Buys a number from the catalogue: it leaves the catalogue and becomes a virtual number of the
   * account (in `projectId`, or in no project). Returns undefined when it is not in the catalogue.
   */
  purchaseNumber(
    phoneNumber: string,
    fields: { name: string | null; number_type: string | null; upfront_cost: string | null; monthly_cost: string | null },
    projectId: number | null,
  ): VirtualNumberRecord | undefined {
    const offer = this.catalogue.find((a) => a.phone_number === phoneNumber);
    if (!offer) return undefined;
    const number: VirtualNumberRecord = {
      id: this.nextIds.number++,
      phone_number: offer.phone_number,
      name: fields.name,
      country_code: offer.country_code,
      number_type: fields.number_type ?? offer.number_type,
      active: true,
      recording: true,
      routing_strategy: 'priority',
      ai_receptionist_enabled: false,
      project_id: projectId,
      upfront_cost: fields.upfront_cost ?? offer.upfront_cost ?? null,
      monthly_cost: fields.monthly_cost ?? offer.monthly_cost ?? null,
      stats: { total_calls: 0, answered_calls: 0, missed_calls: 0, average_duration_seconds: 0 },
      routing: [],
      recent_calls: [],
    };
    this.catalogue = this.catalogue.filter((a) => a !== offer);
    this.numbers.set(number.id, number);
    this.changed();
    return number;
  }

  /** Puts an operator at the end of a number's routing list; a no-op when it is already there. */
  attachOperator(numberId: number, operatorId: number): VirtualNumberRecord | undefined {
    const n = this.numbers.get(numberId);
    if (!n || !this.operators.has(operatorId)) return undefined;
    if (n.routing.some((e) => e.operator_id === operatorId)) return n;
    const next = withRouting(n, [...n.routing, { operator_id: operatorId, priority: n.routing.length }]);
    this.numbers.set(numberId, next);
    this.changed();
    return next;
  }

  /** Takes an operator off a number's routing list. Returns undefined when it was not on it. */
  detachOperator(numberId: number, operatorId: number): VirtualNumberRecord | undefined {
    const n = this.numbers.get(numberId);
    if (!n || !n.routing.some((e) => e.operator_id === operatorId)) return undefined;
    const next = withRouting(n, n.routing.filter((e) => e.operator_id !== operatorId));
    this.numbers.set(numberId, next);
    this.changed();
    return next;
  }

  // ---- recordings ----------------------------------------------------------------------------

  /** A live recording by numeric id or `public_id`. */
  getRecording(ref: number | string): RecordingRecord | undefined {
    const id = typeof ref === 'number' ? ref : this.recordingsByPublicId.get(ref.toLowerCase());
    const r = id === undefined ? undefined : this.recordings.get(id);
    return r && r.deleted_at === null ? r : undefined;
  }

  /** Live recordings, newest first. */
  listRecordings(): RecordingRecord[] {
    const out: RecordingRecord[] = [];
    for (const r of this.recordings.values()) if (r.deleted_at === null) out.push(r);
    return out.sort((a, b) => b.id - a.id);
  }

  /** The live recording uploaded with this idempotency pair, if any. */
  findRecordingByExternalId(projectId: number, externalId: string): RecordingRecord | undefined {
    for (const r of this.recordings.values()) {
      if (r.project_id === projectId && r.external_id === externalId && r.deleted_at === null) return r;
    }
    return undefined;
  }

  /** Creates a `pending` recording that will be given the canned analysis. */
  createRecording(fields: {
    project_id: number;
    external_id: string | null;
    name: string | null;
    language: string;
    file_name: string;
    file_size: number;
  }): RecordingRecord {
    const now = this.clock();
    const recording: RecordingRecord = {
      ...fields,
      id: this.nextIds.recording++,
      public_id: uuidv7(now),
      status: 'pending',
      duration_ms: null,
      created_at: isoSeconds(now),
      updated_at: isoSeconds(now),
      deleted_at: null,
      analysis: {},
    };
    this.recordings.set(recording.id, recording);
    this.recordingsByPublicId.set(recording.public_id, recording.id);
    this.changed();
    return recording;
  }

  /** Applies `patch` to a live recording and touches `updated_at`. Undefined when there is none. */
  updateRecording(id: number, patch: Patch<RecordingRecord>): RecordingRecord | undefined {
    const current = this.getRecording(id);
    if (!current) return undefined;
    const next = { ...current, ...patch, id, updated_at: this.now() };
    this.recordings.set(id, next);
    this.changed();
    return next;
  }

  /** Moves a recording to `status`; a completed recording gets its duration from the analysis. */
  setRecordingStatus(id: number, status: RecordingStatus): RecordingRecord | undefined {
    const current = this.getRecording(id);
    if (!current || current.status === status) return current;
    const duration = status === 'completed' ? (current.duration_ms ?? durationOf(this.analysisOf(current))) : current.duration_ms;
    return this.updateRecording(id, { status, duration_ms: duration });
  }

  /** The analysis of a recording: the canned one with the recording's own overrides. */
  analysisOf(r: RecordingRecord): RecordingAnalysis {
    return { ...this.canned, ...r.analysis };
  }

  /** Soft-deletes a recording: from then on it answers 404 and frees its idempotency pair. */
  deleteRecording(id: number): boolean {
    const current = this.getRecording(id);
    if (!current) return false;
    this.recordings.set(id, { ...current, deleted_at: this.now() });
    this.changed();
    return true;
  }
}

function withRouting(n: VirtualNumberRecord, routing: VirtualNumberRecord['routing']): VirtualNumberRecord {
  // Priorities close up after a removal, so the next attach takes the next free slot.
  const sorted = [...routing].sort((a, b) => a.priority - b.priority);
  return { ...n, routing: sorted.map((e, i) => ({ operator_id: e.operator_id, priority: i })) };
}

function durationOf(analysis: RecordingAnalysis): number {
  let end = 0;
  for (const d of analysis.dialogues) if (typeof d.end_ms === 'number' && d.end_ms > end) end = d.end_ms;
  return end;
}
