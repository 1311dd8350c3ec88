// A Deno consumer: the client through an `npm:` specifier, resolved from the registry named by
// NPM_CONFIG_REGISTRY (or this folder's .npmrc). Nothing is installed into the folder.
import * as lib from 'npm:@identitycall/client';
import { main } from './scenario.mjs';

const env = (name: string): string => {
  const value = Deno.env.get(name);
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

Deno.exit(
  await main(lib, {
    baseUrl: env('IDENTITYCALL_BASE_URL'),
    apiKey: env('IDENTITYCALL_API_KEY'),
    label: Deno.env.get('CONSUMER_LABEL') ?? 'deno',
  }),
);
