/**
 * Projects flow: create → get → list → update → get → delete → get, update and delete again (404).
 * @see https://docs.identitycall.ai/api-reference/projects
 */
import type { ProjectCreate, ProjectUpdate } from '@identitycall/client';
import { example, fetchCreated, expectGone, expectListed, isStateful, type Flow } from './flow.js';

/** The projects flows. */
export const projectFlows: Flow[] = [
  {
    name: 'projects: create → get → list → update → get → delete → get (404)',
    covers: ['createProject', 'getProject', 'listProjects', 'updateProject', 'deleteProject'],
    async run(ctx) {
      const input = example<ProjectCreate>(ctx, 'createProject');
      const created = await ctx.ok((c) => c.projects.create(input));
      const fetched = await fetchCreated(ctx, 'the project', (c) => c.projects.get(created.id));
      const listed = await ctx.ok((c) => c.projects.list());
      if (isStateful(ctx)) {
        ctx.same(
          'ensure_resource_availability',
          'the created project, fetched (name, language)',
          [fetched.id, fetched.name, fetched.language],
          [created.id, input.name, input.language],
        );
        expectListed(ctx, listed, created.id, 'project');
      }
      const updated = await ctx.ok((c) => c.projects.update(created.id, example<ProjectUpdate>(ctx, 'updateProject')));
      const again = await ctx.ok((c) => c.projects.get(created.id));
      if (isStateful(ctx)) ctx.same('ensure_resource_availability', 'the updated project, fetched', again, updated);
      await ctx.ok((c) => c.projects.delete(created.id), { returns: 'nothing' });
      if (isStateful(ctx)) {
        await expectGone(ctx, 'getProject', 'the project', (c) => c.projects.get(created.id));
        await expectGone(ctx, 'updateProject', 'the project', (c) => c.projects.update(created.id, { description: 'after delete' }));
        await expectGone(ctx, 'deleteProject', 'the project', (c) => c.projects.delete(created.id));
      }
    },
  },
];
