/**
 * Benchmark: `PATCH /operators/42` on the sandbox vs Prism serving the same spec vs a bare
 * node:http server answering a fixed body. Same load generator (autocannon), same settings, same
 * run; each server runs in its own child process so it does not share an event loop with the load
 * generator. Prints req/s and p99 latency for each, and the ratios sandbox/Prism and sandbox/bare.
 *
 * Run after `pnpm build`: `pnpm bench`. Settings: BENCH_DURATION (s, default 10),
 * BENCH_CONNECTIONS (default 50).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { bundledSpecYamlPath } from '@identitycall/openapi';

const here = dirname(fileURLToPath(import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP = 2;
const KEY = 'idc_sandboxFullAccessxxxxxxxxxxxxxxx';
const BODY = JSON.stringify({ email: 'jane.doe+work@example.com', active: false });
const children = new Set();

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function start(name, args, env = {}) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  children.add(child);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!child.stopping) console.error(`${name} exited (${code ?? signal}):\n${output}`);
  });
  return { child, output: () => output };
}

async function waitFor(url, init, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, init);
      await res.arrayBuffer();
      if (res.status < 500) return res.status;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function load(url, duration) {
  return autocannon({
    url,
    method: 'PATCH',
    connections: CONNECTIONS,
    pipelining: 1,
    duration,
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: BODY,
  });
}

async function measure(name, url) {
  const probe = await fetch(url, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: BODY,
  });
  const sample = await probe.text();
  await load(url, WARMUP);
  const r = await load(url, DURATION);
  return {
    name,
    status: probe.status,
    bytes: sample.length,
    rps: r.requests.average,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

async function main() {
  const require = createRequire(import.meta.url);
  const mockPkg = require.resolve('@identitycall/mock/package.json');
  const prismCli = join(dirname(createRequire(mockPkg).resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
  const [sandboxPort, prismPort, barePort] = await Promise.all([freePort(), freePort(), freePort()]);

  const sandbox = start('sandbox', [join(here, '..', 'dist', 'cli.js'), '--host', '127.0.0.1', '--port', String(sandboxPort)]);
  const prism = start('prism', [prismCli, 'mock', bundledSpecYamlPath, '-h', '127.0.0.1', '-p', String(prismPort)]);
  // The practical limit: node:http answering the sandbox's own response body, fixed, without
  // reading or parsing the request body.
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}/api/v1/public/operators/42`;
  await waitFor(sandboxUrl, { headers: { authorization: `Bearer ${KEY}` } });
  const fixed = await (
    await fetch(sandboxUrl, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: BODY,
    })
  ).text();
  const bareSource = `require('node:http').createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(process.env.BODY) }); res.end(process.env.BODY); }).listen(${barePort}, '127.0.0.1');`;
  const bare = start('bare', ['-e', bareSource], { BODY: fixed });

  const prismUrl = `http://127.0.0.1:${prismPort}/operators/42`;
  const bareUrl = `http://127.0.0.1:${barePort}/operators/42`;
  await Promise.all([waitFor(prismUrl, { headers: { authorization: `Bearer ${KEY}` } }), waitFor(bareUrl)]);

  console.log(`autocannon: PATCH /operators/42, ${CONNECTIONS} connections, ${WARMUP}s warm-up + ${DURATION}s each, body ${BODY}\n`);
  const results = [];
  for (const [name, url] of [
    ['sandbox', sandboxUrl],
    ['prism', prismUrl],
    ['bare node:http', bareUrl],
  ]) {
    results.push(await measure(name, url));
  }
  for (const { stopping, child } of [sandbox, prism, bare].map((s) => ({ stopping: true, child: s.child }))) {
    child.stopping = stopping;
    child.kill('SIGTERM');
  }

  const pad = (s, n) => String(s).padEnd(n);
  console.log(`${pad('server', 16)}${pad('status', 8)}${pad('req/s', 12)}${pad('p99 ms', 9)}${pad('non-2xx', 9)}errors`);
  for (const r of results) {
    console.log(`${pad(r.name, 16)}${pad(r.status, 8)}${pad(r.rps.toFixed(0), 12)}${pad(r.p99, 9)}${pad(r.non2xx, 9)}${r.errors}`);
  }
  const [sb, pr, ba] = results;
  console.log(`\nsandbox / Prism: ${(sb.rps / pr.rps).toFixed(1)}x req/s (target >= 10x); p99 ${sb.p99} ms vs ${pr.p99} ms`);
  console.log(
    `sandbox / bare node:http: ${((sb.rps / ba.rps) * 100).toFixed(0)}% of the practical limit; p99 ${sb.p99} ms vs ${ba.p99} ms`,
  );
  if (sb.non2xx || sb.errors) console.log('warning: the sandbox answered non-2xx or errored during the run');
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
  });
