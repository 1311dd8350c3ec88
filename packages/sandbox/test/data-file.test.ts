/**
 * The data file (and seed files) are checked against the model before the sandbox starts: an
 * invalid file is refused with an error naming the file, the record and the field, the file's
 * bytes stay as they were, and the CLI exits non-zero with that message and no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SandboxDataError, loadSeedFile, startSandbox, type SandboxData } from '../src/index.js';
import { Api, CLI } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-data-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
/** Writes a data file holding the packaged seed changed by `change`; returns its path and bytes. */
function dataFileWith(change: (data: Record<string, any>) => void, format = 'identitycall-sandbox/1'): { file: string; bytes: Buffer } {
  const data = structuredClone(loadSeedFile()) as unknown as Record<string, any>;
  change(data);
  const file = join(dir, `data-${++counter}.json`);
  writeFileSync(file, `${JSON.stringify({ format, data }, null, 2)}\n`);
  return { file, bytes: readFileSync(file) };
}

const seed = loadSeedFile();
const firstOperator = seed.operators[0]!;
const firstRecording = seed.recordings[0]!;

const CASES = [
  {
    name: 'an operator whose name is null',
    change: (d: Record<string, any>) => (d.operators[0].name = null),
    message: `operators[0] (id ${firstOperator.id}): field "name" must be string, got null`,
  },
  {
    name: 'no API keys',
    change: (d: Record<string, any>) => (d.keys = []),
    message: 'keys: the account needs at least one API key (without one every request answers 401)',
  },
  {
    name: 'two operators with one id',
    change: (d: Record<string, any>) => (d.operators[1].id = d.operators[0].id),
    message: `operators[1] (id ${firstOperator.id}): duplicate operator id ${firstOperator.id} (also operators[0])`,
  },
  {
    name: 'a recording with an unknown status',
    change: (d: Record<string, any>) => (d.recordings[0].status = 'archived'),
    message: `recordings[0] (id ${firstRecording.id}): field "status" is not one of: pending, processing, completed, failed, got "archived"`,
  },
  {
    name: 'a missing section',
    change: (d: Record<string, any>) => delete d.virtual_numbers,
    message: 'virtual_numbers: the section is missing',
  },
  {
    name: 'a recording in a project that is not there',
    change: (d: Record<string, any>) => (d.recordings[0].project_id = 999),
    message: `recordings[0] (id ${firstRecording.id}): field "project_id" names project 999, which is not in the file`,
  },
  {
    name: 'a field of the wrong type inside a nested record',
    change: (d: Record<string, any>) => (d.virtual_numbers[0].stats.total_calls = 'many'),
    message: `virtual_numbers[0] (id ${seed.virtual_numbers[0]!.id}): field "stats.total_calls" must be integer, got "many"`,
  },
  {
    name: 'a field the model does not have',
    change: (d: Record<string, any>) => (d.operators[0].emial = 'x@example.com'),
    message: `operators[0] (id ${firstOperator.id}): field "emial" is not a field of this record`,
  },
];

describe('a data file that breaks the model', () => {
  it('is the packaged seed, which passes, as the base of every case', async () => {
    const { file } = dataFileWith(() => {});
    const sandbox = await startSandbox({ port: 0, dataFile: file });
    try {
      expect((await new Api(sandbox).get(`/operators/${firstOperator.id}`)).status).toBe(200);
    } finally {
      await sandbox.stop();
    }
  });

  it.each(CASES)('is refused, naming file, record and field, and left byte for byte ($name)', async ({ change, message }) => {
    const { file, bytes } = dataFileWith(change);
    const error = await startSandbox({ port: 0, dataFile: file }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SandboxDataError);
    expect((error as Error).message).toContain(`Invalid data file ${file}`);
    expect((error as SandboxDataError).problems).toContain(message);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('is refused by the CLI with exit code 1 and the message, without a stack trace', () => {
    const { file, bytes } = dataFileWith(CASES[0]!.change);
    const run = spawnSync(process.execPath, [CLI, '--port', '0', '--data', file], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Invalid data file ${file}`);
    expect(run.stderr).toContain(CASES[0]!.message);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain('Usage:');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('is refused when it is not a sandbox data file at all, and left as it is', async () => {
    const { file, bytes } = dataFileWith(() => {}, 'something-else/2');
    await expect(startSandbox({ port: 0, dataFile: file })).rejects.toThrow(/is not an identitycall sandbox data file/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('is not rewritten even with --reset when the seed is the invalid file', () => {
    const seedFile = join(dir, 'bad-seed.json');
    writeFileSync(
      seedFile,
      JSON.stringify({
        keys: [{ key: 'idc_teamSeedKey000000000000000000000' }],
        operators: [{ id: 5, name: null, phone_number: '+15555550100' }],
      }),
    );
    const dataFile = join(dir, 'untouched.json');
    const run = spawnSync(process.execPath, [CLI, '--port', '0', '--seed', seedFile, '--data', dataFile, '--reset'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Invalid seed file ${seedFile}`);
    expect(run.stderr).toContain('operators[0] (id 5): field "name" must be string, got null');
    expect(existsSync(dataFile)).toBe(false);
  });
});

describe('a seed object that breaks the model', () => {
  it.each([
    { name: 'a key list that is not a list', seed: { keys: 'all' }, message: 'keys: must be a list of records, got "all"' },
    {
      name: 'an operator that is not an object',
      seed: { keys: [{ key: 'idc_teamSeedKey000000000000000000000' }], operators: [7] },
      message: 'operators[0]: must be an object, got 7',
    },
    {
      name: 'a routing entry naming no operator',
      seed: {
        keys: [{ key: 'idc_teamSeedKey000000000000000000000' }],
        virtual_numbers: [{ id: 1, phone_number: '+15555550100', routing: [{ operator_id: 3 }] }],
      },
      message: 'virtual_numbers[0] (id 1): field "routing[0].operator_id" names operator 3, which is not in the file',
    },
  ])('is refused by startSandbox ($name)', async ({ seed: input, message }) => {
    const error = await startSandbox({ port: 0, seed: input as never }).then(
      () => undefined,
      (e: unknown) => e as SandboxDataError,
    );
    expect(error?.problems).toContain(message);
  });

  it('keeps the sandbox data type for a valid account', () => {
    const data: SandboxData = loadSeedFile();
    expect(data.keys.length).toBeGreaterThan(0);
  });
});
