/**
 * The Markdown report: summary line, changeset gate, one table per level, rows grouped across
 * operations, cells safe for tables.
 */
import { describe, expect, it } from 'vitest';
import { diffDocs, oneOperation, operationWith, specOf } from '../testing/helpers.js';
import { gateFails, renderMarkdown } from './markdown.js';

const labels = { base: '`HEAD~1` (abc1234)', head: 'working tree' };
const noMajor = { packageName: '@identitycall/openapi', majorChangeset: undefined };

const error = (props: Record<string, unknown>) => ({
  description: 'Not found',
  content: { 'application/json': { schema: { type: 'object', properties: props } } },
});
const twoOps = (props: Record<string, unknown>, extraPath = false) =>
  specOf({
    paths: {
      '/a': { get: { operationId: 'getA', summary: 'Get A', responses: { '200': { description: 'OK' }, '404': error(props) } } },
      '/b': { get: { operationId: 'getB', summary: 'Get B', responses: { '200': { description: 'OK' }, '404': error(props) } } },
      ...(extraPath ? { '/c': { get: { operationId: 'getC', summary: 'Get | C', responses: { '200': { description: 'OK' } } } } } : {}),
    },
  });

describe('renderMarkdown', () => {
  it('groups one change found in several operations into one row', () => {
    const diff = diffDocs(twoOps({ error: { type: 'string' } }), twoOps({}));
    const md = renderMarkdown(diff, labels, noMajor);
    expect(md).toContain(
      '| 2 operations: getA, getB | response 404 (application/json) | Field `error` removed from the response (it was optional); clients reading it get nothing. |',
    );
    expect(md).toContain('### Breaking (2)');
  });

  it.each([
    { name: 'no breaking change', breakingDiff: false, major: undefined, line: '✅ Nothing breaks existing clients', fails: false },
    {
      name: 'breaking change with a major changeset',
      breakingDiff: true,
      major: '.changeset/big.md',
      line: '✅ The breaking changes ship as a major release: `.changeset/big.md`',
      fails: false,
    },
    {
      name: 'breaking change without one',
      breakingDiff: true,
      major: undefined,
      line: '❌ **Breaking changes without a breaking changeset in this change.**',
      fails: true,
    },
  ])('states the gate for $name', ({ breakingDiff, major, line, fails }) => {
    const base = oneOperation(operationWith({ response: { type: 'object', properties: { a: { type: 'string' } } } }));
    const head = oneOperation(
      operationWith({ response: { type: 'object', properties: breakingDiff ? {} : { a: { type: 'string' }, b: { type: 'string' } } } }),
    );
    const diff = diffDocs(base, head);
    const gate = { packageName: '@identitycall/openapi', majorChangeset: major };
    expect(renderMarkdown(diff, labels, gate)).toContain(line);
    expect(gateFails(diff, gate)).toBe(fails);
  });

  it('escapes pipes so a summary cannot break the table, and collapses documentation', () => {
    const diff = diffDocs(twoOps({}), twoOps({}, true));
    const md = renderMarkdown(diff, labels, noMajor);
    expect(md).toContain('## API changes: `HEAD~1` (abc1234) → working tree');
    expect(md).toContain('**0 breaking**, 0 possibly breaking, 1 non-breaking and 0 documentation-only change');
    const summary = renderMarkdown(
      diffDocs(twoOps({}, true), { ...twoOps({}, true), info: { title: 'T | 2', version: '1.0.0' } }),
      labels,
      noMajor,
    );
    expect(summary).toContain('<details><summary>Show 1 row</summary>');
    expect(summary).not.toMatch(/T \| 2/);
  });

  it('says so when nothing changed', () => {
    expect(renderMarkdown(diffDocs(twoOps({}), twoOps({})), labels, noMajor)).toContain('No changes to the API description.');
  });

  it('lists possibly breaking changes right after the breaking ones, and they do not fail the gate', () => {
    const str = { type: 'string' };
    const base = oneOperation(
      operationWith({ request: { type: 'object', properties: { code: { ...str, pattern: '^[a-z]+$' }, name: str } } }),
    );
    const head = oneOperation(
      operationWith({ request: { type: 'object', properties: { code: { ...str, pattern: '^[a-z0-9]+$' }, name: str, note: str } } }),
    );
    const diff = diffDocs(base, head);
    expect([diff.breaking, diff.possiblyBreaking, diff.nonBreaking]).toEqual([0, 1, 1]);
    const md = renderMarkdown(diff, labels, noMajor);
    expect(md).toContain('**0 breaking**, 1 possibly breaking, 1 non-breaking');
    expect(md).toContain('⚠️ One change may break clients depending on how they use the API; a reviewer decides');
    expect(md.indexOf('### Possibly breaking (needs a reviewer) (1)')).toBeGreaterThan(0);
    expect(md.indexOf('### Possibly breaking')).toBeLessThan(md.indexOf('### Non-breaking (1)'));
    expect(gateFails(diff, noMajor)).toBe(false);

    const withBreaking = diffDocs(
      base,
      oneOperation(operationWith({ request: { type: 'object', properties: { code: { ...str, pattern: '^[0-9]+$' } } } })),
    );
    const both = renderMarkdown(withBreaking, labels, noMajor);
    expect(both.indexOf('### Breaking')).toBeLessThan(both.indexOf('### Possibly breaking'));
  });
});
