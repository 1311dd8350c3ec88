/**
 * The account's rows, shared by the per-resource stores: one map per resource, the id sequences,
 * the recordings' `public_id` index, the change counter persistence follows, and the clock. The
 * stores in this folder are the only code that changes a table; records are replaced, never edited
 * in place, so a change is applied whole or not at all.
 * @see ./store.ts
 */
import { isoSeconds, type Clock } from './clock.js';
import type {
  ApiKeyRecord,
  AvailableNumberRecord,
  OperatorRecord,
  ProjectRecord,
  RecordingAnalysis,
  RecordingRecord,
  SandboxData,
  VirtualNumberRecord,
} from './model.js';

/** Fields a change may set on a record (everything but its id). */
export type Patch<T> = Partial<Omit<T, 'id'>>;

/** Order of names in lists: case-insensitive, accents ignored, digits by value. */
export const nameOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const byId = <T extends { id: number }>(rows: readonly T[]): Map<number, T> => new Map(rows.map((r) => [r.id, r]));

const maxId = (rows: Iterable<{ id: number }>): number => {
  let max = 0;
  for (const r of rows) if (r.id > max) max = r.id;
  return max;
};

/** Every table of the account, the id sequences and the change counter. */
export class Tables {
  keys = new Map<string, ApiKeyRecord>();
  projects = new Map<number, ProjectRecord>();
  operators = new Map<number, OperatorRecord>();
  numbers = new Map<number, VirtualNumberRecord>();
  recordings = new Map<number, RecordingRecord>();
  recordingsByPublicId = new Map<string, number>();
  catalogue: AvailableNumberRecord[] = [];
  canned!: RecordingAnalysis;
  nextIds = { project: 1, operator: 1, number: 1, recording: 1 };
  /** Incremented by every change; persistence writes until it has caught up. */
  version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly clock: Clock) {}

  /** Replaces every table with a copy of `data` (the caller's object is never changed later). */
  load(data: SandboxData): void {
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

  /** Counts one change and tells the listeners. Every store calls it once per change it makes. */
  changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** The clock's time in the docs' timestamp format. */
  now(): string {
    return isoSeconds(this.clock());
  }
}
