/**
 * The rendered reference in headless Chromium (Debian's, never a downloaded browser): every
 * operation's summary is in the navigation, every operation's page shows its source page link and
 * its inferred parts, the page loads nothing from the network, and screenshots are written to
 * test-results/. Without /usr/bin/chromium the tests skip, saying why — unless
 * IDENTITYCALL_REQUIRE_BROWSER=1 (CI), where they fail.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { listOperations, loadSpec } from '@identitycall/openapi';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { tempDir } from '../testing/helpers.js';
import { buildDocs } from './build.js';
import { CONTENT_SECURITY_POLICY } from './template.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const required = process.env.IDENTITYCALL_REQUIRE_BROWSER === '1';
const results = fileURLToPath(new URL('../../test-results/', import.meta.url));
const operations = listOperations(loadSpec());
const tags = [...new Set(operations.flatMap((op) => op.tags))];

/** Skips (or, when the browser is required, fails) a test that cannot run without Chromium. */
function needBrowser(ctx: TestContext): void {
  if (available) return;
  if (required)
    throw new Error(`IDENTITYCALL_REQUIRE_BROWSER=1 but ${CHROMIUM} does not exist; install Debian's chromium (apt-get install chromium).`);
  ctx.skip(
    `${CHROMIUM} does not exist: install Debian's chromium to run the browser test (CI sets IDENTITYCALL_REQUIRE_BROWSER=1 and fails instead)`,
  );
}

const normalise = (text: string) => text.replace(/[`*]/g, '').replace(/\s+/g, ' ').trim();

describe('the rendered API reference in Chromium', () => {
  const tmp = tempDir('spec-review-docs-');
  let browser: Browser | undefined;
  let page: Page;
  let url = '';
  const network: Array<{ url: string; outcome: string }> = [];
  const routes = new Map<string, string>();

  beforeAll(async () => {
    if (!available) return;
    const built = await buildDocs({ outDir: tmp.dir });
    url = pathToFileURL(built.file).href;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('requestfinished', (r) => network.push({ url: r.url(), outcome: 'loaded' }));
    page.on('requestfailed', (r) => network.push({ url: r.url(), outcome: r.failure()?.errorText ?? 'failed' }));
    await page.goto(url);
    await page.waitForSelector('[data-component-name="Menu/MenuItem"]');
    // The navigation shows one tag's operations at a time: open each tag and read its links.
    for (const tag of tags) {
      await page
        .locator('[data-component-name="Menu/MenuItem"] a', { hasText: new RegExp(`^${tag}$`) })
        .first()
        .click();
      await page.waitForSelector(`[data-component-name="Menu/MenuItem"] a[href^="#/"]`);
      const links = await page.$$eval('[data-component-name="Menu/MenuItem"] a[href^="#/"]', (as) =>
        as.map((a) => ({ text: a.textContent?.trim() ?? '', href: a.getAttribute('href') ?? '' })),
      );
      for (const link of links) routes.set(link.text, link.href);
    }
  });
  afterAll(async () => {
    await browser?.close();
    tmp.cleanup();
  });

  it('runs in Debian Chromium', (ctx) => {
    needBrowser(ctx);
    expect(browser?.version()).toMatch(/^\d+\./);
  });

  it('lists every operation summary in the navigation', (ctx) => {
    needBrowser(ctx);
    const texts = [...routes.keys()];
    const missing = operations.filter((op) => !texts.some((t) => t.startsWith(op.summary)));
    expect(missing.map((op) => op.summary)).toEqual([]);
  });

  it.for(operations)("$operationId's page shows its summary, its source page and what is inferred", async (op, ctx) => {
    needBrowser(ctx);
    const href = [...routes].find(([text]) => text.startsWith(op.summary))?.[1];
    expect(href, `no navigation link for "${op.summary}"`).toBeDefined();
    await page.goto(`${url}${href}`);
    const link = page.locator(`a[href="${op.docs!.url}"]`).first();
    await link.waitFor({ state: 'attached' });
    // The operation's block: the nearest ancestor of the link that also holds the summary heading.
    const block = await link.evaluate((a, summary) => {
      let node: HTMLElement | null = a as HTMLElement;
      while (node && !Array.from(node.querySelectorAll('h1, h2, h3')).some((h) => h.textContent?.trim() === summary))
        node = node.parentElement;
      return node?.innerText ?? '';
    }, op.summary);
    expect(block, `no heading "${op.summary}" around the source link`).not.toBe('');
    const text = normalise(block);
    expect(text.split('Source page:').length - 1, 'the block should hold this one operation').toBe(1);
    for (const part of op.docs!.inferred) expect(text).toContain(normalise(part));
    if (op.docs!.inferred.length === 0) expect(text).toContain('Inferred: nothing');
  });

  it('carries the offline policy and loads nothing from the network', async (ctx) => {
    needBrowser(ctx);
    const policy = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content'));
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
    // Redoc asks for its attribution logo; the policy refuses it before any request leaves ("csp").
    const reached = network.filter((r) => /^https?:/.test(r.url) && r.outcome !== 'csp');
    expect(reached).toEqual([]);
  });

  it('writes screenshots of the overview and of one operation', async (ctx) => {
    needBrowser(ctx);
    mkdirSync(results, { recursive: true });
    await page.goto(url);
    await page.waitForSelector('h1');
    const overview = join(results, 'reference-overview.png');
    await page.screenshot({ path: overview });
    const op = operations.find((o) => o.operationId === 'updateOperator') ?? operations[0]!;
    await page.goto(`${url}${[...routes].find(([text]) => text.startsWith(op.summary))![1]}`);
    const link = page.locator(`a[href="${op.docs!.url}"]`).first();
    await link.scrollIntoViewIfNeeded();
    const operation = join(results, 'reference-operation.png');
    await page.screenshot({ path: operation });
    expect(existsSync(overview) && existsSync(operation)).toBe(true);
  });
});
