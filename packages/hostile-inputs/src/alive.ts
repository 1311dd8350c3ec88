/**
 * The good request a runner sends after each hostile case: the server must still answer it with
 * a documented success.
 */
import type { OpenAPIDocument } from '@identitycall/openapi';
import type { HostileCase } from './case.js';
import { exampleRequest, aliveOperation } from './cases/valid.js';
import { successStatuses, viewOf, type SpecView } from './spec.js';

/** A valid request to the first GET without parameters, expecting one of its documented successes. */
export function aliveCase(doc: OpenAPIDocument | SpecView): HostileCase {
  const view = 'jsonLimit' in doc ? (doc as SpecView) : viewOf(doc as OpenAPIDocument);
  const op = aliveOperation(view);
  return {
    id: `alive/${op.operationId}`,
    family: 'path',
    operationId: op.operationId,
    title: `${op.operationId} still answers ${successStatuses(op).join(' or ')}`,
    send: exampleRequest(view, op),
    expect: { statuses: successStatuses(op), envelope: true },
  };
}
