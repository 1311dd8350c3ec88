/**
 * The JSON report: counts per level, the gate's verdict, every change with its level.
 */
import { describe, expect, it } from 'vitest';
import { diffDocs, oneOperation, operationWith } from '../testing/helpers.js';
import { jsonReport, renderJson } from './json.js';

const labels = { base: '`main` (abc1234)', head: 'working tree' };
const gate = { packageName: '@identitycall/openapi', majorChangeset: undefined };
const str = { type: 'string' };

describe('jsonReport', () => {
  const base = oneOperation(operationWith({ request: { type: 'object', properties: { code: { ...str, pattern: '^a' }, name: str } } }));
  const head = oneOperation(operationWith({ request: { type: 'object', properties: { code: { ...str, pattern: '^b' }, note: str } } }));
  const diff = diffDocs(base, head);

  it('carries the level of every change, most severe first', () => {
    const report = jsonReport(diff, labels, gate, ['a note']);
    expect(report.counts).toEqual({ breaking: 1, possiblyBreaking: 1, nonBreaking: 1, documentation: 0 });
    expect(report.changes.map((c) => [c.level, c.rule])).toEqual([
      ['breaking', 'request-property-removed'],
      ['possibly-breaking', 'request-pattern-unknown'],
      ['non-breaking', 'request-optional-property-added'],
    ]);
    expect(report.changes[0]).toMatchObject({
      family: 'schemas',
      operation: { method: 'POST', path: '/things', operationId: 'doThing' },
      where: 'request body (application/json)',
      path: 'name',
    });
    expect(report.gate).toEqual({ packageName: '@identitycall/openapi', majorChangeset: null, fails: true });
    expect(report.notes).toEqual(['a note']);
  });

  it('renders parseable JSON and lets a major changeset pass the gate', () => {
    const text = renderJson(diff, labels, { ...gate, majorChangeset: '.changeset/big.md' });
    expect(JSON.parse(text).gate).toEqual({ packageName: '@identitycall/openapi', majorChangeset: '.changeset/big.md', fails: false });
  });
});
