#!/usr/bin/env node
/**
 * `identitycall-mock [--host 127.0.0.1] [--port 4010]`: serves the spec with Prism until stopped.
 * Exits 2 on bad flags, 1 when the mock cannot start or Prism keeps dying.
 */
import { getOperation, loadSpec } from '@identitycall/openapi';
import { HELP, parseCli } from './cli-args.js';
import { colorEnabled, styler } from './color.js';
import { startMock } from './mock.js';

/** A request to try, from the spec: Get Operator with its documented example id. */
function examplePath(): string {
  const op = getOperation(loadSpec(), 'getOperator');
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    String(op.parameters.find((p) => p.name === name)?.examples[0]?.value ?? '1'),
  );
}

const args = parseCli(process.argv.slice(2));
if ('error' in args) {
  console.error(`${args.error}\n\n${HELP}`);
  process.exit(2);
}
if (args.help) {
  console.log(HELP);
  process.exit(0);
}

const out = styler(colorEnabled(process.stdout));
const err = styler(colorEnabled(process.stderr));
try {
  const mock = await startMock({
    host: args.host,
    port: args.port,
    color: colorEnabled(process.stderr),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  // Handlers before the ready line: a supervisor may signal as soon as it reads it.
  const shutdown = () => void mock.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  console.log(`IdentityCall mock (Prism) listening on ${out('cyan', out('bold', mock.url))}`);
  console.log(`  The same paths are also served without the base path, at ${mock.origin}/`);
  console.log(`Try: curl -H "Authorization: Bearer idc_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" ${mock.url}${examplePath()}`);
  mock.prism.on('fatal', ({ message }) => {
    console.error(err('red', message));
    void mock.stop().then(() => process.exit(1));
  });
} catch (error) {
  console.error(err('red', (error as Error).message));
  process.exit(1);
}
