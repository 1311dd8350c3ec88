/**
 * Behaviour tier, across resources: idempotent upload, the processing lifecycle, the pagination
 * walk, and cascades on delete (an operator leaves every routing list; a project takes its
 * recordings with it). Only a target that keeps state can pass these.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Case } from '../engine/case.js';
import type { CaseContext } from '../engine/context.js';
import { situations } from '../checks/error-envelope.js';
import type { Exchange } from '../engine/exchange.js';
import { dataOf, recordingRef, scratch, uploadSpec } from './common.js';

type Fields = Record<string, unknown>;
const base = { family: 'behaviour', tier: 'behaviour' } as const;

/** Uploads into `project` (the run's own by default) and returns the answer. */
const upload = (ctx: CaseContext, fields: Fields) => ctx.send(uploadSpec(ctx, fields), { kind: 'positive' });

/**
 * recordings_count of the run's own project. Not the account's total_count: another client of the
 * account (a parallel CI job, a shard of this run) may upload at any time, but only this run
 * uploads into its project, and its cases run one at a time.
 */
async function projectRecordings(ctx: CaseContext): Promise<number | undefined> {
  const exchange = await ctx.send({ op: 'getProject', path: { id: ctx.fixture('project') } }, { kind: 'positive' });
  return dataOf<Fields>(exchange)?.recordings_count as number | undefined;
}

const idempotent: Case = {
  ...base,
  id: 'behaviour/idempotent-upload',
  title: 'recordings: re-uploading the same (project_id, external_id) answers 200 with the same recording and creates nothing',
  about: ['idempotent_upload'],
  needs: ['stateful', 'project'],
  async run(ctx) {
    const externalId = `conformance-${ctx.session.runId}-replay`;
    const first = await upload(ctx, { external_id: externalId, name: 'First upload' });
    const ref = recordingRef(dataOf(first));
    if (ref === undefined) return ctx.abort('the first upload failed');
    ctx.same('idempotent_upload', 'a new upload answered', first.response.status, 201, first);
    const before = await projectRecordings(ctx);
    const replay = await upload(ctx, { external_id: externalId, name: 'Replayed upload' });
    ctx.same('idempotent_upload', 'the replay answered', replay.response.status, 200, replay);
    ctx.same('idempotent_upload', 'the replay returned the recording', recordingRef(dataOf(replay)), ref, replay);
    ctx.same('idempotent_upload', "the project's recordings_count after the replay", await projectRecordings(ctx), before);
    // The key is the pair: the same external id in another project is a new recording.
    const other = await scratch(ctx, 'projects', 'replay');
    const elsewhere = await upload(ctx, { external_id: externalId, project_id: other });
    ctx.check(
      'idempotent_upload',
      elsewhere.response.status === 201 && recordingRef(dataOf(elsewhere)) !== ref,
      `the same external_id in another project answered ${elsewhere.response.status} with recording ${recordingRef(dataOf(elsewhere))}; expected a new recording (201)`,
      elsewhere,
    );
  },
};

const ORDER = ['pending', 'processing', 'completed'];

