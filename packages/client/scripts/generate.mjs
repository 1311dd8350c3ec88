#!/usr/bin/env node
/**
 * Generates src/generated/spec.gen.ts: the runtime facts the client takes from the spec (default
 * base URL, spec version), so the client restates none of them by hand. `--check` fails on drift.
 */
import { fileURLToPath } from 'node:url';
import { generatedHeader, loadSpec, runGenerator } from '@identitycall/openapi';

const doc = loadSpec();
const server = doc.servers?.[0]?.url;
if (!server) throw new Error('The spec declares no server; the client needs servers[0].url as its default base URL.');

runGenerator(
  fileURLToPath(new URL('../src/generated/spec.gen.ts', import.meta.url)),
  `${generatedHeader(doc, 'packages/client/scripts/generate.mjs')}
/** The production base URL (the spec's first server). */
export const DEFAULT_BASE_URL = ${JSON.stringify(server)};

/** The version of the spec this client was generated from. */
export const SPEC_VERSION = ${JSON.stringify(doc.info.version)};
`,
);
