/**
 * The journal and its compaction, without HTTP: what a store does is what a restart reads back
 * (replay), compaction keeps the changes made while it runs, a torn tail is dropped, damage and a
 * journal from another data file are refused with the line named and nothing rewritten, a data
 * file of the first format loads, and tenants are journalled. A crash inside a compaction is made
 * by failing one of its renames (`beforeReplace`), which leaves the files exactly as a crash at
 * that moment would.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SandboxDataError } from './data-check.js';
import { DEFAULT_TENANT, encodeEntry } from './journal.js';
import type { SandboxData } from './model.js';
import { Persistence, journalFileOf, readDataFile, type PersistenceOptions } from './persistence.js';
import { loadSeedFile } from './seed.js';
import { Store } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;
const seed = loadSeedFile();

/** A fresh data file path and a sandbox-like start on it: a store on the seed (or the file) and persistence. */
async function open(
  file = join(dir, `data-${++counter}.json`),
  options: PersistenceOptions = {},
): Promise<{ file: string; store: Store; p: Persistence }> {
  const recovered = await readDataFile(file);
  const store = new Store(recovered?.tenants.get(DEFAULT_TENANT) ?? seed);
  const p = await Persistence.start(file, new Map([[DEFAULT_TENANT, store]]), { seq: recovered?.seq ?? 0, id: recovered?.id }, options);
  return { file, store, p };
}

const operator = (name: string) => ({ name, phone_number: '+15555550100', email: null, active: true, project_ids: [] });

/** Every kind of change: create, update, delete (with routing cascade), purchase (the catalogue) and a project. */
function changeEverything(store: Store): void {
  const created = store.operators.create(operator('Journalled'));
  store.operators.update(created.id, { name: 'Journalled twice', email: 'j@example.com' });
  store.operators.delete(seed.operators[0]!.id);
  const offer = store.numbers.available()[0]!;
  expect(
    store.numbers.purchase(offer.phone_number, { name: 'Bought', number_type: null, upfront_cost: null, monthly_cost: null }, null),
  ).toBeDefined();
  const { id: _id, created_at: _c, updated_at: _u, ...fields } = seed.projects[0]!;
  store.projects.create({ ...fields, name: 'Journal project' });
}

