/**
 * A private npm registry for one run: verdaccio on 127.0.0.1, storage in the run's temp folder,
 * `@identitycall/*` served only from what this run published (no uplink, so a package we forgot
 * to publish fails the install), everything else proxied to the public registry.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, cleanEnv, freePort, poll } from './workspace.mjs';
import { StepError } from './supervisor.mjs';

const VERDACCIO = '6.8.0';
// verdaccio 6.10 needs Node 22 through node-fetch 3; 6.8.0 with node-fetch 2.7.0 runs on Node 20.
const OVERRIDES = { 'node-fetch': '2.7.0' };
const UPSTREAM = 'https://registry.npmjs.org/';

/**
 * Installs verdaccio once into the cache (a versioned folder, completed by an atomic rename, so
 * concurrent or interrupted runs never see half an install). Returns its bin script.
 * @param {import('./supervisor.mjs').Supervisor} sup
 */
export async function ensureVerdaccio(sup) {
  const dir = join(CACHE_DIR, `verdaccio-${VERDACCIO}-node-fetch-${OVERRIDES['node-fetch']}`);
  const bin = join(dir, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
  if (existsSync(join(dir, '.complete')) && existsSync(bin)) return { bin, cached: true };
  const staging = `${dir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  sup.defer(() => rmSync(staging, { recursive: true, force: true }));
  writeFileSync(
    join(staging, 'package.json'),
    JSON.stringify({ private: true, dependencies: { verdaccio: VERDACCIO }, overrides: OVERRIDES }, null, 2),
  );
  await sup.mustRun('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: staging,
    env: cleanEnv(),
    label: `npm install verdaccio@${VERDACCIO}`,
    timeoutMs: 10 * 60_000,
  });
  writeFileSync(join(staging, '.complete'), new Date().toISOString());
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return { bin, cached: false };
}

/**
 * Starts verdaccio for this run and creates a throwaway user through the registry API
 * (`PUT /-/user/org.couchdb.user:<name>`), whose token the publish uses.
 * @param {import('./supervisor.mjs').Supervisor} sup
 * @returns {Promise<{ url: string, token: string, child: import('./supervisor.mjs').Child }>}
 */
export async function startRegistry(sup, { bin, workDir }) {
  mkdirSync(workDir, { recursive: true });
  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort(); // verdaccio cannot report a port it picked itself
    const config = join(workDir, `config-${port}.yaml`);
    writeFileSync(config, verdaccioConfig(workDir));
    const child = sup.spawn(process.execPath, [bin, '--config', config, '--listen', `127.0.0.1:${port}`], {
      cwd: workDir,
      env: cleanEnv(),
      label: 'verdaccio',
    });
    const url = `http://127.0.0.1:${port}/`;
    try {
      await poll(async () => child.exitStatus || (await fetch(`${url}-/ping`)).ok, {
        timeoutMs: 60_000,
        message: `verdaccio did not answer ${url}-/ping`,
      });
      if (child.exitStatus) throw new StepError(`verdaccio exited on ${url}`, child.output);
      return { url, token: await createUser(url), child };
    } catch (error) {
      lastError = error instanceof StepError ? error : new StepError(error.message, child.output);
      await child.stop();
      if (!/EADDRINUSE/.test(child.output)) break; // only a port taken since freePort() is retried
    }
  }
  throw lastError;
}

async function createUser(url) {
  const name = `release-${process.pid}-${Date.now()}`;
  const response = await fetch(`${url}-/user/org.couchdb.user:${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: `pw-${Math.random().toString(36).slice(2)}-${Date.now()}` }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || typeof body.token !== 'string') {
    throw new Error(`verdaccio refused to create user ${name}: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.token;
}

function verdaccioConfig(workDir) {
  return `# Written by ecosystem-tests for one run; deleted with the run's folder.
storage: ${JSON.stringify(join(workDir, 'storage'))}
auth:
  htpasswd:
    file: ${JSON.stringify(join(workDir, 'htpasswd'))}
    max_users: 100
uplinks:
  npmjs:
    url: ${UPSTREAM}
    timeout: 120s
    max_fails: 20
    fail_timeout: 10s
packages:
  '@identitycall/*':
    access: $all
    publish: $authenticated
    unpublish: $authenticated
  '**':
    access: $all
    publish: $authenticated
    proxy: npmjs
server:
  keepAliveTimeout: 60
web:
  enable: false
log: { type: stdout, format: pretty, level: warn }
`;
}

/** The `.npmrc` a team writes to install from its registry (no token needed to read). */
export function consumerNpmrc(registryUrl) {
  return `registry=${registryUrl}\n@identitycall:registry=${registryUrl}\n`;
}
