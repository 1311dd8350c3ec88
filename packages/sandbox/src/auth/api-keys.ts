/**
 * API keys: the bearer token, its permissions (checked against the operation's `x-permission`)
 * and its scope (account-wide, or bound to one project).
 * @see https://docs.identitycall.ai/api-reference/errors
 */
import type { OperationInfo } from '@identitycall/openapi';
import { permissionRequired, unauthorized } from '../errors/api-error.js';
import { API_KEY_PATTERN, type ApiKeyRecord } from '../state/model.js';

/** Who is asking: the key and the project it is bound to (null for an account-wide key). */
export interface Scope {
  key: ApiKeyRecord;
  projectId: number | null;
}

/** Finds the key named by an `Authorization: Bearer …` header; throws 401 when there is none. */
export function authenticate(header: string | undefined, find: (token: string) => ApiKeyRecord | undefined): Scope {
  const m = header === undefined ? null : /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  const token = m?.[1];
  if (!token || !API_KEY_PATTERN.test(token)) throw unauthorized();
  const key = find(token);
  if (!key) throw unauthorized();
  return { key, projectId: key.project_id };
}

/** Throws 403 when the key lacks the permission the operation's `x-permission` names. */
export function authorize(scope: Scope, op: OperationInfo): void {
  const needed = op.permission;
  if (needed && !scope.key.permissions.includes(needed)) throw permissionRequired(needed);
}

/** Whether the key sees the project (a project-scoped key sees only its own). */
export const seesProject = (scope: Scope, projectId: number): boolean => scope.projectId === null || scope.projectId === projectId;

/** Whether the key sees the operator (a project-scoped key sees those linked to its project). */
export const seesOperator = (scope: Scope, operator: { project_ids: readonly number[] }): boolean =>
  scope.projectId === null || operator.project_ids.includes(scope.projectId);

/** Whether the key sees a virtual number or a recording (a project-scoped key: those of its project). */
export const seesProjectResource = (scope: Scope, resource: { project_id: number | null }): boolean =>
  scope.projectId === null || resource.project_id === scope.projectId;
