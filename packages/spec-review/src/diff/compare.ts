/**
 * Compares two resolved OpenAPI documents and returns every change, classified for clients. The
 * rule families live in their own modules; this one pairs the operations and runs them in order.
 * @see ../../README.md (section "Rules": every rule and why it is classified as it is)
 */
import { compareComponents } from './components.js';
import { compareDocumentDocs, compareOperationDocs } from './documentation.js';
import { compareOperation, compareServers, operationsOf, pairOperations } from './operations.js';
import { assertPathParameters, compareParameters } from './parameters.js';
import { compareRequestBodies } from './request-bodies.js';
import type { ResolvedSpec } from './resolve.js';
import { compareResponses } from './responses.js';
import type { NameMaps } from './schemas.js';
import { compareSecurity } from './security.js';
import { isBreaking, type Change } from './types.js';
import { compareWebhooks } from './webhooks.js';

/** The changes between two documents, with counts per level (documentation-only changes apart). */
export interface SpecDiff {
  base: string;
  head: string;
  changes: Change[];
  /** Changes that break existing clients: the only ones the gate fails on. */
  breaking: number;
  /** Changes a reviewer must judge (level `possibly-breaking`). */
  possiblyBreaking: number;
  /** Safe changes other than documentation. */
  nonBreaking: number;
  documentation: number;
}

/**
 * Compares `base` with `head` (both resolved) and classifies every change.
 * @throws InvalidSpecError when a path parameter is missing from its path template (or the reverse).
 */
export function compareSpecs(base: ResolvedSpec, head: ResolvedSpec): SpecDiff {
  const names: NameMaps = { base: base.refNames, head: head.refNames };
  const changes: Change[] = [
    ...compareServers(base.doc, head.doc),
    ...compareComponents(base.doc, head.doc),
    ...compareDocumentDocs(base.doc, head.doc),
  ];
  const baseOps = operationsOf(base.doc);
  const headOps = operationsOf(head.doc);
  assertPathParameters(baseOps.values(), base.label);
  assertPathParameters(headOps.values(), head.label);
  const { pairs, changes: opChanges } = pairOperations(baseOps, headOps);
  changes.push(...opChanges);
  for (const [b, h] of pairs) {
    changes.push(
      ...compareOperation(b, h),
      ...compareSecurity(b, h, base.doc, head.doc),
      ...compareParameters(b, h, names),
      ...compareRequestBodies(b, h, names),
      ...compareResponses(b, h, names),
      ...compareOperationDocs(b, h),
    );
  }
  changes.push(...compareWebhooks(base.doc, head.doc, names));

  // Document order of the head (removed operations by their place in the base), document-level first.
  const order = new Map<string, number>();
  [...headOps.values(), ...baseOps.values()].forEach((op, i) => {
    const k = `${op.ref.method} ${op.ref.path}`;
    if (!order.has(k)) order.set(k, i);
  });
  const rank = (c: Change) => (c.operation ? (order.get(`${c.operation.method} ${c.operation.path}`) ?? 0) + 1 : 0);
  const sorted = changes
    .map((c, i) => ({ c, i }))
    .sort((x, y) => rank(x.c) - rank(y.c) || x.i - y.i)
    .map(({ c }) => c);

  const documentation = sorted.filter((c) => c.family === 'documentation').length;
  const breaking = sorted.filter(isBreaking).length;
  const possiblyBreaking = sorted.filter((c) => c.severity === 'possibly-breaking').length;
  return {
    base: base.label,
    head: head.label,
    changes: sorted,
    breaking,
    possiblyBreaking,
    nonBreaking: sorted.length - breaking - possiblyBreaking - documentation,
    documentation,
  };
}
