/**
 * The registry-installed CLIs as servers: start one, read its URL (and the sandbox's seeded
 * full-access key) from what it prints, and check it answers.
 */
import { StepError } from './supervisor.mjs';

const START_TIMEOUT_MS = 5 * 60_000; // npx may first install the package and its dependencies

/**
 * Reads the sandbox's banner: its URL and the account-wide key with the most permissions (the
 * full-access key), as `identitycall-sandbox` prints them.
 */
export function parseSandboxBanner(output) {
  const url = output.match(/listening on (http:\/\/\S+)/)?.[1];
  const keys = [...output.matchAll(/^\s+(idc_[A-Za-z0-9]+)\s+(\S+?)(, project \S+)?\s+\(/gm)]
    .filter((m) => !m[3])
    .map((m) => ({ key: m[1], permissions: m[2].split('/') }))
    .sort((a, b) => b.permissions.length - a.permissions.length);
  if (!url || keys.length === 0) return undefined;
  return { url, origin: new URL(url).origin, key: keys[0].key, permissions: keys[0].permissions };
}

/**
 * Reads a one-line curl command as the CLIs print them (`curl -X POST -H 'Name: value' <url>`):
 * method (GET without `-X`), headers and URL; undefined for anything else.
 */
export function parseCurl(line) {
  if (!line) return undefined;
  const url = line.match(/\s(https?:\/\/\S+?)['"]?\s*$/)?.[1];
  if (!url) return undefined;
  const method = line.match(/\s-X\s+([A-Z]+)/)?.[1] ?? 'GET';
  const headers = {};
  for (const [, header] of line.matchAll(/\s-H\s+['"]([^'"]+)['"]/g)) {
    const at = header.indexOf(':');
    if (at > 0) headers[header.slice(0, at).trim()] = header.slice(at + 1).trim();
  }
  return { method, headers, url };
}

/**
 * Starts the sandbox CLI (`command args`, e.g. the installed bin or `npx @identitycall/sandbox`)
 * with `--port 0`, waits for its banner, and sends the admin request the banner names.
 * @param {import('./supervisor.mjs').Supervisor} sup
 */
export async function startSandbox(sup, command, args, { cwd, env, label }) {
  const child = sup.spawn(command, [...args, '--port', '0'], { cwd, env, label });
  try {
    // The banner (URL, then the keys) is one write of well under PIPE_BUF, so it arrives whole.
    await child.waitFor(/API keys:\n\s+idc_/, START_TIMEOUT_MS);
    const banner = parseSandboxBanner(child.output);
    if (!banner) throw new Error(`${label}: could not read the URL and a full-access key from its output`);
    // The request the banner itself names (its "Admin: curl …" line); on a fresh sandbox a reset
    // changes nothing. The key is exercised by whatever runs against it next.
    const admin = parseCurl(child.output.match(/^Admin: (curl .*)$/m)?.[1]);
    if (!admin) throw new Error(`${label}: its banner names no admin request`);
    const response = await fetch(admin.url, { method: admin.method, headers: admin.headers });
    if (!response.ok) throw new Error(`${label}: ${admin.method} ${admin.url} answered ${response.status}`);
    return { ...banner, child, request: `${admin.method} ${new URL(admin.url).pathname}` };
  } catch (error) {
    await child.stop();
    throw new StepError(error.message, child.output);
  }
}

/**
 * Starts the mock CLI with `--port 0`, waits for its URL, and sends the request it suggests
 * (its "Try: curl -H … <url>" line); the answer must be a 200 with a JSON body.
 * @param {import('./supervisor.mjs').Supervisor} sup
 */
export async function startMock(sup, command, args, { cwd, env, label }) {
  const child = sup.spawn(command, [...args, '--port', '0'], { cwd, env, label });
  try {
    const [, url] = await child.waitFor(/listening on (http:\/\/\S+)/, START_TIMEOUT_MS);
    const [, line] = await child.waitFor(/Try: (curl [^\n]+)/, 30_000);
    const suggested = parseCurl(line);
    if (!suggested) throw new Error(`${label}: could not read the request it suggests: ${line}`);
    const target = suggested.url;
    const response = await fetch(target, { method: suggested.method, headers: suggested.headers });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${label}: GET ${target} answered ${response.status}: ${body.slice(0, 200)}`);
    JSON.parse(body);
    return { url, child, request: `GET ${new URL(target).pathname}` };
  } catch (error) {
    await child.stop();
    throw new StepError(error.message, child.output);
  }
}
