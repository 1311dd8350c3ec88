/**
 * Seeded random input against every operation: random ids, query values and bodies built from the
 * spec's own property names. Every answer must be documented (or an allowed HTTP-level error),
 * never a 5xx, and the server must keep answering.
 */
import { describe, expect, it } from 'vitest';
import { resolveRef } from '@identitycall/openapi';
import { spec, useSandbox, validator } from './helpers.js';

const { api, sandbox } = useSandbox({ uploadLimits: { mp3: 2048, wav: 2048 } });

/** mulberry32: a small deterministic PRNG, so a failure replays exactly. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  '',
  ' ',
  'x',
  'Jane Doe',
  '+15555550100',
  '(415) 555-0100',
  'a@b.co',
  'not-an-email',
  'priority',
  'local',
  '😀',
  '\u0000',
  'Ω'.repeat(300),
  '42',
  '-1',
  'null',
];
const NUMBERS = [0, -1, 1, 42, 1.5, 101, 1e308, -1e308, 9007199254740993];

function randomValue(rand: () => number, depth = 0): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  switch (Math.floor(rand() * (depth > 2 ? 4 : 6))) {
    case 0:
      return pick(STRINGS);
    case 1:
      return pick(NUMBERS);
    case 2:
      return rand() < 0.5;
    case 3:
      return null;
    case 4:
      return Array.from({ length: Math.floor(rand() * 3) }, () => randomValue(rand, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: Math.floor(rand() * 3) }, (_, i) => [`k${i}`, randomValue(rand, depth + 1)]));
  }
}

/** Property names of an operation's JSON request schema (following allOf/anyOf and refs). */
function propertyNames(schema: unknown, seen = new Set<unknown>()): string[] {
  const s = resolveRef<Record<string, unknown>>(spec, schema);
  if (!s || typeof s !== 'object' || seen.has(s)) return [];
  seen.add(s);
  const own = Object.keys((s.properties as object) ?? {});
  const nested = ['allOf', 'anyOf', 'oneOf'].flatMap((k) => ((s[k] as unknown[]) ?? []).flatMap((x) => propertyNames(x, seen)));
  return [...own, ...nested];
}

const IDS = ['42', '7', '123', '1', '0', 'abc', '-5', '1e3', '01946983-4c40-7000-8000-a1b2c3d4e5f0', '%20', '9'.repeat(30)];

describe('fuzz', () => {
  it.each(validator.operations.map((op) => ({ name: op.operationId, op })))('never answers 5xx to random input ($name)', async ({ op }) => {
    const rand = prng([...op.operationId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7));
    const json = op.requestBody?.content.find((m) => m.contentType === 'application/json');
    const names = json ? propertyNames(json.schema) : [];
    for (let i = 0; i < 25; i++) {
      const path = op.path.replace(/\{[^}]+\}/g, () => IDS[Math.floor(rand() * IDS.length)]!);
      const query = op.parameters
        .filter((p) => p.in === 'query' && rand() < 0.7)
        .map((p) => `${p.name}=${encodeURIComponent(String(randomValue(rand, 3)))}`)
        .join('&');
      const url = query ? `${path}?${query}` : path;
      if (op.requestBody?.content.some((m) => m.contentType === 'multipart/form-data')) {
        const form = new FormData();
        if (rand() < 0.8) form.append('file', new Blob([new Uint8Array(Math.floor(rand() * 4096))]), rand() < 0.7 ? 'a.mp3' : 'a.exe');
        for (const field of ['project_id', 'external_id', 'language', 'name'])
          if (rand() < 0.5) form.append(field, String(randomValue(rand, 3)));
        await api().call(op.method.toUpperCase(), url, { form });
        continue;
      }
      const body =
        json === undefined
          ? undefined
          : rand() < 0.15
            ? randomValue(rand)
            : Object.fromEntries(names.filter(() => rand() < 0.6).map((n) => [n, randomValue(rand)]));
      await api().call(op.method.toUpperCase(), url, body === undefined ? {} : { json: body });
    }
    await sandbox().reset();
  });

  it('is still up after all of it', async () => {
    expect((await api().get('/operators/42')).status).toBe(200);
  });
});
