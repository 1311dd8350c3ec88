#!/usr/bin/env node
/**
 * Benchmark: median latency of `client.operators.get(42)` against a raw `fetch` + `json()` of the
 * same URL, on the same local HTTP server answering a fixed valid body, interleaved in one run (the
 * order rotates every round so no side always goes first). Prints the ratio; target ≤ 1.10×.
 * Two reference series run in the same rounds: openapi-fetch alone (no retries, timeouts or typed
 * errors), the layer below the client; and raw fetch with a timeout signal, what any hand-written
 * client with a timeout pays (in Node.js each signal-following Request costs ~10 µs).
 * Needs the build (`pnpm run build`). A benchmark, not a test: it always exits 0.
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
const ratio = sdk / raw;
const us = (ms) => `${(ms * 1000).toFixed(1)} µs`;
const line = (label, value) => console.log(`${label}:`.padEnd(36) + value);
line('rounds', `${samples.client.length} (interleaved, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
line('raw fetch median', us(raw));
line('client.operators.get median', us(sdk));
line('openapi-fetch alone median', `${us(median(samples.openapiFetch))} (${(median(samples.openapiFetch) / raw).toFixed(3)}×, reference)`);
line(
  'raw fetch + timeout signal median',
  `${us(median(samples.fetchWithTimeout))} (${(median(samples.fetchWithTimeout) / raw).toFixed(3)}×, reference)`,
);
line('ratio client / raw fetch', `${ratio.toFixed(3)}× (target ≤ 1.10×, goal 1.05×) ${ratio <= 1.1 ? 'met' : 'NOT met'}`);
