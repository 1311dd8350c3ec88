/**
 * Projects: list (by name), create and delete (account-wide keys only), get and partial update
 * (a project-scoped key sees only its own project; any other id is 404).
 * @see https://docs.identitycall.ai/api-reference/projects
 */
import { seesProject } from '../auth/api-keys.js';
import { notFound, projectScopedForbidden } from '../errors/api-error.js';
import type { Handler, RequestContext } from '../pipeline/context.js';
import type { ProjectRecord } from '../state/model.js';
import type { Patch } from '../state/store.js';
import { projectDetail, projectListItem } from './views.js';

type Fields = Record<string, unknown>;

function findProject(ctx: RequestContext): ProjectRecord {
  const project = ctx.app.store.projects.get(ctx.params.id as number);
  if (!project || !seesProject(ctx.scope, project.id)) throw notFound();
  return project;
}

/** Validates a project body (schema, then blank `name`/`language`) before anything changes. */
function validProjectFields(ctx: RequestContext): Fields {
  const body = ctx.body === undefined ? {} : ctx.body;
  const errors = ctx.app.validation.bodyErrors(ctx.op, body);
  const fields = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Fields;
  if (errors.length === 0) {
    // The schemas allow an empty string; a project still needs a name and a language.
    for (const key of ['name', 'language'] as const) {
      if (typeof fields[key] === 'string' && (fields[key] as string).trim() === '') {
        errors.push(...ctx.app.validation.blankMessages(ctx.op, key));
      }
    }
  }
  if (errors.length > 0) throw ctx.app.validation.invalidInput(ctx.op, errors);
  return fields;
}

/** List projects. @see https://docs.identitycall.ai/api-reference/projects/list */
const listProjects: Handler = (ctx) => ({
  status: 200,
  body: {
    data: ctx.app.store.projects
      .list()
      .filter((p) => seesProject(ctx.scope, p.id))
      .map(projectListItem),
  },
});

/** Create a project. @see https://docs.identitycall.ai/api-reference/projects/create */
const createProject: Handler = (ctx) => {
  if (ctx.scope.projectId !== null) throw projectScopedForbidden();
  const f = validProjectFields(ctx);
  const str = (key: string): string | null => (typeof f[key] === 'string' ? (f[key] as string) : null);
  const num = (key: string): number | null => (typeof f[key] === 'number' ? (f[key] as number) : null);
  const language = f.language as string;
  const { store } = ctx.app;
  const project = store.projects.create({
    name: f.name as string,
    language,
    industry: str('industry'),
    description: str('description'),
    goal_language: str('goal_language') ?? language,
    summary_language: str('summary_language') ?? language,
    long_pause_threshold_seconds: num('long_pause_threshold_seconds'),
    transcription_hints: str('transcription_hints'),
    retention_days: num('retention_days'),
    quality_baseline_enabled: f.quality_baseline_enabled === true,
    quality_baseline_pct: num('quality_baseline_pct'),
  });
  return { status: 201, body: { data: { ...projectListItem(project), ...store.projects.counts(project.id) } } };
};

/** Get a project. @see https://docs.identitycall.ai/api-reference/projects/get */
const getProject: Handler = (ctx) => ({ status: 200, body: { data: projectDetail(ctx.app.store, findProject(ctx)) } });

/** Update a project. @see https://docs.identitycall.ai/api-reference/projects/update */
const updateProject: Handler = (ctx) => {
  const current = findProject(ctx);
  const fields = validProjectFields(ctx);
  const patch: Record<string, unknown> = {};
  // The fields Update Project's request schema names; only those sent change.
  for (const key of ctx.app.validation.bodyFields(ctx.op)) if (key in fields) patch[key] = fields[key];
  const updated = ctx.app.store.projects.update(current.id, patch as Patch<ProjectRecord>) ?? current;
  return { status: 200, body: { data: projectDetail(ctx.app.store, updated) } };
};

/** Delete a project. @see https://docs.identitycall.ai/api-reference/projects/delete */
const deleteProject: Handler = (ctx) => {
  // Refused before the lookup, so a project-scoped key learns nothing about other ids.
  if (ctx.scope.projectId !== null) throw projectScopedForbidden();
  ctx.app.store.projects.delete(findProject(ctx).id);
  return { status: 204 };
};

/** The Projects handlers, by operationId. */
export const projectHandlers: Record<string, Handler> = {
  listProjects,
  createProject,
  getProject,
  updateProject,
  deleteProject,
};