describe('journal', () => {
  it('a restart reads back exactly the state the store had (replay)', async () => {
    const { file, store, p } = await open();
    changeEverything(store);
    await p.sync();
    const expected = store.snapshot();
    await p.close();
    const recovered = await readDataFile(file);
    expect(recovered?.replayed).toBeGreaterThan(0);
    expect(recovered?.tenants.get(DEFAULT_TENANT)).toEqual(JSON.parse(JSON.stringify(expected)));
    // Each line is checksummed JSON naming its tenant.
    const lines = readFileSync(journalFileOf(file), 'utf8').trim().split('\n');
    expect(lines[1]).toMatch(/^[0-9a-f]{8} \{"seq":1,"tenant":"default","ops":\[/);
  });

  it('journals a reset as one entry, and a restart after it sees the seed', async () => {
    const { file, store, p } = await open();
    changeEverything(store);
    store.replaceAll(seed);
    await p.close();
    expect((await readDataFile(file))?.tenants.get(DEFAULT_TENANT)).toEqual(JSON.parse(JSON.stringify(seed)));
  });

  it('compacts once the journal outgrows the snapshot, keeping changes made during compaction', { timeout: 120_000 }, async () => {
    const { file, store, p } = await open(undefined, { minCompactBytes: 1 });
    const snapshotBytes = readFileSync(file).length;
    const names: string[] = [];
    // Enough appends for several compactions; each batch is awaited so that appends and
    // compactions interleave.
    for (let i = 0; i < 400; i++) {
      const name = `Compacted ${i}`;
      names.push(name);
      store.operators.create(operator(name));
      if (i % 4 === 0) await p.sync();
    }
    await p.sync();
    const expected = JSON.parse(JSON.stringify(store.snapshot())) as SandboxData;
    await p.close();
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.seq, 'a compaction moved changes into the snapshot').toBeGreaterThan(0);
    // The journal holds only what the snapshot does not: far less than 400 entries.
    const journal = readFileSync(journalFileOf(file), 'utf8');
    expect(journal.length).toBeLessThan(2 * Math.max(snapshotBytes, readFileSync(file).length));
    expect(JSON.parse(journal.slice(9, journal.indexOf('\n'))).snapshot).toBe(doc.id);
    const recovered = await readDataFile(file);
    expect(recovered?.tenants.get(DEFAULT_TENANT)).toEqual(expected);
    expect(recovered?.tenants.get(DEFAULT_TENANT)?.operators.map((o) => o.name)).toEqual(expect.arrayContaining(names));
  });

  it.each([
    { step: 'the new snapshot', target: /data-\d+\.json$/ },
    { step: 'the new journal', target: /\.journal$/ },
  ])('loses nothing when a compaction stops before $step is renamed into place', { timeout: 120_000 }, async ({ target }) => {
    const errors: unknown[] = [];
    const { file, store, p } = await open(undefined, {
      minCompactBytes: 1,
      onError: (e) => errors.push(e),
      beforeReplace: (to) => {
        if (target.test(to)) throw new Error(`simulated crash before renaming onto ${to}`);
      },
    });
    for (let i = 0; i < 300; i++) {
      store.operators.create(operator(`Crash ${i}`));
      if (i % 5 === 0) await p.sync();
    }
    await p.sync();
    await p.close();
    expect(errors.length, 'compactions were attempted and failed').toBeGreaterThan(0);
    const recovered = await readDataFile(file);
    expect(recovered?.tenants.get(DEFAULT_TENANT)).toEqual(JSON.parse(JSON.stringify(store.snapshot())));
  });

  it('drops a torn tail (a crash mid-append), starts, and appends after the good lines', async () => {
    const { file, store, p } = await open();
    store.operators.create(operator('Before the crash'));
    await p.sync();
    const expected = JSON.parse(JSON.stringify(store.snapshot()));
    await p.close();
    const journal = journalFileOf(file);
    const cut = encodeEntry({ seq: 2, tenant: DEFAULT_TENANT, ops: [{ op: 'put', section: 'operators', record: { id: 999 } }] });
    appendFileSync(journal, cut.slice(0, 40));
    let recovered = await readDataFile(file);
    expect(recovered?.tornBytes).toBe(40);
    expect(recovered?.tenants.get(DEFAULT_TENANT)).toEqual(expected);
    // A whole line with a bad checksum and zeros (blocks allocated, never written) are torn too.
    appendFileSync(journal, `\n${cut.replace(/^[0-9a-f]{8}/, '00000000')}\0\0\0\0`);
    recovered = await readDataFile(file);
    expect(recovered?.tenants.get(DEFAULT_TENANT)).toEqual(expected);

    const again = await open(file);
    again.store.operators.create(operator('After the crash'));
    await again.p.close();
    const names = (await readDataFile(file))?.tenants.get(DEFAULT_TENANT)?.operators.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Before the crash', 'After the crash']));
  });

  it('refuses a damaged line that has good lines after it, naming the line, and leaves the files alone', async () => {
    const { file, store, p } = await open();
    for (const name of ['One', 'Two', 'Three']) {
      store.operators.create(operator(name));
      await p.sync();
    }
    await p.close();
    const journal = journalFileOf(file);
    const lines = readFileSync(journal, 'utf8').split('\n');
    lines[2] = lines[2]!.replace('"Two"', '"Twx"');
    writeFileSync(journal, lines.join('\n'));
    const bytes = readFileSync(journal);
    const error = await readDataFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxDataError);
    expect((error as Error).message).toContain(`journal ${journal}`);
    expect((error as Error).message).toContain('line 3 does not match its checksum');
    expect(readFileSync(journal)).toEqual(bytes);
  });

  it('refuses a journal entry that breaks the model, naming the record and field', async () => {
    const { file, p } = await open();
    await p.close();
    const bad = { ...seed.operators[1]!, name: null };
    appendFileSync(
      journalFileOf(file),
      encodeEntry({ seq: 1, tenant: DEFAULT_TENANT, ops: [{ op: 'put', section: 'operators', record: bad }] }),
    );
    await expect(readDataFile(file)).rejects.toThrow(
      /after the 1 changes of its journal[\s\S]*operators\[1\] \(id \d+\): field "name" must be string, got null/,
    );
  });

  it('refuses a journal left by another data file instead of replaying it', async () => {
    const a = await open();
    a.store.operators.create(operator('Only in A'));
    await a.p.close();
    const b = await open();
    await b.p.close();
    writeFileSync(journalFileOf(b.file), readFileSync(journalFileOf(a.file)));
    await expect(readDataFile(b.file)).rejects.toThrow(/it continues snapshot \w+, but data file .* is snapshot \w+/);
  });

  it('loads a data file of the first format (no journal) and rewrites it in the current one at start', async () => {
    const file = join(dir, `v1-${++counter}.json`);
    const data = JSON.parse(JSON.stringify(seed)) as SandboxData;
    data.operators[0]!.name = 'From format 1';
    writeFileSync(file, JSON.stringify({ format: 'identitycall-sandbox/1', data }));
    const { store, p } = await open(file);
    expect(store.operators.get(data.operators[0]!.id)?.name).toBe('From format 1');
    await p.close();
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc).toMatchObject({ format: 'identitycall-sandbox/2', seq: 0, tenants: [] });
    expect(doc.data).toEqual(data);
  });

  it('journals tenants: creation with their state, their changes, and removal', async () => {
    const { file, p } = await open();
    const acme = new Store(seed);
    acme.operators.update(seed.operators[0]!.id, { name: 'Acme before journal' });
    let lastUsed = '2026-01-01T00:00:00Z';
    p.addTenant('acme', acme, () => ({ created_at: '2026-01-01T00:00:00Z', last_used_at: lastUsed }));
    acme.operators.create(operator('Acme operator'));
    const temp = new Store(seed);
    p.addTenant('temp', temp);
    p.removeTenant('temp');
    await p.close();
    let recovered = await readDataFile(file);
    expect([...(recovered?.tenants.keys() ?? [])].sort()).toEqual(['acme', DEFAULT_TENANT]);
    expect(recovered?.tenants.get('acme')).toEqual(JSON.parse(JSON.stringify(acme.snapshot())));
    expect(recovered?.tenants.get(DEFAULT_TENANT)?.operators.map((o) => o.name)).not.toContain('Acme operator');
    expect(recovered?.metas.get('acme')).toEqual({ created_at: '2026-01-01T00:00:00Z', last_used_at: '2026-01-01T00:00:00Z' });

    // After a compaction (a start), tenants are in the snapshot with their meta as it is then.
    lastUsed = '2026-01-02T00:00:00Z';
    const stores = new Map(
      [...(recovered?.tenants ?? [])].map(([id, data]) => [
        id,
        { store: new Store(data), meta: () => ({ ...recovered?.metas.get(id), last_used_at: lastUsed }) },
      ]),
    );
    const again = await Persistence.start(file, stores, { seq: recovered!.seq, id: recovered!.id });
    await again.close();
    const tenants = JSON.parse(readFileSync(file, 'utf8')).tenants;
    expect(tenants).toHaveLength(1);
    expect(tenants[0]).toMatchObject({ id: 'acme', created_at: '2026-01-01T00:00:00Z', last_used_at: lastUsed });
    recovered = await readDataFile(file);
    expect(recovered?.tenants.get('acme')?.operators.map((o) => o.name)).toContain('Acme operator');
    expect(recovered?.metas.get('acme')).toMatchObject({ last_used_at: lastUsed });
  });
});
