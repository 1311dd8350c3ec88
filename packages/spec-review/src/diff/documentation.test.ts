/**
 * Documentation rules from small spec pairs: never breaking, always reported.
 */
import { describe, expect, it } from 'vitest';
import { diffDocs, specOf } from '../testing/helpers.js';
import type { Node } from './types.js';

const doc = (op: Node, extra: Node = {}) =>
  specOf({
    paths: { '/a': { get: { operationId: 'getA', summary: 'Get A', responses: { '200': { description: 'OK' } }, ...op } } },
    extra,
  });
const xdocs = (inferred: string[], url = 'https://docs.example/a') => ({ 'x-docs': { url, inferred } });

const cases = [
  {
    name: 'summary changed',
    base: doc({}),
    head: doc({ summary: 'Fetch A' }),
    rule: 'summary-changed',
    message: 'Summary changed from `Get A` to `Fetch A`.',
  },
  {
    name: 'description fixed',
    base: doc({ description: 'Returns A.\nSorted by nmae.' }),
    head: doc({ description: 'Returns A.\nSorted by name.' }),
    rule: 'description-changed',
    message: 'Description changed (1 line added, 1 removed; now reads “Sorted by name.”).',
  },
  {
    name: 'part newly inferred',
    base: doc(xdocs([])),
    head: doc(xdocs(['sorting assumed'])),
    rule: 'inferred-added',
    message: 'Now marked as inferred: “sorting assumed”.',
  },
  {
    name: 'part no longer inferred',
    base: doc(xdocs(['sorting assumed'])),
    head: doc(xdocs([])),
    rule: 'inferred-removed',
    message: 'No longer marked as inferred: “sorting assumed”.',
  },
  {
    name: 'docs page changed',
    base: doc(xdocs([])),
    head: doc(xdocs([], 'https://docs.example/b')),
    rule: 'docs-page-changed',
    message: 'Written from `https://docs.example/b` instead of `https://docs.example/a`.',
  },
  {
    name: 'info.version changed',
    base: doc({}),
    head: specOf({ paths: doc({}).paths as Node, extra: { info: { title: 'Test', version: '2.0.0' } } }),
    rule: 'info-version-changed',
    message: '`info.version` changed from `1.0.0` to `2.0.0`.',
  },
  { name: 'tag added', base: doc({}), head: doc({}, { tags: [{ name: 'Things' }] }), rule: 'tag-added', message: 'Tag `Things` added.' },
];

describe('documentation rules', () => {
  it.each(cases)('$name', ({ base, head, rule, message }) => {
    const diff = diffDocs(base, head);
    expect(diff.changes.map((c) => ({ rule: c.rule, family: c.family, severity: c.severity, message: c.message }))).toEqual([
      { rule, family: 'documentation', severity: 'non-breaking', message },
    ]);
    expect(diff.documentation).toBe(1);
    expect(diff.breaking + diff.nonBreaking).toBe(0);
  });
});
