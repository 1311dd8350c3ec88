/**
 * The sandbox keys the engine needs, picked from a sandbox's seeded keys by what they may do: an
 * account-wide key with every permission, an account-wide read-only key, and a project-scoped key
 * with read and write.
 */
import type { ApiKeyRecord } from '@identitycall/sandbox';

/** The three keys of a full run against a sandbox. */
export interface SandboxKeys {
  full: string;
  readOnly: string;
  project: string;
}

/** Picks the keys of a full run from `keys`. @throws Error when the seed lacks one. */
export function sandboxKeys(keys: readonly ApiKeyRecord[]): SandboxKeys {
  const find = (what: string, test: (k: ApiKeyRecord) => boolean): string => {
    const key = keys.find(test);
    if (!key) throw new Error(`the sandbox seed has no ${what} key`);
    return key.key;
  };
  const has = (k: ApiKeyRecord, ...perms: string[]) => perms.every((p) => (k.permissions as string[]).includes(p));
  return {
    full: find('account-wide read/write/delete', (k) => k.project_id === null && has(k, 'read', 'write', 'delete')),
    readOnly: find('account-wide read-only', (k) => k.project_id === null && k.permissions.length === 1 && has(k, 'read')),
    project: find('project-scoped read/write', (k) => k.project_id !== null && has(k, 'read', 'write')),
  };
}
