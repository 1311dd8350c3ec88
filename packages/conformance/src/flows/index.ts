/** Every flow, by resource. Add a resource's flows here when it enters the spec. */
import type { Flow } from './flow.js';
import { operatorFlows } from './operators.js';
import { projectFlows } from './projects.js';
import { recordingFlows } from './recordings.js';
import { virtualNumberFlows } from './virtual-numbers.js';

/** The flows, in the order a run goes through them. */
export const flows: Flow[] = [...operatorFlows, ...projectFlows, ...recordingFlows, ...virtualNumberFlows];
export type { Flow } from './flow.js';