const lifecycle: Case = {
  ...base,
  id: 'behaviour/processing-lifecycle',
  title: 'recordings: pending → processing → completed; the transcription is 422 until then and 200 after',
  about: ['processing_lifecycle'],
  needs: ['stateful', 'project'],
  async run(ctx) {
    const created = await upload(ctx, { name: `Lifecycle ${ctx.session.runId}` });
    const data = dataOf<Fields>(created);
    const ref = recordingRef(data);
    if (ref === undefined) return ctx.abort('the upload failed');
    const transcriptionOp = ctx.op('getRecordingTranscription');
    const statuses = [String(data?.status)];
    const deadline = Date.now() + ctx.session.options.pollTimeoutMs;
    let wait = 20;
    let last: Exchange | undefined;
    while (statuses.at(-1) === 'pending' || statuses.at(-1) === 'processing') {
      const early = await ctx.send(
        { op: 'getRecordingTranscription', path: { id: ref } },
        {
          status: { allowed: [422], check: 'processing_lifecycle', why: `the recording is ${statuses.at(-1)}` },
          error: situations.named(transcriptionOp, 422, 'transcriptionNotAvailable'),
        },
      );
      if (early.response.status !== 422) return;
      if (Date.now() > deadline)
        ctx.skip(`the upload did not complete within the poll timeout (${ctx.session.options.pollTimeoutMs} ms)`, 'timeout');
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, 2_000);
      last = await ctx.send({ op: 'getRecording', path: { id: ref } }, { kind: 'positive' });
      statuses.push(String(dataOf<Fields>(last)?.status));
    }
    const ranks = statuses.map((s) => (s === 'failed' ? ORDER.length : ORDER.indexOf(s)));
    ctx.check(
      'processing_lifecycle',
      ranks.every((r, i) => r >= 0 && (i === 0 || r >= ranks[i - 1]!)),
      `the status went ${statuses.join(' → ')}; it may only move forward through ${ORDER.join(' → ')}`,
      last,
    );
    if (statuses.at(-1) !== 'completed') return;
    const numericId = dataOf<Fields>(last ?? created)?.id;
    const transcription = await ctx.send({ op: 'getRecordingTranscription', path: { id: ref } }, { kind: 'positive' });
    ctx.check(
      'processing_lifecycle',
      transcription.response.status === 200,
      'the transcription of a completed recording must be available',
      transcription,
    );
    if (typeof numericId === 'number')
      ctx.same(
        'processing_lifecycle',
        'the transcription recording_id',
        dataOf<Fields>(transcription)?.recording_id,
        numericId,
        transcription,
      );
    for (const op of ['getRecordingResults', 'getRecordingSummary']) {
      const answer = await ctx.send({ op, path: { id: ref } }, { kind: 'positive' });
      if (typeof numericId === 'number')
        ctx.same('processing_lifecycle', `${op} recording_id`, dataOf<Fields>(answer)?.recording_id, numericId, answer);
    }
  },
};

/** A comparison of a walk, recorded only once the walk is known to count. */
interface Comparison {
  what: string;
  actual: unknown;
  expected: unknown;
  exchange?: Exchange;
}

/** total_count of List Recordings as the main key sees it (the whole account). */
async function totalCount(ctx: CaseContext): Promise<number | undefined> {
  const exchange = await ctx.send({ op: 'listRecordings', query: { per_page: 1 } }, { kind: 'positive' });
  return (exchange.response.body as { meta?: { total_count?: number } } | undefined)?.meta?.total_count;
}

/**
 * One walk over every page of List Recordings: what it compares, not yet recorded, and what it saw
 * (every page's meta and ids, and the count read after the last page), to tell whether the account
 * changed under it. `undefined` when List Recordings answers no total_count.
 */
async function walkPages(ctx: CaseContext): Promise<{ comparisons: Comparison[]; saw: string } | undefined> {
  const total = await totalCount(ctx);
  if (total === undefined) return undefined;
  const comparisons: Comparison[] = [];
  const pagesSeen: unknown[] = [];
  const perPage = Math.min(100, Math.max(1, Math.ceil(total / 5)));
  const pages = Math.ceil(total / perPage);
  const seen: string[] = [];
  let page = 1;
  for (; page <= 20; page++) {
    const exchange = await ctx.send({ op: 'listRecordings', query: { page, per_page: perPage } }, { kind: 'positive' });
    const body = exchange.response.body as { data?: Fields[]; meta?: Fields } | undefined;
    const expectedSize = page < pages ? perPage : total - (pages - 1) * perPage;
    comparisons.push(
      {
        what: `page ${page} of ${pages} at per_page=${perPage}: meta`,
        actual: body?.meta,
        expected: { current_page: page, per_page: perPage, total_pages: pages, total_count: total },
        exchange,
      },
      { what: `page ${page} of ${pages} at per_page=${perPage}: items`, actual: body?.data?.length, expected: expectedSize, exchange },
    );
    const ids = (body?.data ?? []).map((r) => String(r.id));
    pagesSeen.push([body?.meta, ids]);
    seen.push(...ids);
    const meta = body?.meta as { current_page?: number; total_pages?: number } | undefined;
    if (!meta || (meta.current_page ?? 0) >= (meta.total_pages ?? 0)) break;
  }
  if (page <= 20) {
    comparisons.push({
      what: 'recordings seen over all pages (each once)',
      actual: [seen.length, new Set(seen).size],
      expected: [total, total],
    });
    const past = await ctx.send({ op: 'listRecordings', query: { page: pages + 1, per_page: perPage } }, { kind: 'positive' });
    comparisons.push({
      what: `page ${pages + 1}, past the last: items`,
      actual: (past.response.body as { data?: unknown[] } | undefined)?.data?.length,
      expected: 0,
      exchange: past,
    });
  }
  return { comparisons, saw: JSON.stringify([total, pagesSeen, await totalCount(ctx)]) };
}

