/**
 * A flow: a sequence of client calls across operations, using ids from earlier responses. Every
 * exchange of a flow is checked against the spec by the harness; the flow itself asserts what the
 * client returns and, on stateful targets, what the server did.
 */
import { expect } from 'vitest';
import type { Harness } from '../harness.js';
import type { TargetKind } from '../target.js';

/** One flow and the operations it must call. */
export interface Flow {
  name: string;
  /** operationIds the flow calls; the coverage guard requires every spec operation in some flow. */
  covers: string[];
  /** Targets the flow must not run against, and why (reported with the skip). */
  skipOn?: { kinds: TargetKind[]; reason: string };
  run(h: Harness): Promise<void>;
}

/** True when the target keeps state (not the example-answering mock). */
export function isStateful(h: Harness): boolean {
  return h.target.kind !== 'mock';
}

/** Asserts the client returned exactly the `data` of the last response (or the whole body). */
export function expectUnwrapped(h: Harness, returned: unknown, key: 'data' | null = 'data'): void {
  const body = h.exchanges.at(-1)?.response.body as Record<string, unknown> | undefined;
  expect(returned).toEqual(key ? body?.[key] : body);
}
