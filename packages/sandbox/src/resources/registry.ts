/**
 * Every operation handler, by operationId. An operationId of the spec without a handler here is
 * answered 404 (and reported by the sandbox's coverage test).
 * @see ./operators.ts
 */
import type { Handler } from '../pipeline/context.js';
import { operatorHandlers } from './operators.js';
import { projectHandlers } from './projects.js';
import { recordingHandlers } from './recordings.js';
import { virtualNumberHandlers } from './virtual-numbers.js';

/** The implemented operations. */
export const handlers: Readonly<Record<string, Handler>> = {
  ...recordingHandlers,
  ...projectHandlers,
  ...virtualNumberHandlers,
  ...operatorHandlers,
};
