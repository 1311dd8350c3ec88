/**
 * The data file and its journal. The data file (`--data <file>`) holds a snapshot of every tenant's
 * account and the `seq` of the last change in it; the journal next to it (`<file>.journal`, see
 * ./journal.ts) holds the changes made since, one appended line each. A change costs one append of
 * its own size, whatever the size of the account, and changes made while an append is running go
 * out together in the next one (group commit: one write and one fdatasync for the lot). An answer
 * waits for the append holding its change, so an acknowledged change is on disk.
 *
 * Once the journal outgrows the snapshot (and 1 MiB), the state is written to a new snapshot by
 * atomic replace (temporary file, fsync, rename, fsync of the folder) while appends go on to the
 * old journal; then the changes that arrived meanwhile are moved to a fresh journal, also by atomic
 * replace. A crash at any moment leaves a snapshot and a journal that together hold every
 * acknowledged change: entries the snapshot already holds are skipped by their `seq`.
 * @see https://man7.org/linux/man-pages/man2/rename.2.html
 * @see https://man7.org/linux/man-pages/man2/fdatasync.2.html
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, readdir, rename, truncate, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SandboxDataError, checkSandboxData } from './data-check.js';
import { DEFAULT_TENANT, encodeEntry, encodeHeader, readJournal, replayJournal, type JournalOp, type TenantMeta } from './journal.js';
import type { SandboxData } from './model.js';
import type { Store } from './store.js';

/** The data file format: the default tenant's account, the other tenants' and the last change's `seq`. */
export interface DataFile {
  format: typeof FORMAT;
  /** This snapshot's id, named by the first line of the journal that continues it. */
  id: string;
  /** The id of the snapshot this one replaced: its journal is still valid until the new one is in place. */
  previous: string | null;
  /** The last journal entry this snapshot holds; the journal's entries after it are replayed. */
  seq: number;
  /** The default tenant's account. */
  data: SandboxData;
  /** The other tenants: id, the registry's fields (meta) and the account. */
  tenants: SnapshotTenant[];
}

/** A tenant in the data file: its id, its registry's fields, and its account in `data`. */
export type SnapshotTenant = TenantMeta & { id: string; data: SandboxData };

const FORMAT = 'identitycall-sandbox/2';
/** The format before the journal: one account, rewritten whole on every change. Still read. */
const FORMAT_V1 = 'identitycall-sandbox/1';
/** The journal never triggers a compaction below this size, however small the snapshot. */
export const MIN_COMPACT_BYTES = 1024 * 1024;
let tempCounter = 0;

/** The journal of a data file. */
export const journalFileOf = (file: string): string => `${file}.journal`;

/** Makes a rename or a new file in `dir` durable; some filesystems cannot fsync a folder (then it is still atomic). */
async function syncFolder(dir: string): Promise<void> {
  try {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // Not supported here.
  }
}

