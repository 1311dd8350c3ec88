#!/usr/bin/env node
/**
 * Generates src/generated/openapi.gen.ts from the bundled spec with openapi-typescript.
 * CI runs `pnpm generate` and fails when git is not clean afterwards (the drift check).
 * @see https://openapi-ts.dev/node
 */
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { generatedHeader, loadSpec, runGenerator } from '@identitycall/openapi';

const doc = loadSpec();
const ast = await openapiTS(structuredClone(doc), {
  rootTypes: true,
  rootTypesNoSchemaPrefix: true,
  // Request fields with a default stay optional for callers; the server fills them in.
  defaultNonNullable: false,
});
runGenerator(
  fileURLToPath(new URL('../src/generated/openapi.gen.ts', import.meta.url)),
  generatedHeader(doc, 'openapi-typescript') + astToString(ast),
);
