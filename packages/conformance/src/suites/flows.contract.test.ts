/**
 * Flows through the client's resource layer: every request the client sends and every response
 * the target gives must meet the spec, and the client must return what the server said.
 */
import { describe, expect, inject, it } from 'vitest';
import { formatFailures } from '../checks.js';
import { flows } from '../flows/index.js';
import { createHarness } from '../harness.js';

const target = inject('target');

describe(`flows against the ${target.kind} (${target.baseUrl})`, () => {
  it.for(flows)('$name', async (flow, ctx) => {
    ctx.skip(flow.skipOn?.kinds.includes(target.kind) ?? false, flow.skipOn?.reason);
    const h = createHarness(target);
    await flow.run(h);
    expect(formatFailures(h.failures())).toBe('');
    expect(new Set(h.calledOperations())).toEqual(new Set([...flow.covers, ...h.calledOperations()]));
    for (const id of flow.covers) expect(h.calledOperations()).toContain(id);
  });
});
