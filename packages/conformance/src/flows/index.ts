/** Every flow, by resource. Add a resource's flows here when it enters the spec. */
import type { Flow } from './flow.js';
import { operatorFlows } from './operators.js';

export const flows: Flow[] = [...operatorFlows];
export type { Flow } from './flow.js';
