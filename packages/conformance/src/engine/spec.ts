/**
 * The spec, compiled once per process: the document, its validator, and the error envelopes it
 * documents. Every part of the engine reads its facts from here (`@identitycall/openapi`).
 */
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
