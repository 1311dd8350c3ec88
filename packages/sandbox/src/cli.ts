#!/usr/bin/env node
/**
 * `identitycall-sandbox`: start the sandbox from a shell and print its URL and seeded API keys.
 *
 *   identitycall-sandbox [--host 127.0.0.1] [--port 4011] [--seed file] [--data file] [--reset]
 *                        [--processing on-read|instant|manual|<ms>] [--phone-region US]
 *                        [--fault <name>]…
 * @see ../README.md
 */
import { parseArgs } from 'node:util';
import type { ProcessingMode } from './pipeline/context.js';
import { FAULTS, type FaultName } from './faults/catalogue.js';
import { startSandbox } from './sandbox.js';

const USAGE = `Usage: identitycall-sandbox [options]

  --host <host>          interface to listen on (default 127.0.0.1)
  --port <port>          port to listen on, 0 for a free one (default 4011)
  --seed <file>          seed file (default: the packaged fixtures/seed.json)
  --data <file>          persist every change to <file>; start from it when it exists
  --reset                start from the seed even when the data file exists
  --processing <mode>    on-read (default) | instant | manual | <milliseconds per step>
  --phone-region <CC>    region for phone numbers in a local format (default US)
  --fault <name>         inject a known defect (repeatable; for testing test suites):
                         ${FAULTS.map((f) => f.name).join(', ')}
  -h, --help             show this help
`;

function processingOf(value: string | undefined): ProcessingMode | undefined {
  if (value === undefined) return undefined;
  if (value === 'on-read' || value === 'instant' || value === 'manual') return value;
  const ms = Number(value);
  if (Number.isFinite(ms) && ms > 0) return { stepMs: ms };
  throw new Error(`--processing: expected on-read, instant, manual or milliseconds, got "${value}"`);
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
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port: ${values.port}`);
  const sandbox = await startSandbox({
    host: values.host,
    port,
    ...(values.seed !== undefined && { seed: values.seed }),
    ...(values.data !== undefined && { dataFile: values.data }),
    reset: values.reset,
    ...(values.processing !== undefined && { processing: processingOf(values.processing) }),
    ...(values['phone-region'] !== undefined && { phoneRegion: values['phone-region'] }),
    ...(values.fault !== undefined && { faults: values.fault as FaultName[] }),
  });
  const lines = [
    `IdentityCall sandbox listening on ${sandbox.url}`,
    `Admin: POST ${sandbox.origin}/__sandbox/reset`,
    values.data ? `Data file: ${values.data}` : 'State: in memory (use --data <file> to persist)',
    ...(values.fault?.length ? [`Injected faults (this server is wrong on purpose): ${values.fault.join(', ')}`] : []),
    'API keys:',
    ...sandbox.keys.map(
      (k) =>
        `  ${k.key}  ${k.permissions.join('/') || 'no permissions'}${k.project_id === null ? '' : `, project ${k.project_id}`}  (${k.name})`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void sandbox.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  // Usage only for a mistake in the arguments; other failures (a bad data file) speak for themselves.
  const usage = String((e as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS') || /^--/.test((e as Error).message);
  process.stderr.write(`identitycall-sandbox: ${(e as Error).message}\n${usage ? `\n${USAGE}` : ''}`);
  process.exit(1);
});
