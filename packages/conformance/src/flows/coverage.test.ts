/**
 * The coverage guard: an operation that enters the spec without a flow that calls it through the
 * client fails here, so no endpoint lands untested. (The suites check that each flow really calls
 * what it covers.)
 */
import { describe, expect, it } from 'vitest';
import { compiledSpec } from '../engine/spec.js';
import { flows } from './index.js';

const operations = compiledSpec().validator.operations;
const covered = new Set(flows.flatMap((f) => f.covers));

describe('conformance coverage', () => {
  it.each(operations)('$operationId is called by a flow', ({ operationId }) => {
    expect(covered, `add ${operationId} to a flow in packages/conformance/src/flows/`).toContain(operationId);
  });

  it('flows name only operations that exist in the spec', () => {
    const known = new Set(operations.map((o) => o.operationId));
    expect([...covered].filter((id) => !known.has(id))).toEqual([]);
  });
});
