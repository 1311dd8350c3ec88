/**
 * The account's rows, shared by the per-resource stores: one map per resource, the id sequences,
 * the recordings' `public_id` index, the change counter persistence follows, and the clock. The
 * stores in this folder are the only code that changes a table; records are replaced, never edited
 * in place, so a change is applied whole or not at all. Every write to a table is also noted as an
 * operation (put, delete, set, replace), and `changed()` hands the operations of one change to the
 * listeners: that is what the journal writes, so a change costs its own size on disk, not the
 * account's.
 * @see ./store.ts
 * @see ./journal.ts
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

/** The sections kept as tables of records, each keyed by `id` (API keys by `key`). */
export const TABLE_SECTIONS = ['keys', 'projects', 'operators', 'virtual_numbers', 'recordings'] as const;
export type TableSection = (typeof TABLE_SECTIONS)[number];

/** One write to the account, as the journal records it. */
export type ChangeOp =
  /** A record was added or replaced (its key is its `id`, or `key` for API keys). */
  | { op: 'put'; section: TableSection; record: object }
  /** A record was removed. */
  | { op: 'delete'; section: TableSection; id: number | string }
  /** The catalogue of numbers to buy, or the canned analysis, was replaced whole. */
  | { op: 'set'; section: 'available'; value: AvailableNumberRecord[] }
  | { op: 'set'; section: 'canned_analysis'; value: RecordingAnalysis }
  /** The whole account was replaced (reset to the seed). */
  | { op: 'replace'; data: SandboxData };

/** What `changed()` tells the listeners: the writes of one change, in order. */
export interface Change {
  ops: ChangeOp[];
}

/** A table that notes every write to it as an operation of the change being made. */
class Table<K, V extends object> extends Map<K, V> {
  private section!: TableSection;
  private notes!: ChangeOp[][];

  /** A table of `section` whose writes go to `notes[0]` (a box, so the list can be swapped). */
  static of<K, V extends object>(section: TableSection, notes: ChangeOp[][], rows: Iterable<[K, V]>): Table<K, V> {
    const table = new Table<K, V>();
    for (const [k, v] of rows) Map.prototype.set.call(table, k, v);
    table.section = section;
    table.notes = notes;
    return table;
  }

  override set(key: K, value: V): this {
    this.notes[0]!.push({ op: 'put', section: this.section, record: value });
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    if (!super.delete(key)) return false;
    this.notes[0]!.push({ op: 'delete', section: this.section, id: key as number | string });
    return true;
  }

  override clear(): void {
    for (const key of [...this.keys()]) this.delete(key);
  }
}

/** Order of names in lists: case-insensitive, accents ignored, digits by value. */
export const nameOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const byId = <T extends { id: number }>(rows: readonly T[]): Array<[number, T]> => rows.map((r) => [r.id, r]);

const maxId = (rows: Iterable<{ id: number }>): number => {
  let max = 0;
  for (const r of rows) if (r.id > max) max = r.id;
  return max;
};

/** Every table of the account, the id sequences and the change counter. */
export class Tables {
  /** The operations of the change being made (in a box shared with the tables). */
  private readonly notes: ChangeOp[][] = [[]];
  keys: Map<string, ApiKeyRecord> = Table.of('keys', this.notes, []);
  projects: Map<number, ProjectRecord> = Table.of('projects', this.notes, []);
  operators: Map<number, OperatorRecord> = Table.of('operators', this.notes, []);
  numbers: Map<number, VirtualNumberRecord> = Table.of('virtual_numbers', this.notes, []);
  recordings: Map<number, RecordingRecord> = Table.of('recordings', this.notes, []);
  /** An index, rebuilt from `recordings`; not written anywhere. */
  recordingsByPublicId = new Map<string, number>();
  private available: AvailableNumberRecord[] = [];
  private cannedAnalysis!: RecordingAnalysis;
  nextIds = { project: 1, operator: 1, number: 1, recording: 1 };
  /** Incremented by every change; persistence writes until it has caught up. */
  version = 0;
  private readonly listeners = new Set<(change: Change) => void>();

  constructor(readonly clock: Clock) {}

  /** The catalogue of numbers to buy; replaced whole, never edited in place. */
  get catalogue(): AvailableNumberRecord[] {
    return this.available;
  }
  set catalogue(value: AvailableNumberRecord[]) {
    this.available = value;
    this.notes[0]!.push({ op: 'set', section: 'available', value });
  }

  /** The analysis new uploads get; replaced whole, never edited in place. */
  get canned(): RecordingAnalysis {
    return this.cannedAnalysis;
  }
  set canned(value: RecordingAnalysis) {
    this.cannedAnalysis = value;
    this.notes[0]!.push({ op: 'set', section: 'canned_analysis', value });
  }

  /**
   * Replaces every table with a copy of `data` (the caller's object is never changed later). Notes
   * nothing: a load that is a change (a reset) is noted by `replaced`.
   */
  load(data: SandboxData): void {
    const copy = structuredClone(data);
    this.keys = Table.of(
      'keys',
      this.notes,
      copy.keys.map((k) => [k.key, k]),
    );
    this.projects = Table.of('projects', this.notes, byId(copy.projects));
    this.operators = Table.of('operators', this.notes, byId(copy.operators));
    this.numbers = Table.of('virtual_numbers', this.notes, byId(copy.virtual_numbers));
    this.recordings = Table.of('recordings', this.notes, byId(copy.recordings));
    this.recordingsByPublicId = new Map(copy.recordings.map((r) => [r.public_id, r.id]));
    this.available = copy.available;
    this.cannedAnalysis = copy.canned_analysis;
    this.notes[0] = [];
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

  /** Notes that the whole account was replaced by `load` (a reset). */
  replaced(): void {
    this.notes[0] = [{ op: 'replace', data: this.snapshot() }];
  }

  /** Calls `listener` after every change with its operations. Returns a function that removes it. */
  onChange(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Counts one change and tells the listeners. Every store calls it once per change it makes. */
  changed(): void {
    const change: Change = { ops: this.notes[0]! };
    this.notes[0] = [];
    this.version++;
    for (const listener of this.listeners) listener(change);
  }

  /** The clock's time in the docs' timestamp format. */
  now(): string {
    return isoSeconds(this.clock());
  }
}
