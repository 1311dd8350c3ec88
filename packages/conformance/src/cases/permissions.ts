/**
 * Permissions, with `--read-only-key`: every operation that needs a permission the key lacks
 * answers 403 with the message the spec gives for that permission (`x-permissions`, chosen by the
 * operation's `x-permission`), and every read succeeds. Updates go to the run's own resources and
 * deletes to throwaway ones, so a server that wrongly obeys changes only what the run created.
 */
import { permissionMessage, type OperationInfo, type Permission } from '@identitycall/openapi';
import type { Case, FixtureName } from '../engine/case.js';
import type { CaseContext } from '../engine/context.js';
import type { RequestSpec } from '../engine/request.js';
import { compiledSpec } from '../engine/spec.js';
import { situations } from '../checks/error-envelope.js';
import { exampleQuery, pathFor } from './examples.js';
import { formSpec, isMultipart, needsOf, ownPath, ownReferences, requestExamples } from './common.js';
import { answersNotReady } from './facts.js';

/** The one permission a read-only key holds (a name of the spec's `x-permissions`, type-checked). */
export const READ_ONLY: Permission = 'read';

async function specFor(ctx: CaseContext, op: OperationInfo, write: boolean): Promise<RequestSpec> {
  const path = write ? await pathFor(ctx, op) : ownPath(ctx, op);
  const query = exampleQuery(ctx, op);
  if (isMultipart(op)) return { ...formSpec(ctx, op, {}), path, query, auth: 'readOnly' };
  const body = ownReferences(ctx, requestExamples(op)[0]?.value);
  return { op: op.operationId, path, query, auth: 'readOnly', ...(body !== undefined && { json: body }) };
}

function writeCase(op: OperationInfo, permission: Permission): Case {
  return {
    id: `permissions/${op.operationId}`,
    family: 'permissions',
    title: `${op.operationId}: a read-only key gets 403 "${permissionMessage(compiledSpec().doc, permission)}"`,
    tier: 'behaviour',
    operationId: op.operationId,
    about: ['permission_enforcement'],
    needs: ['stateful', 'readOnlyKey', ...needsOf(op)],
    async run(ctx) {
      await ctx.send(await specFor(ctx, op, true), {
        status: { allowed: [403], check: 'permission_enforcement', why: `a key without the ${op.permission} permission must be refused` },
        error: situations.permission(ctx.session.doc, op),
      });
    },
  };
}

const readsCase = (reads: readonly OperationInfo[]): Case => ({
  id: 'permissions/reads',
  family: 'permissions',
  title: 'a read-only key can read every resource',
  tier: 'behaviour',
  about: ['permission_enforcement'],
  needs: ['stateful', 'readOnlyKey'],
  uses: [...new Set(reads.flatMap((op) => needsOf(op)).filter((need): need is FixtureName => need !== 'purchase'))],
  async run(ctx) {
    for (const op of reads) {
      // Reads that need a resource setup could not create are left out.
      if (needsOf(op).some((need) => need !== 'purchase' && ctx.session.fixtures[need as FixtureName] === undefined)) continue;
      // A read that answers 422 while its resource is not ready was allowed to read.
      const allowed = answersNotReady(op) ? [200, 422] : [200];
      await ctx.send(await specFor(ctx, op, false), {
        status: { allowed, check: 'permission_enforcement', why: 'a key with the read permission may read' },
      });
    }
  },
});

/** The permission cases: one per operation a read-only key may not call, and one for every read. */
export function permissionCases(operations: readonly OperationInfo[]): Case[] {
  const writes = operations.flatMap((op) =>
    op.permission !== undefined && op.permission !== READ_ONLY ? [writeCase(op, op.permission)] : [],
  );
  const reads = operations.filter((op) => op.permission === READ_ONLY);
  return [...writes, readsCase(reads)];
}
