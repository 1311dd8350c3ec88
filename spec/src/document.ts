/**
 * The bundled OpenAPI document: where it is on disk and how to load it.
 * @see https://spec.openapis.org/oas/v3.1.0
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Minimal structural view of the parts of an OpenAPI 3.1 document this package reads. */
export interface OpenAPIDocument {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  servers?: Array<{ url: string; description?: string }>;
  paths: Record<string, Record<string, unknown>>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    responses?: Record<string, unknown>;
    parameters?: Record<string, unknown>;
    examples?: Record<string, unknown>;
    headers?: Record<string, unknown>;
    requestBodies?: Record<string, unknown>;
    securitySchemes?: Record<string, unknown>;
  };
  [key: string]: unknown;
}

/** A JSON Schema 2020-12 object as OpenAPI 3.1 embeds it. */
export type JsonSchema = Record<string, unknown> | boolean;

/** Absolute path of the bundled single-file JSON document (built by `pnpm build`). */
export const bundledSpecPath: string = fileURLToPath(new URL('../dist/openapi.json', import.meta.url));

/** Absolute path of the bundled single-file YAML document (for tools such as Prism). */
export const bundledSpecYamlPath: string = fileURLToPath(new URL('../dist/openapi.yaml', import.meta.url));

let cached: OpenAPIDocument | undefined;

/**
 * Loads the bundled document. The result is shared and frozen: copy it before changing it.
 * @throws Error when the spec package has not been built.
 */
export function loadSpec(): OpenAPIDocument {
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(bundledSpecPath, 'utf8');
  } catch (cause) {
    throw new Error(`The bundled spec is missing at ${bundledSpecPath}; run \`pnpm build\` in the workspace first.`, { cause });
  }
  cached = deepFreeze(JSON.parse(text) as OpenAPIDocument);
  return cached;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

/**
 * Follows a local `$ref` ("#/components/…") inside `doc`; returns non-reference values unchanged.
 * @throws Error for a reference that does not resolve.
 */
export function resolveRef<T = unknown>(doc: OpenAPIDocument, value: unknown): T {
  let current = value;
  const seen = new Set<string>();
  while (current && typeof current === 'object' && typeof (current as { $ref?: unknown }).$ref === 'string') {
    const ref = (current as { $ref: string }).$ref;
    if (seen.has(ref)) throw new Error(`Circular reference ${ref}`);
    seen.add(ref);
    if (!ref.startsWith('#/')) throw new Error(`Only local references are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
    if (current === undefined) throw new Error(`Unresolvable reference ${ref}`);
  }
  return current as T;
}
