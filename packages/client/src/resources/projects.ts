/**
 * Projects: containers for recordings, virtual numbers and operators.
 * @see https://docs.identitycall.ai/api-reference/projects
 */
import type { ProjectCreate, ProjectUpdate } from '@identitycall/types';
import type { ResourceContext } from '../internal/context.js';
import type { RequestOptions } from '../options.js';

/** Creates the `projects` resource over a client context. */
export function projectsResource({ raw, unwrap, init }: ResourceContext) {
  const path = (id: number) => ({ params: { path: { id } } });
  return {
    /** List projects, sorted by name (a project-scoped key sees only its own). */
    async list(options?: RequestOptions) {
      return unwrap(await raw.GET('/projects', init(options))).data;
    },
    /** Get a project with its settings and counts. */
    async get(id: number, options?: RequestOptions) {
      return unwrap(await raw.GET('/projects/{id}', { ...path(id), ...init(options) })).data;
    },
    /** Create a project (account-wide keys only). Not retried (a POST). */
    async create(body: ProjectCreate, options?: RequestOptions) {
      return unwrap(await raw.POST('/projects', { body, ...init(options) })).data;
    },
    /** Update a project: only the fields sent change; `retention_days: null` disables retention. */
    async update(id: number, body: ProjectUpdate, options?: RequestOptions) {
      return unwrap(await raw.PATCH('/projects/{id}', { ...path(id), body, ...init(options) })).data;
    },
    /** Delete a project and everything in it (account-wide keys with the delete permission). Resolves to undefined. */
    async delete(id: number, options?: RequestOptions): Promise<void> {
      unwrap(await raw.DELETE('/projects/{id}', { ...path(id), ...init(options) }));
    },
  };
}

/** The `client.projects` resource. */
export type ProjectsResource = ReturnType<typeof projectsResource>;
