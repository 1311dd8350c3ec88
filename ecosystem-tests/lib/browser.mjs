/**
 * The browser cell: the consumer's Vite build of projects/browser-vite (the installed client
 * bundled into a page), served by the harness on one origin that also forwards the sandbox's
 * base path to the sandbox, and run in the machine's headless Chromium through the consumer's
 * playwright-core.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { consumerEnv, runScriptCommand } from './consumers.mjs';
import { MissingPrerequisite } from './results.mjs';
import { startStaticProxy } from './static-proxy.mjs';
import { closeServer, StepError } from './supervisor.mjs';

/** Debian's Chromium; a browser is never downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
const PAGE_TIMEOUT_MS = 90_000;

/** "Chromium 156.0.8078.114", or undefined when it is not installed. */
export async function chromiumVersion(sup) {
  if (!existsSync(CHROMIUM)) return undefined;
  const result = await sup.run(CHROMIUM, ['--version'], { label: 'chromium --version', timeoutMs: 60_000 });
  return result.output.match(/Chromium \S+/)?.[0] ?? 'Chromium';
}

/**
 * @param {import('./results.mjs').Results} results
 * @param {import('./supervisor.mjs').Supervisor} sup
 */
export async function browserCell(results, sup, { pm, dir, runDir, sandbox, chromium }) {
  await results.cell({ area: 'runtime', subject: chromium ?? 'Chromium', module: 'ESM (Vite bundle)', pm }, async () => {
    if (dir instanceof Error) throw new StepError(`not run: the ${pm} install failed`, dir.output ?? dir.message);
    if (!chromium) throw new MissingPrerequisite(`${CHROMIUM} is not installed`);
    const [cmd, args] = runScriptCommand(pm, 'build');
    await sup.mustRun(cmd, args, { cwd: dir, env: consumerEnv(runDir), label: `${pm} run build (vite build)`, timeoutMs: 5 * 60_000 });
    if (!existsSync(join(dir, 'dist', 'index.html'))) throw new Error('vite build wrote no dist/index.html');

    const api = new URL(sandbox.url);
    const site = await startStaticProxy({ root: join(dir, 'dist'), apiPrefix: api.pathname, apiOrigin: api.origin });
    const { chromium: launcher } = createRequire(join(dir, 'package.json'))('playwright-core');
    const profile = mkdtempSync(join(runDir, 'chromium-profile-'));
    const context = await launcher.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: PAGE_TIMEOUT_MS,
    });
    const stop = async () => {
      await context.close().catch(() => {});
      await closeServer(site.server);
    };
    sup.defer(stop); // also on Ctrl-C while the page runs
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const log = [];
      page.on('console', (m) => log.push(`[console.${m.type()}] ${m.text()}`));
      page.on('requestfailed', (r) => log.push(`[request failed] ${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
      const crashed = new Promise((_, reject) => {
        page.on('pageerror', (e) => reject(new StepError(`the page threw ${e.name}: ${e.message}`, [...log, e.stack].join('\n'))));
      });
      crashed.catch(() => {}); // observed through the race below; never an unhandled rejection
      const query = new URLSearchParams({ base: api.pathname, key: sandbox.key, label: `chromium-${pm}` });
      await page.goto(`${site.origin}/?${query}`, { timeout: PAGE_TIMEOUT_MS });
      const done = page
        .waitForFunction(() => window.__scenario, null, { timeout: PAGE_TIMEOUT_MS })
        .catch((e) => {
          throw new StepError(`the page did not finish the scenario: ${e.message.split('\n')[0]}`, log.join('\n'));
        });
      const outcome = await (await Promise.race([done, crashed])).jsonValue();
      if (outcome.code !== 0 || !/^SCENARIO-OK /m.test(outcome.output)) {
        throw new StepError(`the scenario failed in the page`, `${outcome.output}\n${log.join('\n')}`);
      }
      if (site.proxied() === 0) throw new StepError('the page made no API request through its own origin', log.join('\n'));
      return `list, update, get, 404 → NotFoundError in the page (${site.proxied()} API requests, same-origin proxy)`;
    } finally {
      await stop();
    }
  });
}
