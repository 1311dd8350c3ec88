/**
 * The spec and its compiled schemas, loaded once per process: compiling every schema takes a
 * moment, and every sandbox (and the data file check) started from one document shares them.
 * @see https://ajv.js.org/json-schema.html#draft-2020-12
 */
import { createValidator, loadSpec, type OpenAPIDocument, type SpecValidator } from '@identitycall/openapi';

const validators = new WeakMap<OpenAPIDocument, SpecValidator>();

/** The compiled validator of `doc` (the bundled spec by default). */
export function specValidator(doc: OpenAPIDocument = loadSpec()): SpecValidator {
  let validator = validators.get(doc);
  if (!validator) {
    validator = createValidator(doc);
    validators.set(doc, validator);
  }
  return validator;
}
