/**
 * Every flow, by the spec tag whose operations it calls: one file per tag (`flows/<tag>.ts`). An
 * operation added to the spec is covered by adding it to its tag's flow; the coverage guard
 * (`coverage.test.ts`) fails until then, and names the file.
 */
import type { Flow } from './flow.js';
import { operatorFlows } from './operators.js';
import { projectFlows } from './projects.js';
import { recordingFlows } from './recordings.js';
import { virtualNumberFlows } from './virtual-numbers.js';

/** The flows of each spec tag (the key is the tag as the spec writes it). */
export const flowsByTag: Readonly<Record<string, readonly Flow[]>> = {
  Operators: operatorFlows,
  Projects: projectFlows,
  Recordings: recordingFlows,
  'Virtual Numbers': virtualNumberFlows,
};

/** The flows, in the order a run goes through them. */
export const flows: Flow[] = Object.values(flowsByTag).flat();
export type { Flow } from './flow.js';
