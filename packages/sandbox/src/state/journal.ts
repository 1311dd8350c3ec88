/**
 * The journal: the changes made since the data file's snapshot, one line per change, appended and
 * never edited. A line is the CRC-32 of its JSON (8 hex digits), a space, the JSON and a newline.
 * The first line names the snapshot the journal continues (so a journal left from another data file
 * is never replayed onto this one); each further line is one change:
 *
 *     5be0e2a7 {"journal":"identitycall-sandbox-journal/1","snapshot":"9f1c…"}
 *     3f2a9c01 {"seq":57,"tenant":"default","ops":[{"op":"put","section":"operators","record":{…}}]}
 *
 * `seq` counts changes across the data file's life (the snapshot names the last one it holds) and
 * `tenant` names the account the change applies to. The operations are those of ./tables.ts plus
 * the tenant's own life: `create` (with its first state and its registry fields, `meta`) and `drop`.
 *
 * Reading tells a torn tail from damage: a crash in the middle of an append leaves the last lines
 * cut off or unreadable, and nothing written after them; such a tail was never acknowledged and is
 * dropped. A bad line followed by a good one is damage, refused with the line named.
 * @see ./persistence.ts
 */
import { crc32 } from 'node:zlib';
import { SandboxDataError, checkSandboxData } from './data-check.js';
import type { AvailableNumberRecord, RecordingAnalysis, SandboxData } from './model.js';
import { TABLE_SECTIONS, type ChangeOp, type TableSection } from './tables.js';

/** The tenant every sandbox has: the account of `startSandbox`'s seed and data file. */
export const DEFAULT_TENANT = 'default';

/** What a tenant keeps besides its account (the tenant registry's own fields, e.g. when it was created). */
export type TenantMeta = Record<string, unknown>;

/** One operation of a journal entry: a change to an account, or a tenant's creation or removal. */
export type JournalOp = ChangeOp | { op: 'create'; data: SandboxData; meta: TenantMeta } | { op: 'drop' };

/** One line of the journal. */
export interface JournalEntry {
  seq: number;
  tenant: string;
  ops: JournalOp[];
}

/** The journal's first line. */
export interface JournalHeader {
  journal: typeof JOURNAL_FORMAT;
  /** The `id` of the snapshot whose changes follow. */
  snapshot: string;
}

export const JOURNAL_FORMAT = 'identitycall-sandbox-journal/1';

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

const lineOf = (value: JournalEntry | JournalHeader): string => {
  const json = JSON.stringify(value);
  return `${hex8(crc32(json))} ${json}\n`;
};

/** The journal line for `entry`, newline included. */
export const encodeEntry = (entry: JournalEntry): string => lineOf(entry);

/** The first line of a journal that continues snapshot `snapshotId`. */
export const encodeHeader = (snapshotId: string): string => lineOf({ journal: JOURNAL_FORMAT, snapshot: snapshotId });

/** A journal read back: the snapshot it continues, its good entries, and the bytes of a torn tail dropped after them. */
export interface JournalRead {
  /** The snapshot named by the first line (undefined for an empty file). */
  snapshot: string | undefined;
  entries: Array<{ line: number; entry: JournalEntry }>;
  /** Byte length of the good lines (where the next append belongs). */
  goodBytes: number;
  /** Bytes after the good lines, left by a crash in the middle of an append (0 when none). */
  tornBytes: number;
}

const NEWLINE = 0x0a;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Why a line is not a whole journal line (undefined when it is one), and its JSON when it is. */
function readLine(bytes: Buffer): { problem: string } | { value: unknown } {
  const text = bytes.toString('utf8');
  const m = /^([0-9a-f]{8}) (.*)$/s.exec(text);
  if (!m) return { problem: 'is not a journal line (checksum, space, JSON)' };
  if (hex8(crc32(m[2]!)) !== m[1]) return { problem: 'does not match its checksum (it was cut short or changed after it was written)' };
  try {
    return { value: JSON.parse(m[2]!) };
  } catch (e) {
    return { problem: `is not valid JSON: ${(e as Error).message}` };
  }
}

/** Problems with the shape of an entry (the checksum matched, so these are not crash damage). */
function entryProblems(value: unknown): string[] {
  if (!isObject(value)) return ['the entry must be a JSON object'];
  const problems: string[] = [];
  if (!Number.isSafeInteger(value.seq) || (value.seq as number) < 1) problems.push('field "seq" must be a positive integer');
  if (typeof value.tenant !== 'string' || value.tenant === '') problems.push('field "tenant" must be a non-empty string');
  if (!Array.isArray(value.ops)) problems.push('field "ops" must be a list of operations');
  else value.ops.forEach((op, i) => problems.push(...opProblems(op).map((p) => `ops[${i}]: ${p}`)));
  return problems;
}

