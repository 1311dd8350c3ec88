#!/usr/bin/env node
/**
 * `identitycall-mock [--host 127.0.0.1] [--port 4010]`: serves the spec with Prism until stopped.
 */
import { parseArgs } from 'node:util';
import { startMock } from './mock.js';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '4010' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('Usage: identitycall-mock [--host 127.0.0.1] [--port 4010]');
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be an integer from 0 to 65535, got ${values.port}`);
  process.exit(2);
}

try {
  const mock = await startMock({ host: values.host, port });
  console.log(`IdentityCall mock (Prism) listening on ${mock.url}`);
  console.log(`Try: curl -H "Authorization: Bearer idc_test" ${mock.url}/operators/42`);
  const shutdown = () => void mock.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
