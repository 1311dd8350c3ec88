/** Every flow, by resource. Add a resource's flows here when it enters the spec. */
import type { Flow } from './flow.js';
import { operatorFlows } from './operators.js';
import { projectFlows } from './projects.js';
import { recordingFlows } from './recordings.js';
import { virtualNumberFlows } from './virtual-numbers.js';

export const flows: Flow[] = [...recordingFlows, ...projectFlows, ...virtualNumberFlows, ...operatorFlows];
export type { Flow } from './flow.js';