const SECTIONS = new Set<string>(TABLE_SECTIONS);

function opProblems(op: unknown): string[] {
  if (!isObject(op)) return ['must be a JSON object'];
  switch (op.op) {
    case 'put':
      if (!SECTIONS.has(op.section as string)) return [`field "section" must be one of: ${TABLE_SECTIONS.join(', ')}`];
      if (!isObject(op.record)) return ['field "record" must be a JSON object'];
      return keyOf(op.section as TableSection, op.record) === undefined
        ? [`field "record" has no ${op.section === 'keys' ? 'string "key"' : 'integer "id"'}`]
        : [];
    case 'delete':
      if (!SECTIONS.has(op.section as string)) return [`field "section" must be one of: ${TABLE_SECTIONS.join(', ')}`];
      return typeof op.id === 'number' || typeof op.id === 'string' ? [] : ['field "id" must be a number or string'];
    case 'set':
      if (op.section === 'available') return Array.isArray(op.value) ? [] : ['field "value" must be a list of records'];
      if (op.section === 'canned_analysis') return isObject(op.value) ? [] : ['field "value" must be a JSON object'];
      return ['field "section" must be available or canned_analysis'];
    case 'replace':
      return isObject(op.data) ? [] : ['field "data" must be a JSON object (an account)'];
    case 'create':
      if (!isObject(op.meta)) return ['field "meta" must be a JSON object'];
      return isObject(op.data) ? [] : ['field "data" must be a JSON object (an account)'];
    case 'drop':
      return [];
    default:
      return ['field "op" must be one of: put, delete, set, replace, create, drop'];
  }
}

/** A record's key in its table: `key` for API keys, `id` for the rest. */
function keyOf(section: TableSection, record: Record<string, unknown>): number | string | undefined {
  if (section === 'keys') return typeof record.key === 'string' ? record.key : undefined;
  return Number.isSafeInteger(record.id) ? (record.id as number) : undefined;
}

/**
 * Reads the journal's bytes. The first line must be a whole header (a journal is created whole, by
 * atomic replace). After it, a bad line with only bad lines (or nothing) after it starts a torn
 * tail, which is dropped; a bad line before a good one, or a good line whose entry is malformed,
 * is refused.
 * @throws SandboxDataError naming the journal, the line and what is wrong.
 */
export function readJournal(bytes: Buffer, source: string): JournalRead {
  if (bytes.length === 0) return { snapshot: undefined, entries: [], goodBytes: 0, tornBytes: 0 };
  const headerEnd = bytes.indexOf(NEWLINE);
  const header = headerEnd < 0 ? { problem: 'has no newline' } : readLine(bytes.subarray(0, headerEnd));
  if ('problem' in header) throw new SandboxDataError(source, [`line 1 (the header) ${header.problem}`]);
  const h = header.value;
  if (!isObject(h) || h.journal !== JOURNAL_FORMAT || typeof h.snapshot !== 'string')
    throw new SandboxDataError(source, [`line 1 is not a journal header (expected {"journal": "${JOURNAL_FORMAT}", "snapshot": "…"})`]);
  const entries: JournalRead['entries'] = [];
  let firstBad: { line: number; offset: number; problem: string } | undefined;
  let offset = headerEnd + 1;
  let goodBytes = offset;
  for (let line = 2; offset < bytes.length; line++) {
    const end = bytes.indexOf(NEWLINE, offset);
    const whole = end >= 0;
    const stop = whole ? end : bytes.length;
    const read = whole ? readLine(bytes.subarray(offset, stop)) : { problem: 'has no newline (cut short)' };
    if ('problem' in read) {
      firstBad ??= { line, offset, problem: read.problem };
    } else if (firstBad) {
      throw new SandboxDataError(source, [
        `line ${firstBad.line} ${firstBad.problem}, but line ${line} after it is whole: the journal was damaged, not cut short by a crash`,
      ]);
    } else {
      const problems = entryProblems(read.value);
      if (problems.length > 0)
        throw new SandboxDataError(
          source,
          problems.map((p) => `line ${line}: ${p}`),
        );
      entries.push({ line, entry: read.value as JournalEntry });
      goodBytes = stop + 1;
    }
    offset = stop + 1;
  }
  return { snapshot: h.snapshot, entries, goodBytes, tornBytes: bytes.length - goodBytes };
}

