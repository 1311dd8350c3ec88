/**
 * Permissions, with `--read-only-key`: every operation that needs `write` or `delete` answers 403
 * with the message the docs give for the missing permission (chosen by its `x-permission`), and
 * every read succeeds. Updates go to the run's own resources and deletes to throwaway ones, so a
 * server that wrongly obeys changes only what the run created.
 */
import type { OperationInfo } from '@identitycall/openapi';
import type { Case, FixtureName } from '../engine/case.js';
import type { CaseContext } from '../engine/context.js';
import { situations } from '../checks/error-envelope.js';
import type { RequestSpec } from '../engine/request.js';
import { exampleQuery, pathFor } from './examples.js';
import { isMultipart, needsOf, ownPath, ownReferences, requestExamples, uploadSpec } from './common.js';

async function specFor(ctx: CaseContext, op: OperationInfo, write: boolean): Promise<RequestSpec> {
  const path = write ? await pathFor(ctx, op) : ownPath(ctx, op);
  const query = exampleQuery(ctx, op);
  if (isMultipart(op)) return { ...uploadSpec(ctx, {}), path, query, auth: 'readOnly' };
  const body = ownReferences(ctx, requestExamples(op)[0]?.value);
  return { op: op.operationId, path, query, auth: 'readOnly', ...(body !== undefined && { json: body }) };
}

function writeCase(op: OperationInfo): Case {
  return {
    id: `permissions/${op.operationId}`,
    family: 'permissions',
    title: `${op.operationId}: a read-only key gets 403 "${op.permission} permission required"`,
    tier: 'behaviour',
    operationId: op.operationId,
    about: ['permission_enforcement'],
    needs: ['stateful', 'readOnlyKey', ...needsOf(op)],
    async run(ctx) {
      await ctx.send(await specFor(ctx, op, true), {
        status: { allowed: [403], check: 'permission_enforcement', why: `a key without the ${op.permission} permission must be refused` },
        error: situations.permission(op),
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
  async run(ctx) {
    for (const op of reads) {
      // Reads that need a resource setup could not create are left out.
      if (needsOf(op).some((need) => need !== 'purchase' && ctx.session.fixtures[need as FixtureName] === undefined)) continue;
      const status = { allowed: [200], check: 'permission_enforcement' as const, why: 'a key with the read permission may read' };
      // Transcription of an unfinished recording is documented as 422: the read was allowed.
      if (op.operationId === 'getRecordingTranscription') status.allowed = [200, 422];
      await ctx.send(await specFor(ctx, op, false), { status });
    }
  },
});

/** The permission cases: one per write or delete operation, and one for every read. */
export function permissionCases(operations: readonly OperationInfo[]): Case[] {
  const writes = operations.filter((op) => op.permission === 'write' || op.permission === 'delete');
  const reads = operations.filter((op) => op.permission === 'read');
  return [...writes.map(writeCase), readsCase(reads)];
}
