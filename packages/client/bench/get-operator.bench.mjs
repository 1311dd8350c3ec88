#!/usr/bin/env node
/**
 * Benchmark: median latency of `client.operators.get(42)` against the two layers below it, on the
 * same local HTTP server answering a fixed valid body, interleaved in one run (the order rotates
 * every round so no series always goes first): openapi-fetch alone (no retries, timeouts or typed
 * errors), which the client is built on, and a raw `fetch` + `json()` of the same URL. A third
 * reference, raw fetch with a timeout signal, shows what any hand-written client with a timeout
 * pays (in Node.js every signal-following Request costs several µs).
 *
 * Target: client / openapi-fetch ≤ 1.05× — what the client adds (retries, timeouts, typed errors,
 * the success-body check) on a call that needs none of them. Every ratio comes from medians of the
 * same run. Wall-clock ratios move with the machine's load, so a miss exits 0 unless
 * BENCH_ENFORCE=1 (for a quiet machine that should fail on it). Needs the build (`pnpm run build`).
 */
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import createClient from 'openapi-fetch';
import { createIdentityCallClient } from '../dist/index.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5_000);
const WARMUP = 500;
const TIME_BUDGET_MS = 25_000;
const KEY = 'idc_benchmark000000000000000000000000';

const body = JSON.stringify({
  data: {
    id: 42,
    name: 'Jane Doe',
    phone_number: '+15551234567',
    email: 'jane.doe@example.com',
    active: true,
    initials: 'JD',
    virtual_numbers: [{ id: 101, phone_number: '+15558675309', name: 'Sales line', active: true }],
  },
});
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${server.address().port}`;

const client = createIdentityCallClient({ apiKey: KEY, baseUrl });
const headers = { Authorization: `Bearer ${KEY}` };
const url = `${baseUrl}/operators/42`;

const bare = createClient({ baseUrl, headers });
const viaClient = () => client.operators.get(42);
const viaOpenapiFetch = async () => (await bare.GET('/operators/{id}', { params: { path: { id: 42 } } })).data.data;
const viaFetch = async () => {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()).data;
};

async function time(fn) {
  const start = performance.now();
  const result = await fn();
  const elapsed = performance.now() - start;
  if (result.id !== 42) throw new Error('unexpected body');
  return elapsed;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const viaFetchWithTimeout = async () => {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()).data;
};
const series = { fetch: viaFetch, client: viaClient, openapiFetch: viaOpenapiFetch, fetchWithTimeout: viaFetchWithTimeout };
const names = Object.keys(series);
for (let i = 0; i < WARMUP; i++) for (const name of names) await series[name]();

const samples = Object.fromEntries(names.map((name) => [name, []]));
const started = performance.now();
for (let i = 0; i < ROUNDS && performance.now() - started < TIME_BUDGET_MS; i++) {
  for (let j = 0; j < names.length; j++) {
    const name = names[(i + j) % names.length];
    samples[name].push(await time(series[name]));
  }
}
server.closeAllConnections();
server.close();

const raw = median(samples.fetch);
const sdk = median(samples.client);
const below = median(samples.openapiFetch);
const TARGET = 1.05;
const overLayer = sdk / below;
const us = (ms) => `${(ms * 1000).toFixed(1)} µs`;
const line = (label, value) => console.log(`${label}:`.padEnd(36) + value);
line('rounds', `${samples.client.length} (interleaved, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
line('raw fetch median', us(raw));
line('openapi-fetch alone median', us(below));
line('client.operators.get median', us(sdk));
line('raw fetch + timeout signal median', `${us(median(samples.fetchWithTimeout))} (reference)`);
line('ratio openapi-fetch / raw fetch', `${(below / raw).toFixed(3)}× (the layer below)`);
line('ratio client / raw fetch', `${(sdk / raw).toFixed(3)}×`);
line(
  'ratio client / openapi-fetch',
  `${overLayer.toFixed(3)}× (target ≤ ${TARGET.toFixed(2)}×) ${overLayer <= TARGET ? 'met' : 'NOT met'}`,
);
if (overLayer > TARGET && process.env.BENCH_ENFORCE === '1') process.exitCode = 1;
