/**
 * Projects: containers for recordings, virtual numbers and operators.
 * @see https://docs.identitycall.ai/api-reference/projects
 */
import type { ProjectCreate, ProjectUpdate } from '@identitycall/types';
import type { ResourceContext } from '../internal/context.js';

/** Creates the `projects` resource over a client context. */
export function projectsResource({ raw, unwrap }: ResourceContext) {
  return {
    /** List projects, sorted by name (a project-scoped key sees only its own). */
    async list() {
      return unwrap(await raw.GET('/projects')).data;
    },
    /** Get a project with its settings and counts. */
    async get(id: number) {
      return unwrap(await raw.GET('/projects/{id}', { params: { path: { id } } })).data;
    },
    /** Create a project (account-wide keys only). */
    async create(body: ProjectCreate) {
      return unwrap(await raw.POST('/projects', { body })).data;
    },
    /** Update a project: only the fields sent change; `retention_days: null` disables retention. */
    async update(id: number, body: ProjectUpdate) {
      return unwrap(await raw.PATCH('/projects/{id}', { params: { path: { id } }, body })).data;
    },
    /** Delete a project and everything in it (account-wide keys with the delete permission). */
    async delete(id: number): Promise<void> {
      unwrap(await raw.DELETE('/projects/{id}', { params: { path: { id } } }));
    },
  };
}

/** The `client.projects` resource. */
export type ProjectsResource = ReturnType<typeof projectsResource>;
