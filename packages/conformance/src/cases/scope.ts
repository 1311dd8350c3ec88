/**
 * Project scope, with `--project-key` (a key bound to one project, with read and write): the
 * run's own resources live outside that project, so the key must get 404 — never 403, which would
 * tell it they exist — for each of them, must not see them listed, and gets the documented 403 for
 * creating or deleting a project and for uploading into another project. What the key creates
 * lands in its project and is visible to it.
 */
import type { CheckName } from '../checks/catalogue.js';
import type { Exchange } from '../engine/exchange.js';
import type { Case } from '../engine/case.js';
import type { CaseContext } from '../engine/context.js';
import { situations } from '../checks/error-envelope.js';
import type { Expectation } from '../engine/evaluate.js';
import type { RequestSpec } from '../engine/request.js';
import { dataOf, recordingRef } from './common.js';
import { sampleAudio } from '../engine/request.js';

const WHY_HIDDEN = "another project's resource must look absent to a project-scoped key: 404, never 403";

/** Sends `spec` with the project key and expects the documented 404. */
async function hidden(ctx: CaseContext, spec: Omit<RequestSpec, 'auth'>): Promise<Exchange> {
  const expectation: Expectation = {
    status: { allowed: [404], check: 'scope_isolation', why: WHY_HIDDEN },
    error: situations.notFound(ctx.op(spec.op)),
  };
  return ctx.send({ ...spec, auth: 'project' }, expectation);
}

/** Lists with the project key and checks that `id` is not among the items. */
async function notListed(ctx: CaseContext, op: string, id: number | string, what: string, query?: RequestSpec['query']): Promise<void> {
  const exchange = await ctx.send({ op, auth: 'project', query }, { kind: 'positive' });
  const items = dataOf<Array<{ id?: unknown; public_id?: unknown }>>(exchange) ?? [];
  const leaked = items.some((item) => String(item.id) === String(id) || String(item.public_id) === String(id));
  ctx.check(
    'scope_isolation',
    !leaked,
    `${op} with the project key lists the run's ${what} ${id}, which is outside the key's project`,
    exchange,
  );
}

const base = { family: 'scope' as const, tier: 'behaviour' as const, about: ['scope_isolation'] as CheckName[] };

const projects: Case = {
  ...base,
  id: 'scope/projects',
  title: 'projects: a project-scoped key sees only its own project; another project is 404; creating or deleting one is 403',
  needs: ['stateful', 'projectKey', 'project'],
  async run(ctx) {
    const own = ctx.fixture('project');
    const listed = await ctx.send({ op: 'listProjects', auth: 'project' }, { kind: 'positive' });
    const items = dataOf<Array<{ id?: unknown }>>(listed) ?? [];
    ctx.check(
      'scope_isolation',
      items.length === 1,
      `listProjects with the project key lists ${items.length} projects; a project-scoped key sees only its own`,
      listed,
    );
    ctx.check(
      'scope_isolation',
      !items.some((p) => p.id === own),
      `listProjects with the project key lists the run's project ${own}`,
      listed,
    );
    await hidden(ctx, { op: 'getProject', path: { id: own } });
    await hidden(ctx, { op: 'updateProject', path: { id: own }, json: { description: 'changed by a project-scoped key' } });
    const forbidden = (op: string): Expectation => ({
      status: { allowed: [403], check: 'scope_isolation', why: 'project-scoped keys cannot create or destroy projects' },
      error: situations.projectScoped(ctx.op(op)),
    });
    await ctx.send({ op: 'deleteProject', path: { id: own }, auth: 'project' }, forbidden('deleteProject'));
    await ctx.send(
      { op: 'createProject', json: { name: `Conformance scoped ${ctx.session.runId}`, language: 'en' }, auth: 'project' },
      forbidden('createProject'),
    );
  },
};

