#!/usr/bin/env node
/**
 * `pnpm test:remote-cache`: two CI runners sharing turbo's cache through a self-hosted remote
 * cache (turborepo-remote-cache from the npm registry, on 127.0.0.1).
 *
 * Two fresh `git clone`s of HEAD are installed; the first builds (and uploads), the second must
 * then get **every** task of `turbo run build` from the remote cache — read from turbo's own run
 * summary (`--summarize`). Remote caching is configured only through TURBO_API, TURBO_TOKEN and
 * TURBO_TEAM. When a task misses, the inputs whose hashes differ between the clones are printed.
 *
 * Options: --keep (keep the temp folder). See ecosystem-tests/README.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { diffTasks, formatTasks, readSummary } from './lib/turbo-summary.mjs';
import { StepError, Supervisor } from './lib/supervisor.mjs';
import { CACHE_DIR, cleanEnv, freePort, pnpmCommand, poll, ROOT } from './lib/workspace.mjs';

const REMOTE_CACHE = 'turborepo-remote-cache@2';
const { values: options } = parseArgs({ options: { keep: { type: 'boolean' } } });
const sup = new Supervisor();
sup.onSignals();
const work = mkdtempSync(join(tmpdir(), 'identitycall-remote-cache-'));
sup.defer(() => (options.keep ? console.log(`kept ${work}`) : rmSync(work, { recursive: true, force: true })));
const timings = [];

/** Runs `fn` as a named step and records how long it took. */
async function step(name, fn) {
  console.log(`::: ${name}`);
  const started = Date.now();
  try {
    return await fn();
  } finally {
    timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

async function startRemoteCache(token) {
  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await startRemoteCacheOnce(token, await freePort()); // PORT comes from its environment
    } catch (error) {
      if (!/EADDRINUSE/.test(error.output ?? '')) throw error; // only a port taken since freePort() is retried
      lastError = error;
    }
  }
  throw lastError;
}

async function startRemoteCacheOnce(token, port) {
  const env = cleanEnv({
    npm_config_cache: join(CACHE_DIR, 'npm'),
    HOST: '127.0.0.1',
    PORT: String(port),
    STORAGE_PROVIDER: 'local',
    STORAGE_PATH: join(work, 'remote-cache-storage'),
    TURBO_TOKEN: token,
    LOG_LEVEL: 'warn',
  });
  const child = sup.spawn('npx', ['-y', REMOTE_CACHE], { cwd: work, env, label: REMOTE_CACHE });
  const url = `http://127.0.0.1:${port}`;
  await poll(
    async () => child.exitStatus || (await fetch(`${url}/v8/artifacts/status`, { headers: { authorization: `Bearer ${token}` } })).ok,
    {
      timeoutMs: 5 * 60_000,
      message: `${REMOTE_CACHE} did not answer on ${url}`,
    },
  ).catch(async (error) => {
    await child.stop();
    throw new StepError(error.message, child.output);
  });
  if (child.exitStatus) throw new StepError(`${REMOTE_CACHE} exited`, child.output);
  return { url, child };
}

async function cloneAndInstall(name, head) {
  const dir = join(work, name);
  await sup.mustRun('git', ['clone', '--quiet', '--no-checkout', ROOT, dir], { label: `git clone (${name})` });
  await sup.mustRun('git', ['-C', dir, 'checkout', '--quiet', '--detach', head], { label: `git checkout (${name})` });
  const [cmd, pre] = pnpmCommand();
  await sup.mustRun(cmd, [...pre, 'install', '--frozen-lockfile'], {
    cwd: dir,
    env: cleanEnv({ CI: 'true' }),
    label: `pnpm install (${name})`,
    timeoutMs: 20 * 60_000,
  });
  return dir;
}

async function build(dir, name, remote) {
  const env = cleanEnv({ CI: 'true', TURBO_API: remote.url, TURBO_TOKEN: remote.token, TURBO_TEAM: 'identitycall-ci' });
  const [cmd, pre] = pnpmCommand();
  await sup.mustRun(cmd, [...pre, 'exec', 'turbo', 'run', 'build', '--summarize'], {
    cwd: dir,
    env,
    label: `turbo run build (${name})`,
    timeoutMs: 30 * 60_000,
  });
  return readSummary(dir);
}

async function main() {
  const head = (await sup.mustRun('git', ['rev-parse', 'HEAD'], { cwd: ROOT, label: 'git rev-parse HEAD' })).output.trim();
  const token = randomBytes(24).toString('hex');
  const server = await step(`start ${REMOTE_CACHE} on 127.0.0.1`, () => startRemoteCache(token));
  const remote = { url: server.url, token };
  console.log(`remote cache at ${remote.url}; commit ${head}`);
  const [first, second] = await step('clone HEAD twice and install both', () =>
    Promise.all([cloneAndInstall('runner-a', head), cloneAndInstall('runner-b', head)]),
  );
  const a = await step('runner A: turbo run build (uploads)', () => build(first, 'runner-a', remote));
  const b = await step('runner B: turbo run build (must hit the remote cache)', () => build(second, 'runner-b', remote));

  console.log(`\n${formatTasks(a, b)}\n`);
  const problems = [];
  if (a.tasks.length === 0) problems.push('runner A ran no tasks');
  if (a.tasks.every((t) => t.cache.status === 'HIT')) {
    problems.push('runner A hit the cache for every task, so this run cannot show that runner B used what A uploaded');
  }
  const missing = b.tasks.filter((t) => !(t.cache.status === 'HIT' && t.cache.source === 'REMOTE'));
  for (const task of missing) {
    problems.push(
      `runner B: ${task.taskId} was not a remote cache hit (status ${task.cache.status}, source ${task.cache.source ?? 'none'})`,
    );
  }
  const aIds = a.tasks
    .map((t) => t.taskId)
    .sort()
    .join(',');
  if (
    aIds !==
    b.tasks
      .map((t) => t.taskId)
      .sort()
      .join(',')
  )
    problems.push('the two runners ran different task lists');
  if (missing.length > 0)
    console.log(
      `Why the hashes differ between the clones:\n${diffTasks(a, b, missing).join('\n') || '  (no input differs: look at the global hash inputs above)'}`,
    );
  if (problems.length > 0) throw new StepError(problems[0], problems.join('\n'));
  return `runner B: ${b.tasks.length}/${b.tasks.length} tasks were remote cache hits (runner A: ${a.tasks.filter((t) => t.cache.status !== 'HIT').length} misses)`;
}

let ok = false;
try {
  console.log(`test:remote-cache: ${await main()}`);
  ok = true;
} catch (error) {
  console.log(`test:remote-cache FAILED: ${error.message}`);
  if (error instanceof StepError && error.output) console.log(error.output.split('\n').slice(-60).join('\n'));
  else if (!(error instanceof StepError)) console.log(error.stack);
} finally {
  await step('stop the server, delete the clones', () => sup.close());
}
console.log(`timings: ${timings.join('; ')}`);
process.exitCode = ok ? 0 : 1;
