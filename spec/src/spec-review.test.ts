/**
 * The review rules every operation must meet: operationId, tag, summary, description, security,
 * permission, provenance, documented errors.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listInferred, listOperations, loadSpec, missingProvenance } from './index.js';

const doc = loadSpec();
const operations = listOperations(doc);
const raw = (path: string, method: string) => (doc.paths[path] as Record<string, Record<string, unknown>>)[method]!;

describe('spec review rules', () => {
  it('is OpenAPI 3.1 with the production server', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.servers?.[0]?.url).toBe('https://api.identitycall.ai/api/v1/public');
  });

  it('has unique operationIds', () => {
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(operations)('$operationId has tag, summary, description, security and permission', (op) => {
    const source = raw(op.path, op.method);
    expect(op.tags.length).toBeGreaterThan(0);
    expect(op.summary.length).toBeGreaterThan(0);
    expect(String(source.description ?? '').trim().length).toBeGreaterThan(20);
    expect(Array.isArray(source.security)).toBe(true);
    expect(op.secured).toBe(true);
    expect(['read', 'write', 'delete']).toContain(op.permission);
  });

  it.each(operations)('$operationId documents 401, 403, 429 and a success status', (op) => {
    const statuses = op.responses.map((r) => r.status);
    expect(statuses).toEqual(expect.arrayContaining(['401', '403', '429']));
    expect(statuses.some((s) => /^2\d\d$/.test(s))).toBe(true);
  });

  it('every operation carries x-docs with a docs URL and an inferred list', () => {
    expect(missingProvenance(doc)).toEqual([]);
    for (const op of operations) expect(op.docs?.url).toMatch(/^https:\/\/docs\.identitycall\.ai\//);
  });

  it('lists inferred parts with their operation and page', () => {
    const inferred = listInferred(doc);
    expect(inferred.length).toBeGreaterThan(0);
    for (const part of inferred) {
      expect(part.inferred.length).toBeGreaterThan(0);
      expect(operations.some((op) => op.operationId === part.operationId)).toBe(true);
    }
  });
});

describe('DECISIONS.md', () => {
  const decisions = readFileSync(fileURLToPath(new URL('../DECISIONS.md', import.meta.url)), 'utf8');
  // The code table: from its `| Code | operationId |` header to the first line that is not a row.
  const table = decisions.slice(decisions.indexOf('| Code | operationId |')).split('\n\n')[0]!;
  const codes = new Map([...table.matchAll(/\|\s*([A-Z]\d+)\s*\|\s*`(\w+)`/g)].map((m) => [m[2]!, m[1]!]));

  it.each(operations)('gives $operationId a short code in its table of operations', ({ operationId }) => {
    expect(codes.get(operationId), `add a row for ${operationId} to the code table of spec/DECISIONS.md`).toMatch(/^[A-Z]\d+$/);
  });

  it('names no operation the spec does not have, and gives no code twice', () => {
    expect(codes.size).toBeGreaterThan(0);
    expect([...codes.keys()].filter((id) => !operations.some((op) => op.operationId === id))).toEqual([]);
    expect(new Set(codes.values()).size).toBe(codes.size);
  });
});

describe('upload formats', () => {
  it('lists the six documented formats with their size limits', async () => {
    const { uploadFormats } = await import('./index.js');
    const formats = uploadFormats(doc);
    expect(formats.map((f) => `${f.extension} ${f.maxBytes / 1024 / 1024} MiB`)).toEqual([
      '.mp3 100 MiB',
      '.wav 500 MiB',
      '.m4a 100 MiB',
      '.ogg 100 MiB',
      '.flac 500 MiB',
      '.webm 100 MiB',
    ]);
  });
});
