/**
 * openapi-fetch's `createClient`, whichever way the module system hands it over.
 *
 * The ESM build of this package imports openapi-fetch's ESM build, whose default export is the
 * function. The CommonJS build `require()`s openapi-fetch's CommonJS build, which sets
 * `exports.default = createClient` without an `__esModule` marker; Node's interop — and esbuild's
 * `__toESM(require(…), 1)` that tsup emits to follow it — then gives the whole exports object as
 * the default import. Taking `.default` of that object when the import is not callable works in
 * both builds and in bundlers that pick either file, and keeps openapi-fetch an ordinary
 * dependency (one copy, shared with a consumer's own openapi-fetch) instead of bundling it.
 * @see https://nodejs.org/api/esm.html#commonjs-namespaces
 */
import imported from 'openapi-fetch';

type CreateClient = typeof imported;

const candidate = imported as CreateClient | { default?: CreateClient };

/** openapi-fetch's default export, the `createClient` function. */
export const createClient: CreateClient = typeof candidate === 'function' ? candidate : (candidate.default as CreateClient);
