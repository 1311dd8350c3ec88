/**
 * Provenance: which parts of each operation the docs state and which the spec infers.
 * Read from each operation's `x-docs` extension.
 */
import type { OpenAPIDocument } from './document.js';
import { listOperations } from './operations.js';

/** One inferred part of one operation. */
export interface InferredPart {
  operationId: string;
  method: string;
  path: string;
  docsUrl: string;
  inferred: string;
}

/** Every inferred part of the document, in document order. */
export function listInferred(doc: OpenAPIDocument): InferredPart[] {
  return listOperations(doc).flatMap((op) =>
    (op.docs?.inferred ?? []).map((inferred) => ({
      operationId: op.operationId,
      method: op.method.toUpperCase(),
      path: op.path,
      docsUrl: op.docs?.url ?? '',
      inferred,
    })),
  );
}

/** Operations that lack `x-docs`, or whose `x-docs` has no page URL or no `inferred` list. */
export function missingProvenance(doc: OpenAPIDocument): string[] {
  return listOperations(doc)
    .filter((op) => !op.docs || typeof op.docs.url !== 'string' || !Array.isArray(op.docs.inferred))
    .map((op) => op.operationId);
}
