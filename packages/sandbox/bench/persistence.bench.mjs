/**
 * Benchmark: does a write with `--data` cost the same however much data there is? For accounts of
 * about 1k, 10k and 30k operators (written straight into a data file, so seeding is quick), it
 * measures `POST /operators` throughput with 20 parallel connections against the CLI with `--data`
 * and, in the same run, against the CLI holding the same account in memory only. Each server runs
 * in its own child process; both are up at once and get their bursts of creates in turn, a few
 * rounds each, and the best round of each counts (on a shared machine the best round is the one
 * least disturbed by other work; the table also shows the spread).
 *
 * Targets (exit code 1 when missed): with `--data`, at 30k operators at least 50% of the in-memory
 * throughput, and no more than 20% below the `--data` throughput at 1k.
 *
 * Run after `pnpm build`: `pnpm bench`. Settings: BENCH_SECONDS (length of a burst, default 3),
 * BENCH_ROUNDS (bursts per server, default 3), BENCH_SIZES (default 1000,10000,30000). The
 * account grows by what the bursts create; the table shows how many operators the --data server
 * had at the end.
 */
import { spawn } from 'node:child_process';
import { closeSync, fdatasyncSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadSeedFile } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const CLI = join(here, '..', 'dist', 'cli.js');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP = 500;
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,30000').split(',').map(Number);
const CONNECTIONS = 20;
const KEY = 'idc_sandboxFullAccessxxxxxxxxxxxxxxx';
const MIN_RATIO = 0.5;
const MAX_DROP = 0.2;
const children = new Set();
const dir = mkdtempSync(join(tmpdir(), 'sandbox-persistence-bench-'));

/** The packaged seed with operators added up to `count`. */
function accountWith(count) {
  const data = loadSeedFile();
  const template = data.operators[0];
  let id = Math.max(...data.operators.map((o) => o.id));
  while (data.operators.length < count) {
    id++;
    data.operators.push({
      ...template,
      id,
      name: `Seeded Operator ${id}`,
      phone_number: `+1555${String(id).padStart(7, '0')}`,
      email: `operator${id}@example.com`,
      project_ids: [],
    });
  }
  return data;
}

/** Starts the CLI and resolves with its API URL once it prints it. */
function startCli(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--host', '127.0.0.1', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    const onData = (d) => {
      output += d;
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) resolve({ child, url: m[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (!child.stopping) reject(new Error(`sandbox exited (${code ?? signal}):\n${output}`));
    });
  });
}

