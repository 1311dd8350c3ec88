/**
 * A run whose report the HTML tests render: a counting server on 127.0.0.1 that answers the
 * operator list with a 500 whose body is hostile HTML (a script, an image and a stylesheet that
 * would call the same server back), and everything else with `{"data": []}`. A page that runs or
 * loads any of it shows up as a request the server received after the run.
 */
import type { ConformanceReport } from '../src/report/model.js';
import type { Secrets } from '../src/report/redact.js';
import { runConformance } from '../src/run.js';
import { startCountingServer } from './helpers.js';

/** The key of the run (it must never appear in a report). */
export const HTML_TEST_KEY = 'idc_html_report_secret_key';

/** The hostile body, with `origin` as the server to call back. */
export const hostileBody = (origin: string) =>
  JSON.stringify({
    error: `<script>document.title='pwned';fetch('${origin}/script')</script><img src="${origin}/image" onerror="document.title='pwned'"><link rel="stylesheet" href="${origin}/style"></pre><b>bold</b>`,
    key_echo: HTML_TEST_KEY,
  });

/** Runs a few families against the hostile server; returns the report and the (still running) server. */
export async function hostileRun(): Promise<{
  report: ConformanceReport;
  secrets: Secrets;
  server: Awaited<ReturnType<typeof startCountingServer>>;
}> {
  const server = await startCountingServer((req) => {
    const origin = `http://${req.headers.host}`;
    if (req.method === 'GET' && /\/operators(\?|$)/.test(req.url ?? '') && req.headers.prefer === undefined)
      return { status: 500, body: hostileBody(origin) };
    return { status: 200, body: '{"data":[]}' };
  });
  const report = await runConformance({
    baseUrl: server.url,
    apiKey: HTML_TEST_KEY,
    stateless: false,
    seed: 5,
    runs: 0,
    families: ['examples', 'methods', 'auth'],
    allowPurchase: false,
  });
  return { report, secrets: { 'api-key': HTML_TEST_KEY }, server };
}
