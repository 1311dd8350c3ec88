/**
 * Against the mock only: every documented status of every operation, asked for with Prism's
 * `Prefer: code=NNN` header, must come back as documented (the error statuses, 429 with
 * Retry-After, 500 in the envelope). A real server cannot be asked for its error answers, so there
 * the other families provoke them.
 * @see https://docs.stoplight.io/docs/prism/beae2f5c8e2f6-prism-cli#modifying-responses
 */
import type { OperationInfo } from '@identitycall/openapi';
import type { Case } from '../engine/case.js';
import type { RequestSpec } from '../engine/request.js';
import { exampleQuery } from './examples.js';
import { isMultipart, needsOf, ownPath, ownReferences, requestExamples, uploadSpec } from './common.js';

function preferCase(op: OperationInfo): Case {
  const statuses = op.responses
    .map((r) => r.status)
    .filter((s) => /^\d{3}$/.test(s))
    .map(Number);
  return {
    id: `prefer/${op.operationId}`,
    family: 'prefer',
    title: `${op.operationId}: answers each documented status (${statuses.join(', ')}) as documented`,
    tier: 'contract',
    operationId: op.operationId,
    about: ['status_code_conformance', 'response_schema_conformance', 'response_headers_conformance'],
    needs: ['mock', ...needsOf(op)],
    async run(ctx) {
      for (const status of statuses) {
        const path = ownPath(ctx, op);
        const headers = { Prefer: `code=${status}` };
        const body = ownReferences(ctx, requestExamples(op)[0]?.value);
        const spec: RequestSpec = isMultipart(op)
          ? { ...uploadSpec(ctx, (body as Record<string, unknown>) ?? {}), path, headers }
          : { op: op.operationId, path, query: exampleQuery(ctx, op), headers, ...(body !== undefined && { json: body }) };
        await ctx.send(spec, {
          status: { allowed: [status], check: 'status_code_conformance', why: `asked for ${status} with Prefer` },
          allowServerError: status >= 500,
        });
      }
    },
  };
}

/** One Prefer case per operation. */
export function preferCases(operations: readonly OperationInfo[]): Case[] {
  return operations.map(preferCase);
}