/** An account being replayed: its tables as maps in the order the live tables keep them. */
class Replay {
  private readonly tables: Record<TableSection, Map<number | string, Record<string, unknown>>>;
  private available: unknown[];
  private canned: unknown;

  constructor(data: SandboxData) {
    const rows = data as unknown as Record<TableSection, Array<Record<string, unknown>>>;
    this.tables = Object.fromEntries(
      TABLE_SECTIONS.map((s) => [s, new Map((Array.isArray(rows[s]) ? rows[s] : []).map((r) => [keyOf(s, r) ?? '', r]))]),
    ) as Replay['tables'];
    this.available = data.available;
    this.canned = data.canned_analysis;
  }

  apply(op: ChangeOp): void {
    switch (op.op) {
      case 'put':
        this.tables[op.section].set(keyOf(op.section, op.record as Record<string, unknown>)!, op.record as Record<string, unknown>);
        break;
      case 'delete':
        this.tables[op.section].delete(op.id);
        break;
      case 'set':
        if (op.section === 'available') this.available = op.value;
        else this.canned = op.value;
        break;
      case 'replace':
        Object.assign(this, new Replay(op.data));
        break;
    }
  }

  data(): SandboxData {
    return {
      keys: [...this.tables.keys.values()],
      projects: [...this.tables.projects.values()],
      operators: [...this.tables.operators.values()],
      virtual_numbers: [...this.tables.virtual_numbers.values()],
      available: this.available as AvailableNumberRecord[],
      recordings: [...this.tables.recordings.values()],
      canned_analysis: this.canned as RecordingAnalysis,
    } as unknown as SandboxData;
  }
}

/**
 * Applies the journal's entries after `seq` to `tenants` (tenant id → account). Entries up to `seq`
 * are already in the snapshot and are skipped; the rest must follow it without a gap.
 * @returns the accounts (and the other tenants' meta) after the journal, and the last `seq` applied.
 * @throws SandboxDataError naming the line, for a gap, a change to a tenant that does not exist,
 * a tenant created twice, or a whole account (create, replace) that breaks the model. The records
 * changed one by one are checked by the caller, on the accounts this returns.
 */
export function replayJournal(
  tenants: ReadonlyMap<string, SandboxData>,
  metas: ReadonlyMap<string, TenantMeta>,
  seq: number,
  read: JournalRead,
  source: string,
): { tenants: Map<string, SandboxData>; metas: Map<string, TenantMeta>; seq: number; applied: number } {
  const replays = new Map([...tenants].map(([id, data]) => [id, new Replay(data)]));
  const meta = new Map(metas);
  let last = seq;
  let applied = 0;
  let previous: number | undefined;
  for (const { line, entry } of read.entries) {
    const fail = (problem: string): never => {
      throw new SandboxDataError(source, [`line ${line} (seq ${entry.seq}, tenant "${entry.tenant}"): ${problem}`]);
    };
    if (previous !== undefined && entry.seq !== previous + 1) fail(`seq does not follow ${previous} (entries are missing or out of order)`);
    previous = entry.seq;
    if (entry.seq <= seq) continue;
    if (entry.seq !== last + 1) fail(`the data file's snapshot ends at seq ${seq}, so entries ${last + 1}…${entry.seq - 1} are missing`);
    last = entry.seq;
    applied++;
    for (const [i, op] of entry.ops.entries()) {
      // A whole account in an entry is checked where it is, so its problems name this line.
      if (op.op === 'create' || op.op === 'replace') checkSandboxData(op.data, `${source}, line ${line} ops[${i}].data`);
      if (op.op === 'create') {
        if (replays.has(entry.tenant)) fail('creates a tenant that already exists');
        replays.set(entry.tenant, new Replay(op.data));
        meta.set(entry.tenant, op.meta);
      } else if (op.op === 'drop') {
        if (!replays.delete(entry.tenant)) fail('removes a tenant that does not exist');
        meta.delete(entry.tenant);
      } else {
        const replay = replays.get(entry.tenant) ?? fail('changes a tenant that does not exist');
        replay.apply(op);
      }
    }
  }
  return { tenants: new Map([...replays].map(([id, r]) => [id, r.data()])), metas: meta, seq: last, applied };
}
