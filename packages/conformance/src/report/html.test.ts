/**
 * The HTML report as text: self-contained (no URL it could load, a CSP that forbids fetching, no
 * script), hostile response bodies escaped, keys redacted, and the counts, failures, skips and
 * matrix it shows taken from the report. What a browser makes of it: html.browser.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTML_TEST_KEY, hostileRun } from '../../test/html-report.js';
import { CHECK_NAMES } from '../checks/catalogue.js';
import { compiledSpec } from '../engine/spec.js';
import { HTML_REPORT_CSP, htmlEscape, NO_OPERATION, toHtmlReport } from './html.js';
import type { ConformanceReport } from './model.js';

let run: Awaited<ReturnType<typeof hostileRun>>;
let html: string;

beforeAll(async () => {
  run = await hostileRun();
  html = toHtmlReport(run.report, { secrets: run.secrets });
}, 120_000);
afterAll(() => run?.server.stop());

const text = (fragment: string) =>
  fragment
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('the HTML report', () => {
  it('is one document that loads nothing: a CSP forbidding fetches, no script, no URL attribute', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_REPORT_CSP}">`);
    expect(HTML_REPORT_CSP).toMatch(/^default-src 'none';/);
    // The tags of the page (the target's HTML is text, escaped).
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(100);
    expect(tags.filter((tag) => /^<(script|link|img|iframe|object|embed|frame|video|audio|source|form|base)\b/i.test(tag))).toEqual([]);
    expect(tags.filter((tag) => /\s(src|href|action|srcset|poster|background|on\w+)=/i.test(tag))).toEqual([]);
    expect(html).not.toMatch(/@import|url\(/i);
  });

  it('escapes what the target sent: its HTML shows as text', () => {
    expect(run.report.counts.failures).toBeGreaterThan(0);
    expect(html).toContain('&lt;script&gt;document.title=&#39;pwned&#39;');
    expect(html).toContain('&lt;img src=\\&quot;http://127.0.0.1:');
    expect(html).not.toContain('<b>bold</b>');
    expect(htmlEscape(`<a href="x" onclick='y'>&\u0000`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;\uFFFD');
  });

  it('never shows a key, in headers or echoed in a body', () => {
    expect(html).not.toContain(HTML_TEST_KEY);
    expect(html).toContain('authorization: Bearer [api-key]');
    expect(html).toContain('[api-key]');
  });

  it('shows the verdict and the counts of the report', () => {
    const { counts, outcome } = run.report;
    expect(html).toMatch(new RegExp(`id="verdict" class="verdict \\w+" data-outcome="${outcome}">${outcome.toUpperCase()}`));
    for (const [name, n] of Object.entries(counts)) expect(html).toContain(`data-count="${name}">${n}</td>`);
  });

  it('shows every failure with its request and response', () => {
    const failures = run.report.cases.flatMap((c) => c.failures.map((f) => ({ c, f })));
    expect(html.match(/<article class="failure"/g)).toHaveLength(failures.length + run.report.cases.filter((c) => c.error).length);
    const listed = failures.find(({ f }) => f.exchange?.response.status === 500)!;
    const article = html.slice(
      html.indexOf(`<article class="failure" data-case="${htmlEscape(listed.c.id)}" data-check="${listed.f.check}"`),
    );
    expect(text(article.slice(0, article.indexOf('</article>')))).toMatch(
      /Request\s*GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/public\/operators\nauthorization: Bearer \[api-key\][\s\S]*Response\s*500\n[\s\S]*content-type: application\/json[\s\S]*"key_echo": "\[api-key\]"/,
    );
  });

  it('lists the skipped cases by reason, and a row per check and per operation', () => {
    for (const s of run.report.skips) expect(html).toContain(`data-skip="${s.kind}"`);
    for (const c of run.report.checks) expect(html).toContain(`<tr data-check="${c.name}" data-status="${c.status}">`);
    for (const op of compiledSpec().validator.operations) expect(html).toContain(`<tr data-operation="${op.operationId}"><td>`);
  });

  it('fills the matrix from the case results: a row per operation, a cell per check', () => {
    const cells = [...html.matchAll(/<tr data-operation="([^"]+)"><th>[\s\S]*?<\/tr>/g)].map((m) => ({
      op: m[1]!,
      cells: [...m[0].matchAll(/<td class="cell-(\w+)" data-check="(\w+)" data-passed="(\d+)" data-failed="(\d+)" data-skipped="(\d+)"/g)],
    }));
    expect(cells.length).toBeGreaterThanOrEqual(compiledSpec().validator.operations.length);
    let failedCells = 0;
    for (const row of cells) {
      expect(row.cells.map((c) => c[2])).toEqual([...CHECK_NAMES]);
      const cases = run.report.cases.filter((r) => (r.operationId ?? NO_OPERATION) === row.op);
      for (const [, tone, check, passed, failed] of row.cells) {
        const sum = (k: 'passed' | 'failed') => cases.reduce((n, r) => n + (r.checks[check as (typeof CHECK_NAMES)[number]]?.[k] ?? 0), 0);
        expect([Number(passed), Number(failed)], `${row.op} × ${check}`).toEqual([sum('passed'), sum('failed')]);
        if (Number(failed) > 0) {
          expect(tone).toBe('fail');
          failedCells++;
        }
      }
    }
    expect(failedCells).toBeGreaterThan(0);
  });

  it('says when a report is one shard, or merged with shards missing', () => {
    const shard: ConformanceReport = { ...run.report, shard: { index: 2, count: 3, positions: [] } };
    expect(text(toHtmlReport(shard))).toContain("Shard2 of 3 (this report covers only this shard's cases)");
    const merged: ConformanceReport = { ...run.report, merged: { count: 3, merged: [1, 3], missing: [2], files: [] } };
    expect(text(toHtmlReport(merged))).toContain('Merged2 of 3 shards — missing: 2/3');
    expect(html).toContain(`<tr data-operation="${htmlEscape(NO_OPERATION)}">`);
  });
});