/** Writes `text` to `file` atomically; `beforeRename` runs once the temporary file is on disk. */
export async function writeFileAtomic(file: string, text: string, beforeRename?: (file: string) => void): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${++tempCounter}.tmp`);
  const handle = await open(temp, 'w', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    beforeRename?.(file);
    await rename(temp, file);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncFolder(dir);
}

/** What a data file and its journal hold. */
export interface Recovered {
  /** The last change's `seq`. */
  seq: number;
  /** Every tenant's account (the default tenant's under `DEFAULT_TENANT`). */
  tenants: Map<string, SandboxData>;
  /** The other tenants' registry fields, as `addTenant`'s `meta` gave them. */
  metas: Map<string, TenantMeta>;
  /** How many journal entries were applied on top of the snapshot. */
  replayed: number;
  /** Bytes of a torn journal tail (a crash in the middle of an append) that were dropped. */
  tornBytes: number;
  /** The format the data file was in (`identitycall-sandbox/1` is migrated at start). */
  format: string;
  /** The snapshot's id (none in the first format). */
  id: string | undefined;
}

const sourceOf = (what: string, tenant: string): string => (tenant === DEFAULT_TENANT ? what : `${what}, tenant "${tenant}"`);

/**
 * Reads and checks a data file and replays its journal. Returns undefined when the data file does
 * not exist (a journal without its data file is ignored).
 * @throws Error when it exists but is not a sandbox data file; SandboxDataError when an account
 * breaks the model (naming each record and field) or the journal is damaged (naming the line).
 * The files are left as they are either way.
 */
export async function readDataFile(file: string): Promise<Recovered | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let parsed: Partial<DataFile> | { format?: unknown; data?: unknown };
  try {
    parsed = JSON.parse(text) as Partial<DataFile>;
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const shape = `expected {"format": "${FORMAT}", "id": "…", "previous": …, "seq": …, "data": {…}, "tenants": […]}`;
  if (!parsed || typeof parsed !== 'object' || !('data' in parsed))
    throw new Error(`${file} is not an identitycall sandbox data file (${shape})`);
  const raw = new Map<string, unknown>([[DEFAULT_TENANT, parsed.data]]);
  let seq = 0;
  let ids: { id: string; previous: string | null } | undefined;
  const metas = new Map<string, TenantMeta>();
  if (parsed.format === FORMAT) {
    const v2 = parsed as Partial<DataFile>;
    if (typeof v2.id !== 'string' || !(v2.previous === null || typeof v2.previous === 'string'))
      throw new Error(`${file}: field "id" must be a string and "previous" a string or null (${shape})`);
    ids = { id: v2.id, previous: v2.previous };
    if (!Number.isSafeInteger(v2.seq) || (v2.seq as number) < 0) throw new Error(`${file}: field "seq" must be a whole number (${shape})`);
    if (!Array.isArray(v2.tenants)) throw new Error(`${file}: field "tenants" must be a list of tenants (${shape})`);
    seq = v2.seq as number;
    for (const [i, t] of (v2.tenants as unknown[]).entries()) {
      const where = `${file}: tenants[${i}]`;
      if (!t || typeof t !== 'object' || Array.isArray(t)) throw new Error(`${where} must be an object {"id": …, "data": {…}}`);
      const { id, data, ...meta } = t as Record<string, unknown>;
      if (typeof id !== 'string' || id === '' || id === DEFAULT_TENANT)
        throw new Error(`${where}: field "id" must be a tenant id (not "${DEFAULT_TENANT}", whose account is "data")`);
      if (raw.has(id)) throw new Error(`${where}: tenant "${id}" appears twice`);
      raw.set(id, data);
      metas.set(id, meta);
    }
  } else if (parsed.format !== FORMAT_V1) {
    throw new Error(`${file} is not an identitycall sandbox data file (${shape})`);
  }
  const snapshot = new Map([...raw].map(([id, data]) => [id, checkSandboxData(data, sourceOf(`data file ${file}`, id))]));

  const journal = journalFileOf(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(journal);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    bytes = Buffer.alloc(0);
  }
  const read = readJournal(bytes, `journal ${journal}`);
  // The journal continues this snapshot, or the one it replaced when a compaction stopped between
  // writing the snapshot and the new journal. Any other journal is not this data file's.
  if (read.snapshot !== undefined && read.snapshot !== ids?.id && read.snapshot !== ids?.previous)
    throw new SandboxDataError(`journal ${journal}`, [
      `it continues snapshot ${read.snapshot}, but data file ${file} is ${ids ? `snapshot ${ids.id}` : 'in the format before journals'}: ` +
        'it was left by another data file. Move it away to start from the data file alone, or start with reset.',
    ]);
  const replayed = replayJournal(snapshot, metas, seq, read, `journal ${journal}`);
  const tenants =
    replayed.applied === 0
      ? replayed.tenants
      : new Map(
          [...replayed.tenants].map(([id, data]) => [
            id,
            checkSandboxData(data, sourceOf(`data file ${file} after the ${replayed.applied} changes of its journal`, id)),
          ]),
        );
  return {
    seq: replayed.seq,
    tenants,
    metas: replayed.metas,
    replayed: replayed.applied,
    tornBytes: read.tornBytes,
    format: String(parsed.format),
    id: ids?.id,
  };
}

/** Removes temporary files a killed process left next to `file` (and its journal). */
export async function removeStaleTemps(file: string): Promise<void> {
  const prefix = `.${basename(file)}.`;
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  await Promise.all(
    names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp')).map((n) => unlink(join(dirname(file), n)).catch(() => undefined)),
  );
}

/** Tuning of {@link Persistence}; the defaults are what the sandbox uses. */
export interface PersistenceOptions {
  /** The journal is compacted once it is this large and larger than the snapshot. @default MIN_COMPACT_BYTES */
  minCompactBytes?: number;
  /** Receives a failed compaction's error (the journal keeps growing and it is tried again later). */
  onError?: (error: unknown) => void;
  /**
   * Runs before a compaction renames a new file into place; what it throws fails that step. For
   * tests: it leaves the files as a crash at that moment would.
   */
  beforeReplace?: (file: string) => void;
}

/** A tenant to persist: its store, and its registry's fields (read at creation and at each compaction). */
export interface PersistedTenant {
  store: Store;
  meta?: () => TenantMeta;
}

interface Pending {
  seq: number;
  line: string;
}

/** A compaction under way: the snapshot's `seq`, and the lines appended since that go to the new journal. */
interface Compaction {
  /** The new snapshot's id, which the new journal's header names. */
  id: string;
  seq: number;
  carry: string[];
  /** The snapshot is on disk; the journal can be swapped. */
  written: boolean;
}

/** Follows the tenants' stores and keeps the data file and its journal up to date with them. */
export class Persistence {
  private readonly journal: string;
  private readonly minCompactBytes: number;
  private readonly onError: (error: unknown) => void;
  private readonly beforeReplace: ((file: string) => void) | undefined;
  private readonly tenants = new Map<string, { store: Store; meta: () => TenantMeta; unsubscribe: () => void }>();
  /** The last `seq` given to a change, and the last one on disk. */
  private seq: number;
  private durable: number;
  /**
   * The snapshot id the journal's header names. A new snapshot names it as `previous`, so the
   * journal stays valid until it is swapped, even when the swap fails.
   */
  private journalBase = '';
  private pending: Pending[] = [];
  private waiters: Array<{ seq: number; resolve: () => void; reject: (e: unknown) => void }> = [];
  private handle: FileHandle | undefined;
  /** Bytes of whole entries in the journal; after a failed append the file is cut back to this. */
  private journalBytes = 0;
  private damaged = false;
  private compactAt: number;
  private compaction: Compaction | undefined;
  private compacting: Promise<void> | undefined;
  private writing: Promise<void> | undefined;
  private failure: unknown;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    private readonly file: string,
    seq: number,
    options: PersistenceOptions,
  ) {
    this.journal = journalFileOf(file);
    this.seq = seq;
    this.durable = seq;
    this.minCompactBytes = options.minCompactBytes ?? MIN_COMPACT_BYTES;
    this.compactAt = this.minCompactBytes;
    this.onError = options.onError ?? (() => undefined);
    this.beforeReplace = options.beforeReplace;
  }

  /**
   * Writes the state of `tenants` as the data file with an empty journal, then follows them. With
   * `reset` the old files are not trusted (they may be damaged): the journal is emptied first, so
   * none of its entries can be replayed onto the new snapshot.
   */
  static async start(
    file: string,
    tenants: ReadonlyMap<string, Store | PersistedTenant>,
    recovered: { seq: number; id?: string | undefined; reset?: boolean },
    options: PersistenceOptions = {},
  ): Promise<Persistence> {
    if (!tenants.has(DEFAULT_TENANT)) throw new Error(`Persistence needs the default tenant "${DEFAULT_TENANT}"`);
    const reset = recovered.reset === true;
    const p = new Persistence(file, reset ? 0 : recovered.seq, options);
    for (const [id, t] of tenants) p.follow(id, 'store' in t ? t : { store: t });
    if (reset) {
      // The old journal goes first: no entry of it may be replayed onto the seed.
      await unlink(p.journal).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
      await syncFolder(dirname(file));
    }
    const snapshot = p.newSnapshot(reset ? null : (recovered.id ?? null));
    await writeFileAtomic(file, snapshot.text);
    await writeFileAtomic(p.journal, encodeHeader(snapshot.id));
    p.journalBase = snapshot.id;
    p.journalBytes = Buffer.byteLength(encodeHeader(snapshot.id));
    p.compactAt = Math.max(p.minCompactBytes, snapshot.text.length);
    return p;
  }

  /**
   * Adds a tenant: journals its creation with its current state and registry fields, and follows
   * its changes (a reset is its store's `replaceAll`, journalled like any change). `meta` is read
   * now and at every compaction, so fields that change without a journal entry (when it was last
   * used, say) are as fresh as the last snapshot.
   */
  addTenant(id: string, store: Store, meta: () => TenantMeta = () => ({})): void {
    if (this.tenants.has(id)) throw new Error(`Tenant "${id}" is already persisted`);
    if (id === '') throw new Error('A tenant id cannot be empty');
    this.follow(id, { store, meta });
    this.record(id, [{ op: 'create', data: store.snapshot(), meta: meta() }]);
  }

  /** Removes a tenant: journals its removal and stops following it. */
  removeTenant(id: string): void {
    if (id === DEFAULT_TENANT) throw new Error(`The default tenant "${DEFAULT_TENANT}" cannot be removed`);
    const tenant = this.tenants.get(id);
    if (!tenant) throw new Error(`Tenant "${id}" is not persisted`);
    tenant.unsubscribe();
    this.tenants.delete(id);
    this.record(id, [{ op: 'drop' }]);
  }

  /** Resolves once every change made so far is on disk; rejects when the append holding one fails. */
  sync(): Promise<void> {
    if (this.durable >= this.seq) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ seq: this.seq, resolve, reject });
      this.schedule();
    });
  }

  /** Stops following the stores once the last change is on disk. */
  async close(): Promise<void> {
    if (this.closed) return;
    for (const { unsubscribe } of this.tenants.values()) unsubscribe();
    await this.sync().catch(() => undefined);
    // A compaction under way finishes (and swaps the journal) before the files are let go.
    await this.compacting;
    await this.writing;
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
  }

  /** The last append error, if the last append failed. */
  get lastError(): unknown {
    return this.failure;
  }

  private follow(id: string, { store, meta = () => ({}) }: PersistedTenant): void {
    const unsubscribe = store.onChange((change) => this.record(id, change.ops));
    this.tenants.set(id, { store, meta, unsubscribe });
  }

  /** Gives a change its `seq` and queues its journal line (made now: records are never edited in place, but are replaced later). */
  private record(tenant: string, ops: JournalOp[]): void {
    if (ops.length === 0) return;
    const seq = ++this.seq;
    this.pending.push({ seq, line: encodeEntry({ seq, tenant, ops }) });
    this.schedule();
  }

  /** The whole state as a new snapshot with a fresh id, at the last `seq` given (every change made so far is in memory). */
  private newSnapshot(previous: string | null): { id: string; text: string } {
    const tenants: SnapshotTenant[] = [];
    for (const [id, { store, meta }] of this.tenants) if (id !== DEFAULT_TENANT) tenants.push({ ...meta(), id, data: store.snapshot() });
    const id = randomBytes(12).toString('hex');
    const doc: DataFile = {
      format: FORMAT,
      id,
      previous,
      seq: this.seq,
      data: this.tenants.get(DEFAULT_TENANT)!.store.snapshot(),
      tenants,
    };
    return { id, text: JSON.stringify(doc) };
  }

  private schedule(): void {
    if (this.writing !== undefined || this.closed) return;
    this.writing = this.loop().finally(() => {
      this.writing = undefined;
      // A change that arrived after the loop's last check starts the next round; after a failed
      // append, the next round waits a little instead of spinning on a full or read-only disk.
      if (this.pending.length === 0 && !this.compaction?.written && this.waiters.length === 0) return;
      if (this.failure === undefined) this.schedule();
      else
        this.retry ??= setTimeout(() => {
          this.retry = undefined;
          this.schedule();
        }, 500).unref();
    });
  }

  private async loop(): Promise<void> {
    // Let the changes of this turn of the event loop join the append.
    await new Promise((resolve) => setImmediate(resolve));
    for (;;) {
      if (this.compaction?.written) {
        await this.swapJournal(this.compaction);
        continue;
      }
      if (this.pending.length === 0) break;
      const batch = this.pending;
      this.pending = [];
      const bytes = Buffer.from(batch.map((e) => e.line).join(''), 'utf8');
      try {
        if (this.damaged) {
          // A failed append may have left part of its lines: cut them off before appending again.
          await truncate(this.journal, this.journalBytes);
          this.damaged = false;
        }
        this.handle ??= await open(this.journal, 'a', 0o644);
        for (let at = 0; at < bytes.length; ) at += (await this.handle.write(bytes, at)).bytesWritten;
        await this.handle.datasync();
      } catch (e) {
        this.failure = e;
        this.damaged = true;
        await this.handle?.close().catch(() => undefined);
        this.handle = undefined;
        // The changes are in memory, so they go out with the next append; their answers fail now.
        this.pending = [...batch, ...this.pending];
        const failed = this.waiters;
        this.waiters = [];
        for (const w of failed) w.reject(e);
        return;
      }
      this.failure = undefined;
      this.journalBytes += bytes.length;
      this.durable = batch.at(-1)!.seq;
      const compaction = this.compaction;
      if (compaction) for (const e of batch) if (e.seq > compaction.seq) compaction.carry.push(e.line);
      const ready = this.waiters.filter((w) => w.seq <= this.durable);
      this.waiters = this.waiters.filter((w) => w.seq > this.durable);
      for (const w of ready) w.resolve();
      if (!this.compaction && this.journalBytes >= this.compactAt) this.startCompaction();
    }
    const rest = this.waiters.filter((w) => w.seq <= this.durable);
    this.waiters = this.waiters.filter((w) => w.seq > this.durable);
    for (const w of rest) w.resolve();
  }

  /**
   * Takes a snapshot of the state now (the one synchronous step) and writes it in the background;
   * appends go on meanwhile, and the loop swaps the journal once the snapshot is on disk.
   */
  private startCompaction(): void {
    const { id, text } = this.newSnapshot(this.journalBase);
    const compaction: Compaction = { id, seq: this.seq, carry: [], written: false };
    this.compaction = compaction;
    this.compacting = writeFileAtomic(this.file, text, this.beforeReplace).then(
      () => {
        compaction.written = true;
        this.compactAt = Math.max(this.minCompactBytes, text.length);
        this.schedule();
      },
      (e: unknown) => {
        // The old snapshot and the whole journal are still there and consistent; try again later.
        this.compaction = undefined;
        this.compactAt = this.journalBytes + Math.max(this.minCompactBytes, text.length);
        this.onError(e);
      },
    );
  }

  /** Replaces the journal with the lines appended since the snapshot (runs in the loop, between appends). */
  private async swapJournal(compaction: Compaction): Promise<void> {
    this.compaction = undefined;
    const text = encodeHeader(compaction.id) + compaction.carry.join('');
    try {
      await writeFileAtomic(this.journal, text, this.beforeReplace);
    } catch (e) {
      // The old journal is still in place (entries the new snapshot holds are skipped on replay).
      this.compactAt = this.journalBytes + this.minCompactBytes;
      this.onError(e);
      return;
    }
    // Appends go to the new journal from now on.
    this.journalBase = compaction.id;
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
    this.journalBytes = Buffer.byteLength(text, 'utf8');
    this.damaged = false;
  }
}