const operators: Case = {
  ...base,
  id: 'scope/operators',
  title: "operators: the run's unlinked operator is 404 to a project-scoped key and not listed; one it creates is its own",
  needs: ['stateful', 'projectKey', 'operator'],
  async run(ctx) {
    const own = ctx.fixture('operator');
    await hidden(ctx, { op: 'getOperator', path: { id: own } });
    await hidden(ctx, { op: 'updateOperator', path: { id: own }, json: { active: false } });
    await hidden(ctx, { op: 'deleteOperator', path: { id: own } });
    await notListed(ctx, 'listOperators', own, 'operator');
    const created = await ctx.send(
      { op: 'createOperator', auth: 'project', json: { name: `Conformance Scoped ${ctx.session.runId}`, phone_number: '+15555550103' } },
      { kind: 'positive' },
    );
    const id = dataOf<{ id?: number }>(created)?.id;
    if (id === undefined) return;
    const fetched = await ctx.send({ op: 'getOperator', path: { id }, auth: 'project' });
    ctx.check(
      'scope_isolation',
      fetched.response.status === 200,
      `an operator created with the project key is ${fetched.response.status} to that key; it is linked to the key's project`,
      fetched,
    );
  },
};

const numbers: Case = {
  ...base,
  id: 'scope/virtual-numbers',
  title: "virtual numbers: the run's number (in no project) is 404 to a project-scoped key on every operation and not listed",
  needs: ['stateful', 'projectKey', 'number', 'operator'],
  async run(ctx) {
    const own = ctx.fixture('number');
    await hidden(ctx, { op: 'getVirtualNumber', path: { id: own } });
    await hidden(ctx, { op: 'updateVirtualNumber', path: { id: own }, json: { active: false } });
    // A server that wrongly obeys creates an operator; the run adopts it, so cleanup deletes it.
    await hidden(ctx, { op: 'addVirtualNumberOperator', path: { id: own }, json: { phone_number: '+15555550104' } });
    await hidden(ctx, { op: 'removeVirtualNumberOperator', path: { id: own }, query: { operator_id: ctx.fixture('operator') } });
    await notListed(ctx, 'listVirtualNumbers', own, 'virtual number');
  },
};

const recordings: Case = {
  ...base,
  id: 'scope/recordings',
  title:
    "recordings: the run's recording is 404 to a project-scoped key everywhere; uploading into another project is 403; its own upload lands in its project",
  needs: ['stateful', 'projectKey', 'recording', 'project'],
  async run(ctx) {
    const own = ctx.fixture('recording');
    for (const op of ['getRecording', 'getRecordingTranscription', 'getRecordingResults', 'getRecordingSummary'])
      await hidden(ctx, { op, path: { id: own } });
    await hidden(ctx, { op: 'updateRecording', path: { id: own }, json: { display_name: 'changed by a project-scoped key' } });
    await hidden(ctx, { op: 'deleteRecording', path: { id: own } });
    await notListed(ctx, 'listRecordings', own, 'recording', { per_page: 100 });
    await ctx.send(
      { op: 'uploadRecording', auth: 'project', form: { fields: { project_id: ctx.fixture('project') as number }, file: sampleAudio() } },
      { status: { allowed: [403], check: 'scope_isolation', why: 'a project-scoped key may not upload into another project' } },
    );
    const upload = await ctx.send(
      {
        op: 'uploadRecording',
        auth: 'project',
        form: { fields: { name: `Conformance scoped ${ctx.session.runId}` }, file: sampleAudio() },
      },
      { kind: 'positive' },
    );
    const ref = recordingRef(dataOf(upload));
    if (ref === undefined) return;
    const fetched = await ctx.send({ op: 'getRecording', path: { id: ref }, auth: 'project' });
    ctx.check(
      'scope_isolation',
      fetched.response.status === 200,
      `a recording uploaded with the project key is ${fetched.response.status} to that key; it belongs to the key's project`,
      fetched,
    );
  },
};

/** The scope cases, one per resource. */
export const scopeCases: Case[] = [projects, operators, numbers, recordings];
