/**
 * @identitycall/types — TypeScript types for the IdentityCall public API, generated from the
 * OpenAPI spec. `paths` and `operations` type an openapi-fetch client; every schema is also
 * exported by name (`Operator`, `OperatorDetail`, …).
 * @see ./generated/openapi.gen.ts
 */
export type * from './generated/openapi.gen.js';
