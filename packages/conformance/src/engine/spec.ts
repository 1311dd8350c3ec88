/**
 * The spec, compiled once per process: the document, its validator, and the error envelopes it
 * documents. Every part of the engine reads its facts from here (`@identitycall/openapi`).
 */
import { createHash } from 'node:crypto';
import { createValidator, loadSpec, type JsonSchema, type OpenAPIDocument, type SpecValidator } from '@identitycall/openapi';
import { errorSchemas } from '../checks/error-envelope.js';

/** The compiled spec. */
export interface CompiledSpec {
  doc: OpenAPIDocument;
  validator: SpecValidator;
  /** The schemas the spec documents for error bodies. */
  errorSchemas: JsonSchema[];
}

let shared: CompiledSpec | undefined;

/** The spec compiled once per process. */
export function compiledSpec(): CompiledSpec {
  if (!shared) {
    const doc = loadSpec();
    const validator = createValidator(doc);
    shared = { doc, validator, errorSchemas: errorSchemas(validator) };
  }
  return shared;
}

/** Which spec a run checked against: its `info.version` and a hash of the whole document. */
export interface SpecIdentity {
  version: string;
  /** The first 16 hex digits of the SHA-256 of the document as JSON. */
  hash: string;
}

let identity: SpecIdentity | undefined;

/** The identity of the compiled spec (reports carry it, so shards of different specs are not merged). */
export function specIdentity(): SpecIdentity {
  if (!identity) {
    const { doc } = compiledSpec();
    const hash = createHash('sha256').update(JSON.stringify(doc)).digest('hex').slice(0, 16);
    identity = { version: String((doc as { info?: { version?: unknown } }).info?.version ?? 'unknown'), hash };
  }
  return identity;
}
