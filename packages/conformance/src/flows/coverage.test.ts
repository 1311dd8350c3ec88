/**
 * The coverage guard: an operation that enters the spec without a flow that calls it through the
 * client fails here, so no endpoint lands untested. Each tag has its flow file (`flows/<tag>.ts`),
 * and its operations are covered there. (The suites check that each flow really calls what it covers.)
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledSpec } from '../engine/spec.js';
import { flows, flowsByTag } from './index.js';

const operations = compiledSpec().validator.operations;
const tags = [...new Set(operations.flatMap((op) => op.tags))];
const fileOf = (tag: string) => `${tag.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.ts`;

describe('conformance coverage', () => {
  it.each(operations)('$operationId is called by a flow', ({ operationId }) => {
    const covered = new Set(flows.flatMap((f) => f.covers));
    expect(covered, `add ${operationId} to a flow in packages/conformance/src/flows/`).toContain(operationId);
  });

  it.each(tags)('the operations tagged %s are covered by flows/<tag>.ts', (tag) => {
    expect(existsSync(new URL(fileOf(tag), import.meta.url)), `create src/flows/${fileOf(tag)} and register it in flows/index.ts`).toBe(
      true,
    );
    const covered = new Set((flowsByTag[tag] ?? []).flatMap((f) => f.covers));
    const missing = operations.filter((op) => op.tags.includes(tag) && !covered.has(op.operationId)).map((op) => op.operationId);
    expect(missing, `add these to a flow in src/flows/${fileOf(tag)}`).toEqual([]);
  });

  it('flows name only operations that exist in the spec, and only tags the spec has', () => {
    const known = new Set(operations.map((o) => o.operationId));
    expect(flows.flatMap((f) => f.covers).filter((id) => !known.has(id))).toEqual([]);
    expect(Object.keys(flowsByTag).filter((tag) => !tags.includes(tag))).toEqual([]);
  });
});