/** The most walks over the account's recordings while another client keeps changing them. */
const MAX_WALKS = 4;

const pagination: Case = {
  ...base,
  id: 'behaviour/pagination-walk',
  title: 'recordings: walking the pages sees every recording once, with consistent meta',
  about: ['pagination_walk'],
  needs: ['stateful', 'project'],
  async run(ctx) {
    for (let i = 0; i < 3; i++) await upload(ctx, { name: `Page ${i} ${ctx.session.runId}` });
    // The walk covers the whole account, which other clients (a parallel CI job, another shard of
    // this run) may change meanwhile. A walk counts once the next one saw exactly the same pages,
    // so nothing moved under it; a server that pages wrongly does so on both walks and fails.
    let walk = await walkPages(ctx);
    let walks = 1;
    let still = false;
    while (walk !== undefined && !still && walks < MAX_WALKS) {
      const next = await walkPages(ctx);
      walks++;
      still = next !== undefined && next.saw === walk.saw;
      walk = next;
    }
    if (walk === undefined) return ctx.abort('List Recordings answered no meta.total_count');
    const holds = (c: Comparison) => isDeepStrictEqual(c.actual, c.expected);
    // The account never held still and the last walk disagrees with itself: that says nothing about
    // the server's paging, so the walk was not checked (INCOMPLETE), unless something else failed.
    if (!still && ctx.live && !ctx.recorder.failed && !walk.comparisons.every(holds))
      return ctx.skip(
        `the account's recordings changed during each of ${walks} walks (another client is creating or deleting them), so no walk could be checked; run where no one else writes to the account`,
        'contention',
      );
    for (const c of walk.comparisons) ctx.same('pagination_walk', c.what, c.actual, c.expected, c.exchange);
  },
};

const operatorCascade: Case = {
  ...base,
  id: 'behaviour/delete-cascade/operators',
  title: "operators: a deleted operator leaves every virtual number's routing list",
  about: ['delete_cascade'],
  needs: ['stateful', 'number', 'purchase'],
  async run(ctx) {
    const number = ctx.fixture('number');
    const operator = await scratch(ctx, 'operators', 'cascade');
    const attached = await ctx.send(
      { op: 'addVirtualNumberOperator', path: { id: number }, json: { operator_id: operator } },
      { kind: 'positive' },
    );
    const listed = (d: Exchange) => (dataOf<{ operators?: Array<{ id?: unknown }> }>(d)?.operators ?? []).some((o) => o.id === operator);
    if (!ctx.check('delete_cascade', listed(attached), `operator ${operator} is not on the routing list after Attach Operator`, attached))
      return;
    await ctx.send({ op: 'deleteOperator', path: { id: operator } }, { kind: 'positive' });
    const after = await ctx.send({ op: 'getVirtualNumber', path: { id: number } });
    ctx.check('delete_cascade', !listed(after), `the deleted operator ${operator} is still on the routing list of number ${number}`, after);
  },
};

const projectCascade: Case = {
  ...base,
  id: 'behaviour/delete-cascade/projects',
  title: 'projects: deleting a project deletes its recordings',
  about: ['delete_cascade'],
  needs: ['stateful'],
  async run(ctx) {
    const project = await scratch(ctx, 'projects', 'cascade');
    const ref = recordingRef(dataOf(await upload(ctx, { project_id: project, name: 'Cascade' })));
    if (ref === undefined) return ctx.abort('the upload failed');
    await ctx.send({ op: 'deleteProject', path: { id: project } }, { kind: 'positive' });
    await ctx.send(
      { op: 'getRecording', path: { id: ref } },
      {
        status: { allowed: [404], check: 'delete_cascade', why: 'the project it belonged to was deleted' },
        error: situations.notFound(ctx.op('getRecording')),
      },
    );
  },
};

/** The behaviour cases across resources. */
export const recordingBehaviourCases: Case[] = [idempotent, lifecycle, pagination, operatorCascade, projectCascade];