function stopCli({ child }) {
  return new Promise((resolve) => {
    child.stopping = true;
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** Creates for `seconds` (or `amount` of them, for the warm-up) over CONNECTIONS connections. */
function creates(url, { seconds, amount }) {
  let n = 0;
  return autocannon({
    url: `${url}/operators`,
    method: 'POST',
    connections: CONNECTIONS,
    pipelining: 1,
    ...(seconds === undefined ? { amount } : { duration: seconds }),
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    setupClient(client) {
      client.setBody(JSON.stringify({ name: `Bench ${++n}`, phone_number: '+15555550100' }));
    },
  });
}

/**
 * One burst of creates: creates/s, p99 latency (ms) and failures. A burst runs for a fixed time
 * and counts answers (autocannon ends a fixed-amount run on a whole second, too coarse here).
 */
async function burst(url) {
  const started = performance.now();
  const r = await creates(url, { seconds: SECONDS });
  const elapsed = (performance.now() - started) / 1000;
  return { rps: r['2xx'] / elapsed, count: r['2xx'], p99: r.latency.p99, failed: r.non2xx + r.errors + r.timeouts };
}

/** The best of the rounds (by creates/s), the worst, and the failures of all. */
function summary(bursts) {
  const sorted = [...bursts].sort((a, b) => b.rps - a.rps);
  return {
    ...sorted[0],
    worst: sorted.at(-1).rps,
    created: bursts.reduce((n, b) => n + b.count, 0),
    failed: bursts.reduce((n, b) => n + b.failed, 0),
  };
}

/** Creates/s in memory and with `--data` for the account in `seedFile`, in alternating bursts. */
async function measure(seedFile, dataFile) {
  const memoryServer = await startCli(['--seed', seedFile]);
  const dataServer = await startCli(['--seed', seedFile, '--data', dataFile]);
  try {
    await creates(memoryServer.url, { amount: WARMUP });
    await creates(dataServer.url, { amount: WARMUP });
    const memory = [];
    const persisted = [];
    for (let round = 0; round < ROUNDS; round++) {
      memory.push(await burst(memoryServer.url));
      persisted.push(await burst(dataServer.url));
    }
    return { memory: summary(memory), persisted: summary(persisted) };
  } finally {
    await Promise.all([stopCli(memoryServer), stopCli(dataServer)]);
  }
}

/**
 * The median time of a 4 KB append + fdatasync in the bench's folder, in ms: the floor under a
 * --data write, and what other work on the machine slows down.
 */
function syncLatency() {
  const file = join(dir, 'sync-probe');
  const fd = openSync(file, 'a');
  const block = Buffer.alloc(4096, 0x61);
  const times = [];
  for (let i = 0; i < 100; i++) {
    const started = performance.now();
    writeSync(fd, block);
    fdatasyncSync(fd);
    times.push(performance.now() - started);
  }
  closeSync(fd);
  rmSync(file);
  times.sort((a, b) => a - b);
  return `${times[50].toFixed(2)} ms (p90 ${times[90].toFixed(2)})`;
}

async function main() {
  console.log(
    `POST /operators, ${CONNECTIONS} connections; per server ${WARMUP} warm-up creates, then ${ROUNDS} bursts of ${SECONDS} s ` +
      'alternating between the in-memory and the --data server (best burst counts, worst in brackets); ' +
      `${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at start; append + fdatasync ${syncLatency()}\n`,
  );
  const rows = [];
  for (const [i, size] of SIZES.entries()) {
    const data = accountWith(size);
    const seedFile = join(dir, `seed-${i}.json`);
    const dataFile = join(dir, `data-${i}.json`);
    writeFileSync(seedFile, JSON.stringify(data));
    // A data file in the first format (one account, no journal): the sandbox migrates it at start.
    writeFileSync(dataFile, JSON.stringify({ format: 'identitycall-sandbox/1', data }));
    const dataBytes = statSync(dataFile).size;
    const { memory, persisted } = await measure(seedFile, dataFile);
    // The snapshot written at start has seq 0: a larger one shows a compaction ran during the run.
    const seq = JSON.parse(readFileSync(dataFile, 'utf8')).seq;
    rows.push({ size, dataBytes, memory, persisted, ratio: persisted.rps / memory.rps, compacted: seq });
  }

  const pad = (s, n) => String(s).padEnd(n);
  const first = rows[0];
  console.log(
    `${pad('operators', 11)}${pad('data file', 11)}${pad('memory/s', 16)}${pad('--data/s', 16)}${pad('--data/memory', 15)}${pad(`vs ${first.size}`, 10)}${pad('p99 ms (mem/data)', 19)}${pad('failed', 8)}${pad('--data end', 12)}snapshot seq after`,
  );
  for (const r of rows) {
    const vsFirst = r.persisted.rps / first.persisted.rps;
    console.log(
      `${pad(r.size, 11)}${pad(`${(r.dataBytes / 1e6).toFixed(2)} MB`, 11)}${pad(`${r.memory.rps.toFixed(0)} (${r.memory.worst.toFixed(0)})`, 16)}${pad(`${r.persisted.rps.toFixed(0)} (${r.persisted.worst.toFixed(0)})`, 16)}${pad(`${(r.ratio * 100).toFixed(0)}%`, 15)}${pad(`${(vsFirst * 100).toFixed(0)}%`, 10)}${pad(`${r.memory.p99}/${r.persisted.p99}`, 19)}${pad(r.memory.failed + r.persisted.failed, 8)}${pad(r.size + WARMUP + r.persisted.created, 12)}${r.compacted}`,
    );
  }
  console.log(
    `load average at end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; append + fdatasync ${syncLatency()}`,
  );

  const last = rows.at(-1);
  const problems = [];
  if (last.ratio < MIN_RATIO)
    problems.push(
      `at ${last.size} operators --data reaches ${(last.ratio * 100).toFixed(0)}% of in-memory throughput (target >= ${MIN_RATIO * 100}%)`,
    );
  const drop = 1 - last.persisted.rps / first.persisted.rps;
  if (drop > MAX_DROP)
    problems.push(
      `at ${last.size} operators --data is ${(drop * 100).toFixed(0)}% slower than at ${first.size} (target: at most ${MAX_DROP * 100}% slower)`,
    );
  for (const r of rows) if (r.memory.failed + r.persisted.failed > 0) problems.push(`${r.size} operators: some creates failed`);
  if (problems.length) {
    console.log(`\nTARGETS MISSED:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(
      `\nTargets met: at ${last.size} operators --data runs at ${(last.ratio * 100).toFixed(0)}% of in-memory (>= ${MIN_RATIO * 100}%) and ${(drop * 100).toFixed(0)}% below ${first.size} (<= ${MAX_DROP * 100}%).`,
    );
  }
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const child of children) {
      child.stopping = true;
      child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  });
