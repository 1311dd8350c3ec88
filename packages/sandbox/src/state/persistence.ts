/**
 * The data file: every change written to disk by atomic replace (a temporary file in the same
 * folder, fsync, rename over the old file, fsync of the folder), so a crash at any moment leaves
 * either the old state or the new one, never half of a file. Writes are grouped: changes made while
 * a write is running go out together in the next one, and an answer waits for the write holding
 * its change.
 * @see https://man7.org/linux/man-pages/man2/rename.2.html
 */
import { open, readFile, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { checkSandboxData } from './data-check.js';
import type { SandboxData } from './model.js';
import type { Store } from './store.js';

/** The data file format: a version tag and the account. */
export interface DataFile {
  format: 'identitycall-sandbox/1';
  data: SandboxData;
}

const FORMAT = 'identitycall-sandbox/1';
let tempCounter = 0;

/** Writes `text` to `file` atomically. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
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
    await rename(temp, file);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  // The rename is durable only once the folder entry is on disk.
  try {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // Some filesystems cannot fsync a folder; the rename is still atomic there.
  }
}

/**
 * Reads and checks a data file. Returns undefined when it does not exist.
 * @throws Error when it exists but is not a sandbox data file; SandboxDataError when its account
 * breaks the model (naming each record and field). The file is left as it is either way.
 */
export async function readDataFile(file: string): Promise<SandboxData | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let parsed: Partial<DataFile>;
  try {
    parsed = JSON.parse(text) as Partial<DataFile>;
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || parsed.format !== FORMAT || !('data' in parsed)) {
    throw new Error(`${file} is not an identitycall sandbox data file (expected {"format": "${FORMAT}", "data": {…}})`);
  }
  return checkSandboxData(parsed.data, `data file ${file}`);
}

/** Removes temporary files a killed process left next to `file`. */
export async function removeStaleTemps(file: string): Promise<void> {
  const prefix = `.${basename(file)}.`;
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  await Promise.all(
    names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp')).map((n) => unlink(join(dirname(file), n)).catch(() => undefined)),
  );
}

/** Follows a store and keeps `file` equal to its state. */
export class Persistence {
  private written: number;
  private writing: Promise<void> | undefined;
  private waiters: Array<{ version: number; resolve: () => void; reject: (e: unknown) => void }> = [];
  private unsubscribe: () => void;
  private failure: unknown;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly file: string,
  ) {
    this.written = store.version;
    this.unsubscribe = store.onChange(() => this.schedule());
  }

  /** Resolves once every change made so far is on disk. */
  sync(): Promise<void> {
    if (this.written >= this.store.version) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ version: this.store.version, resolve, reject });
      this.schedule();
    });
  }

  /** Writes the current state now (used at start, so the file exists from the first moment). */
  async flush(): Promise<void> {
    await writeFileAtomic(this.file, this.serialise());
    this.written = this.store.version;
  }

  /** Stops following the store after the last write. */
  async close(): Promise<void> {
    this.unsubscribe();
    await this.sync().catch(() => undefined);
    await this.writing;
    if (this.retry) clearTimeout(this.retry);
  }

  private serialise(): string {
    const doc: DataFile = { format: FORMAT, data: this.store.snapshot() };
    return JSON.stringify(doc);
  }

  private schedule(): void {
    if (this.writing !== undefined) return;
    this.writing = this.loop().finally(() => {
      this.writing = undefined;
      // A change that arrived after the loop's last check starts the next round; after a failed
      // write, the next round waits a little instead of spinning on a full or read-only disk.
      if (this.written >= this.store.version && this.waiters.length === 0) return;
      if (this.failure === undefined) this.schedule();
      else
        this.retry ??= setTimeout(() => {
          this.retry = undefined;
          this.schedule();
        }, 500).unref();
    });
  }

  private async loop(): Promise<void> {
    // Let the changes of this turn of the event loop join the write.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.written < this.store.version) {
      const version = this.store.version;
      const text = this.serialise();
      try {
        await writeFileAtomic(this.file, text);
        this.written = version;
        this.failure = undefined;
      } catch (e) {
        this.failure = e;
        const failed = this.waiters;
        this.waiters = [];
        for (const w of failed) w.reject(e);
        return;
      }
      const ready = this.waiters.filter((w) => w.version <= version);
      this.waiters = this.waiters.filter((w) => w.version > version);
      for (const w of ready) w.resolve();
    }
    const rest = this.waiters.filter((w) => w.version <= this.written);
    this.waiters = this.waiters.filter((w) => w.version > this.written);
    for (const w of rest) w.resolve();
  }

  /** The last write error, if the last write failed. */
  get lastError(): unknown {
    return this.failure;
  }
}
