/**
 * Every operation handler, by operationId. An operationId of the spec without a handler here is
 * answered 404 (and reported by the sandbox's coverage test).
 * @see ./resources/operators.ts
 */
import type { Handler } from './context.js';
import { operatorHandlers } from './resources/operators.js';
import { projectHandlers } from './resources/projects.js';
import { recordingHandlers } from './resources/recordings.js';
import { virtualNumberHandlers } from './resources/virtual-numbers.js';

/** The implemented operations. */
export const handlers: Readonly<Record<string, Handler>> = {
  ...recordingHandlers,
  ...projectHandlers,
  ...virtualNumberHandlers,
  ...operatorHandlers,
};
