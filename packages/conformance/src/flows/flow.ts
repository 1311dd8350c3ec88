/**
 * A flow: a sequence of client calls across operations, using ids from earlier responses. Every
 * request the client sends and every response it reads is checked by the engine; on a target that
 * keeps state a flow also checks that what was created can be fetched (`ensure_resource_availability`)
 * and that what was deleted is gone (`use_after_free`).
 */
import type { IdentityCallClient } from '@identitycall/client';
import type { Need } from '../engine/case.js';
import type { CaseContext } from '../engine/context.js';
import { situations } from '../checks/error-envelope.js';

/** One flow and the operations it must call through the client. */
export interface Flow {
  name: string;
  /** operationIds the flow calls; the coverage guard requires every spec operation in some flow. */
  covers: string[];
  /** What the flow needs (see the engine's case needs). */
  needs?: Need[];
  run(ctx: CaseContext): Promise<void>;
}

/** Whether the target keeps state (behaviour after a write can be observed). */
export const isStateful = (ctx: CaseContext): boolean => !ctx.session.stateless;

/** The first documented request example of an operation, as the flows' realistic input. */
export function example<T>(ctx: CaseContext, operationId: string, name?: string): T {
  const examples = ctx.op(operationId).requestBody?.content[0]?.examples ?? [];
  return structuredClone((examples.find((e) => e.name === name) ?? examples[0])?.value) as T;
}

/** Calls the client expecting the documented 404 of a deleted resource (`use_after_free`). */
export async function expectGone(
  ctx: CaseContext,
  operationId: string,
  what: string,
  fn: (c: IdentityCallClient) => Promise<unknown>,
): Promise<void> {
  await ctx.call(fn, {
    expect: {
      status: { allowed: [404], check: 'use_after_free', why: `${what} was deleted` },
      error: situations.notFound(ctx.op(operationId)),
    },
  });
}

/** Checks that `id` is among the listed items (`ensure_resource_availability`). */
export function expectListed(ctx: CaseContext, items: Array<{ id?: unknown }> | undefined, id: unknown, what: string): void {
  ctx.check(
    'ensure_resource_availability',
    (items ?? []).some((item) => item.id === id),
    `${what} ${String(id)} is not listed after it was created`,
  );
}

/**
 * Fetches what was just created: on a target that keeps state it must be there
 * (`ensure_resource_availability`); the case stops when it is not.
 */
export async function fetchCreated<T>(ctx: CaseContext, what: string, fn: (c: IdentityCallClient) => Promise<T>): Promise<T> {
  const expect = isStateful(ctx)
    ? { status: { allowed: [200], check: 'ensure_resource_availability' as const, why: `${what} was just created` } }
    : undefined;
  const result = await ctx.call(fn, expect ? { expect } : {});
  if (result.error !== undefined) return ctx.abort(`${what} could not be fetched after it was created`);
  return result.value as T;
}
