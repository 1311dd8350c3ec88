/**
 * The HTML report in headless Chromium (Debian's, driven by playwright-core; never a downloaded
 * browser): opened from a file, it shows the verdict, the counts, a failure's request and response
 * and the matrix cells of the report; it attempts no network request (the hostile body's script,
 * image and stylesheet would call the test server back) and raises no script error. A screenshot
 * goes to test-results/html-report.png; with IDENTITYCALL_UPDATE_SCREENSHOT=1 it also replaces the
 * one the README shows (docs/html-report.png). Without /usr/bin/chromium the tests skip, saying
 * why — unless IDENTITYCALL_REQUIRE_BROWSER=1 (CI), where they fail.
 * @see https://playwright.dev/docs/api/class-browsertype#browser-type-launch
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { HTML_TEST_KEY, hostileRun } from '../../test/html-report.js';
import { toHtmlReport } from './html.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const required = process.env.IDENTITYCALL_REQUIRE_BROWSER === '1';
const results = fileURLToPath(new URL('../../test-results/', import.meta.url));
const readmeShot = fileURLToPath(new URL('../../docs/html-report.png', import.meta.url));
/** Flags that keep Chromium itself off the network, so every request seen is the page's. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Skips (or, when the browser is required, fails) a test that cannot run without Chromium. */
function needBrowser(ctx: TestContext): void {
  if (available) return;
  if (required)
    throw new Error(`IDENTITYCALL_REQUIRE_BROWSER=1 but ${CHROMIUM} does not exist; install Debian's chromium (apt-get install chromium).`);
  ctx.skip(
    `${CHROMIUM} does not exist: install Debian's chromium to run the browser test (CI sets IDENTITYCALL_REQUIRE_BROWSER=1 and fails instead)`,
  );
}

describe('the HTML report in Chromium', () => {
  let run: Awaited<ReturnType<typeof hostileRun>>;
  let browser: Browser | undefined;
  let page: Page;
  let url = '';
  let receivedAfterRun = 0;
  const dir = mkdtempSync(join(tmpdir(), 'conformance-html-'));
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    if (!available) return;
    run = await hostileRun();
    receivedAfterRun = run.server.received.length;
    const file = join(dir, 'report.html');
    writeFileSync(file, toHtmlReport(run.report, { secrets: run.secrets }));
    url = pathToFileURL(file).href;
    const { chromium } = await import('playwright-core');
    // Generous limits: on two busy cores Chromium takes many seconds to start.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, timeout: 120_000 });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.setDefaultTimeout(60_000);
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`);
    });
    await page.goto(url, { waitUntil: 'load' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await run?.server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs in Debian Chromium', (ctx) => {
    needBrowser(ctx);
    expect(browser?.version()).toMatch(/^\d+\./);
  });

  it('shows the verdict and the case counts', async (ctx) => {
    needBrowser(ctx);
    const { outcome, counts } = run.report;
    expect(outcome).toBe('failed');
    await expect(page.locator('#verdict').innerText()).resolves.toBe('FAILED');
    expect(await page.locator('#verdict').getAttribute('data-outcome')).toBe('failed');
    await expect(page.locator('#verdict-why').innerText()).resolves.toContain(`${counts.failures} failure(s) in ${counts.failed} case(s)`);
    for (const [name, n] of Object.entries(counts))
      await expect(page.locator(`#counts [data-count="${name}"]`).innerText()).resolves.toBe(String(n));
    const title = await page.title();
    expect(title).toMatch(/^FAILED — IdentityCall conformance — http:\/\/127\.0\.0\.1:\d+\/api\/v1\/public$/);
  });

  it("shows a failure's request and response, the target's HTML as text and the key redacted", async (ctx) => {
    needBrowser(ctx);
    const article = page.locator('article.failure', { has: page.locator('pre[data-part="response"]', { hasText: /^500\n/ }) }).first();
    await expect(article.isVisible()).resolves.toBe(true);
    const request = await article.locator('pre[data-part="request"]').innerText();
    const response = await article.locator('pre[data-part="response"]').innerText();
    expect(request).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/public\/operators\nauthorization: Bearer \[api-key\]/);
    expect(response).toContain("<script>document.title='pwned'");
    expect(response).toContain('"key_echo": "[api-key]"');
    const body = await page.locator('body').innerText();
    expect(body).not.toContain(HTML_TEST_KEY);
    // Nothing of the hostile body became part of the page.
    expect(await page.locator('script, img, link, b').count()).toBe(0);
    expect(await page.title()).not.toContain('pwned');
  });

  it('shows the checks, the operations and the matrix cells of the report', async (ctx) => {
    needBrowser(ctx);
    for (const c of run.report.checks)
      await expect(page.locator(`#checks tr[data-check="${c.name}"] td`).nth(5).innerText()).resolves.toBe(c.status);
    const failing = page.locator('#matrix td.cell-fail').first();
    const failed = await failing.getAttribute('data-failed');
    expect(Number(failed)).toBeGreaterThan(0);
    await expect(failing.innerText()).resolves.toBe(`✗ ${failed}`);
    // A failed cell is drawn differently from a passed one.
    const background = (cls: string) =>
      page
        .locator(`#matrix td.${cls}`)
        .first()
        .evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(await background('cell-fail')).not.toBe(await background('cell-pass'));
    const rows = await page.locator('#matrix tbody tr').count();
    expect(rows).toBe(await page.locator('#operations tbody tr').count());
  });

  it('attempts no network request and raises no script error', async (ctx) => {
    needBrowser(ctx);
    expect(requests).toEqual([url]);
    expect(run.server.received.length).toBe(receivedAfterRun);
    expect(errors).toEqual([]);
  });

  it('leaves a screenshot (and updates the README one on request)', async (ctx) => {
    needBrowser(ctx);
    mkdirSync(results, { recursive: true });
    const shot = await page.screenshot({ path: join(results, 'html-report.png'), type: 'png' });
    expect(shot.subarray(1, 4).toString('latin1')).toBe('PNG');
    if (process.env.IDENTITYCALL_UPDATE_SCREENSHOT === '1') {
      mkdirSync(join(readmeShot, '..'), { recursive: true });
      writeFileSync(readmeShot, shot);
    }
  });
});
