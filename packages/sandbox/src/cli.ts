#!/usr/bin/env node
/**
 * `identitycall-sandbox`: start the sandbox from a shell and print its URL and seeded API keys.
 * Every flag maps to an option of `startSandbox`; a bad flag prints the usage, a bad data or seed
 * file prints what is wrong with it (never a stack trace), and both exit 1.
 * @see ../README.md#start-it
 */
import { parseArgs } from 'node:util';
import { FAULTS, type FaultName } from './faults/catalogue.js';
import { DEFAULT_SERVER_LIMITS } from './http/server.js';
import type { SandboxOptions } from './options.js';
import { startSandbox } from './sandbox.js';
import type { ApiKeyRecord } from './state/model.js';
import type { ProcessingMode } from './state/processing.js';
import { DEFAULT_TENANT_LIMITS } from './state/tenants.js';
// The admin token may come from the environment (kept out of `ps` output that way).
import { ADMIN_TOKEN_ENV } from './tenant-client.js';

const USAGE = `Usage: identitycall-sandbox [options]

  --host <host>               interface to listen on (default 127.0.0.1)
  --port <port>               port to listen on, 0 for a free one (default 4011)
  --seed <file>               seed file (default: the packaged fixtures/seed.json)
  --data <file>               persist every change to <file>; start from it when it exists
  --reset                     start from the seed even when the data file exists
  --processing <mode>         on-read (default) | instant | manual | <milliseconds per step>
  --phone-region <CC>         region for phone numbers in a local format (default US)
  --allow-host <name>         answer this Host too (repeatable; '*' for any); by default only
                              localhost, 127.0.0.1, [::1], *.localhost and --host are answered
  --admin-token <token>       require Authorization: Bearer <token> on /__sandbox routes
                              (or set ${ADMIN_TOKEN_ENV})
  --headers-timeout <ms>      time to receive request headers (default ${DEFAULT_SERVER_LIMITS.headersTimeout})
  --request-timeout <ms>      time to receive a whole request (default ${DEFAULT_SERVER_LIMITS.requestTimeout})
  --keep-alive-timeout <ms>   idle time between requests on a connection (default ${DEFAULT_SERVER_LIMITS.keepAliveTimeout})
  --max-connections <n>       open connections at most (default ${DEFAULT_SERVER_LIMITS.maxConnections})
  --tenants <n>               create <n> tenants at start and print their keys (default 0)
  --max-tenants <n>           tenants at most, 0 to turn them off (default ${DEFAULT_TENANT_LIMITS.max})
  --tenant-idle-timeout <ms>  an unused tenant is deleted after this long (default ${DEFAULT_TENANT_LIMITS.idleMs})
  --fault <name>              inject a known defect (repeatable; for testing test suites):
                              ${FAULTS.map((f) => f.name).join(', ')}
  -h, --help                  show this help
`;

function processingOf(value: string): ProcessingMode {
  if (value === 'on-read' || value === 'instant' || value === 'manual') return value;
  const ms = Number(value);
  if (Number.isFinite(ms) && ms > 0) return { stepMs: ms };
  throw new Error(`--processing: expected on-read, instant, manual or milliseconds, got "${value}"`);
}

/** A whole number flag; the message starts with the flag, so the usage is shown with it. */
function wholeNumber(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min)
    throw new Error(`--${flag}: expected a whole number${min > 0 ? ` of at least ${min}` : ''}, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '4011' },
      seed: { type: 'string' },
      data: { type: 'string' },
      reset: { type: 'boolean', default: false },
      processing: { type: 'string' },
      'phone-region': { type: 'string' },
      'allow-host': { type: 'string', multiple: true },
      'admin-token': { type: 'string' },
      'headers-timeout': { type: 'string' },
      'request-timeout': { type: 'string' },
      'keep-alive-timeout': { type: 'string' },
      'max-connections': { type: 'string' },
      tenants: { type: 'string' },
      'max-tenants': { type: 'string' },
      'tenant-idle-timeout': { type: 'string' },
      fault: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) throw new Error(`--port: not a port: ${values.port}`);
  const adminToken = values['admin-token'] ?? (process.env[ADMIN_TOKEN_ENV] || undefined);
  const options: SandboxOptions = {
    host: values.host,
    port,
    reset: values.reset,
    ...(values.seed !== undefined && { seed: values.seed }),
    ...(values.data !== undefined && { dataFile: values.data }),
    ...(values.processing !== undefined && { processing: processingOf(values.processing) }),
    ...(values['phone-region'] !== undefined && { phoneRegion: values['phone-region'] }),
    ...(values['allow-host'] !== undefined && { allowedHosts: values['allow-host'] }),
    ...(adminToken !== undefined && { adminToken }),
    headersTimeout: wholeNumber('headers-timeout', values['headers-timeout'], 1),
    requestTimeout: wholeNumber('request-timeout', values['request-timeout'], 1),
    keepAliveTimeout: wholeNumber('keep-alive-timeout', values['keep-alive-timeout'], 1),
    maxConnections: wholeNumber('max-connections', values['max-connections'], 1),
    maxTenants: wholeNumber('max-tenants', values['max-tenants'], 0),
    tenantIdleTimeout: wholeNumber('tenant-idle-timeout', values['tenant-idle-timeout'], 1),
    ...(values.fault !== undefined && { faults: values.fault as FaultName[] }),
  };
  const tenantCount = wholeNumber('tenants', values.tenants, 0) ?? 0;
  if (tenantCount > (options.maxTenants ?? DEFAULT_TENANT_LIMITS.max))
    throw new Error(`--tenants: ${tenantCount} is more than --max-tenants allows (${options.maxTenants ?? DEFAULT_TENANT_LIMITS.max})`);
  const sandbox = await startSandbox(options);
  const tenants = [];
  for (let i = 0; i < tenantCount; i++) tenants.push(await sandbox.createTenant());
  const keyLine = (k: ApiKeyRecord) =>
    `  ${k.key}  ${k.permissions.join('/') || 'no permissions'}${k.project_id === null ? '' : `, project ${k.project_id}`}  (${k.name})`;
  const json = "-H 'Content-Type: application/json'";
  const lines = [
    `IdentityCall sandbox listening on ${sandbox.url}`,
    `Admin: curl -X POST ${json}${adminToken ? " -H 'Authorization: Bearer <admin token>'" : ''} ${sandbox.origin}/__sandbox/reset`,
    values.data ? `Data file: ${values.data}` : 'State: in memory (use --data <file> to persist)',
    ...(values['allow-host']?.length ? [`Also answering Host: ${values['allow-host'].join(', ')}`] : []),
    ...(values.fault?.length ? [`Injected faults (this server is wrong on purpose): ${values.fault.join(', ')}`] : []),
    'API keys:',
    ...sandbox.keys.map(keyLine),
    ...tenants.flatMap((t) => [
      `Tenant ${t.id} (expires when unused for ${options.tenantIdleTimeout ?? DEFAULT_TENANT_LIMITS.idleMs} ms):`,
      ...t.keys.map(keyLine),
    ]),
  ];
  // Handlers before the ready line: a supervisor may signal as soon as it reads it, and a
  // stop must still close the data file properly.
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void sandbox.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e: unknown) => {
  // Usage only for a mistake in the arguments; other failures (a bad data file) speak for themselves.
  const message = e instanceof Error ? e.message : String(e);
  const usage = String((e as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS') || /^--/.test(message);
  process.stderr.write(`identitycall-sandbox: ${message}\n${usage ? `\n${USAGE}` : ''}`);
  process.exit(1);
});
