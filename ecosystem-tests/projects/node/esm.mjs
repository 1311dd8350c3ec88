// An ESM consumer: `import` of the installed client. Prints the file the import resolved to.
import * as lib from '@identitycall/client';
import { main } from './scenario.mjs';

console.log(`ENTRY ${import.meta.resolve('@identitycall/client')}`);
process.exitCode = await main(lib, {
  baseUrl: process.env.IDENTITYCALL_BASE_URL,
  apiKey: process.env.IDENTITYCALL_API_KEY,
  label: process.env.CONSUMER_LABEL ?? 'esm',
});
