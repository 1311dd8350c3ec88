/**
 * The first and the last case of every run. Setup learns whether the target keeps state and
 * creates the resources the other cases work on (a project, an operator, a virtual number, a
 * recording); cleanup deletes everything the run created, and nothing else.
 */
import { resolveRef } from '@identitycall/openapi';
import type { Case, FixtureName } from '../engine/case.js';
import type { CaseContext } from '../engine/context.js';
import type { Exchange } from '../engine/exchange.js';
import { BudgetExhaustedError, KeyRejectedError, SafetyError } from '../errors.js';
import { deleteOf } from './facts.js';
import { dataOf, recordingRef, uploadSpec } from './common.js';

/** Countries searched for a number to buy. */
const SEARCH_COUNTRIES = ['US', 'LT'];

/** The searches for a number to buy: each country, with each `number_type` the spec lists. */
export function numberSearches(ctx: CaseContext): Array<{ country: string; number_type: string }> {
  const param = ctx.op('listAvailableVirtualNumbers').parameters.find((p) => p.name === 'number_type');
  const schema = param?.schema === undefined ? undefined : resolveRef<{ enum?: unknown[] }>(ctx.session.doc, param.schema);
  return SEARCH_COUNTRIES.flatMap((country) => (schema?.enum ?? []).map((t) => ({ country, number_type: String(t) })));
}

/** A number the target offers for purchase, with the search that found it; undefined when none is. */
export async function availableNumber(
  ctx: CaseContext,
): Promise<{ phone_number: string; country: string; number_type: string } | undefined> {
  for (const { country, number_type } of numberSearches(ctx)) {
    const exchange = await ctx.send({ op: 'listAvailableVirtualNumbers', query: { country, number_type } }, { kind: 'positive' });
    const first = dataOf<Array<{ phone_number?: unknown }>>(exchange)?.[0];
    if (typeof first?.phone_number === 'string') return { phone_number: first.phone_number, country, number_type };
  }
  return undefined;
}

async function detectTarget(ctx: CaseContext): Promise<void> {
  const { exchange: plain, failures } = await ctx.probe({ op: 'listOperators' }, { kind: 'positive' });
  if (plain.error !== undefined) {
    ctx.session.stop(`the target did not answer: ${plain.error}`, 'stopped');
    ctx.abort(ctx.session.stopped);
  }
  rejectedKey(plain, '--api-key');
  ctx.record(failures, plain);
  if (ctx.session.stateless !== undefined || !ctx.live) return;
  if (plain.response.status < 200 || plain.response.status >= 300) {
    ctx.session.stateless = false;
    return;
  }
  // Prism answers any documented status on request; a real server ignores the header.
  const prefer = await ctx.send({ op: 'listOperators', headers: { Prefer: 'code=403' } });
  ctx.session.stateless = prefer.response.status === 403;
}

/**
 * A 401 to a request with a key of the run means the key itself is wrong (mistyped, revoked, meant
 * for another deployment): every case that uses it would fail the same way, so the run stops here
 * with one message naming the key's option.
 */
function rejectedKey(exchange: Exchange, option: string): void {
  if (exchange.response.status !== 401) return;
  const message = (exchange.response.body as { error?: unknown } | undefined)?.error;
  throw new KeyRejectedError(
    option,
    `the target rejected ${option}: ${exchange.request.method} ${exchange.request.path} answered 401${typeof message === 'string' ? ` "${message}"` : ''}. ` +
      'Check that the key is complete, not revoked, and issued for this deployment (--base-url); nothing was checked.',
  );
}

/** Before anything is created: every other key the run was given must be accepted too. */
async function verifyKeys(ctx: CaseContext): Promise<void> {
  for (const [auth, option] of [
    ['readOnly', '--read-only-key'],
    ['project', '--project-key'],
  ] as const) {
    if (ctx.session.keys[auth] === undefined) continue;
    rejectedKey(await ctx.send({ op: 'listOperators', auth }), option);
  }
}

/** Polls the recording fixture until it is processed (a quarter of the poll timeout at most). */
async function awaitProcessing(ctx: CaseContext): Promise<void> {
  const ref = ctx.session.fixtures.recording;
  if (ref === undefined || ctx.session.stateless || !ctx.live) return;
  const deadline = Date.now() + ctx.session.options.pollTimeoutMs / 4;
  for (let wait = 20; ; wait = Math.min(wait * 2, 2_000)) {
    const status = dataOf<{ status?: string }>(await ctx.send({ op: 'getRecording', path: { id: ref } }, { kind: 'positive' }))?.status;
    ctx.session.recordingCompleted = status === 'completed';
    if ((status !== 'pending' && status !== 'processing') || Date.now() + wait > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

async function create(ctx: CaseContext, name: FixtureName, make: () => Promise<string | number | undefined>): Promise<void> {
  try {
    const id = await make();
    if (id === undefined)
      ctx.session.fixtureProblems[name] ??= { reason: 'the create request was refused (see the setup case)', kind: 'fixture' };
    else ctx.session.fixtures[name] = id;
  } catch (e) {
    ctx.session.fixtureProblems[name] = { reason: (e as Error).message, kind: e instanceof BudgetExhaustedError ? 'budget' : 'fixture' };
    if (e instanceof BudgetExhaustedError || e instanceof SafetyError) throw e;
  }
}

const setup: Case = {
  id: 'setup',
  family: 'setup',
  title: 'setup: learn whether the target keeps state; create a project, an operator, a virtual number and a recording to work on',
  tier: 'contract',
  about: ['positive_data_acceptance'],
  async run(ctx) {
    const tag = `Conformance ${ctx.session.runId}`;
    await detectTarget(ctx);
    await verifyKeys(ctx);
    const idOf = async (spec: Parameters<CaseContext['send']>[0]) =>
      dataOf<{ id?: number }>(await ctx.send(spec, { kind: 'positive' }))?.id;
    await create(ctx, 'project', () => idOf({ op: 'createProject', json: { name: tag, language: 'en' } }));
    await create(ctx, 'operator', () => idOf({ op: 'createOperator', json: { name: `${tag} Operator`, phone_number: '+15555550101' } }));
    const unneeded = (name: FixtureName) => ctx.session.fixturesNeeded !== undefined && !ctx.session.fixturesNeeded.has(name);
    if (unneeded('number')) {
      ctx.session.fixtureProblems.number = { reason: 'no case of this shard needs one, so none was bought', kind: 'fixture' };
    } else if (ctx.session.options.allowPurchase) {
      await create(ctx, 'number', async () => {
        const offer = await availableNumber(ctx);
        if (!offer) {
          ctx.session.fixtureProblems.number = { reason: 'no number is available to purchase', kind: 'catalogue' };
          return undefined;
        }
        const { phone_number, country, number_type } = offer;
        return idOf({ op: 'purchaseVirtualNumber', json: { phone_number, country_code: country.toUpperCase(), number_type, name: tag } });
      });
    } else {
      ctx.session.fixtureProblems.number = { reason: 'purchasing is not allowed (--allow-purchase)', kind: 'no-purchase' };
    }
    if (unneeded('recording')) {
      ctx.session.fixtureProblems.recording = { reason: 'no case of this shard needs one, so none was uploaded', kind: 'fixture' };
    } else if (ctx.session.fixtures.project !== undefined) {
      await create(ctx, 'recording', async () =>
        recordingRef(
          dataOf(
            await ctx.send(uploadSpec(ctx, { name: tag, external_id: `conformance-${ctx.session.runId}-fixture` }), { kind: 'positive' }),
          ),
        ),
      );
      await awaitProcessing(ctx);
    } else {
      ctx.session.fixtureProblems.recording = {
        reason: "needs the run's project, which could not be created",
        kind: ctx.session.fixtureProblems.project?.kind ?? 'fixture',
      };
    }
  },
};

const cleanup: Case = {
  id: 'cleanup',
  family: 'cleanup',
  title: 'cleanup: delete everything the run created (and nothing else)',
  tier: 'contract',
  about: [],
  async run(ctx) {
    // Newest first: what was created inside another resource (a recording in a project) goes before it.
    for (const resource of ctx.session.ledger.live()) {
      const remove = deleteOf(resource.kind);
      // No operation deletes it (a purchased number): the report lists it as left behind.
      if (!remove) continue;
      const exchange = await ctx.send({ op: remove.operationId, path: { id: resource.publicId ?? resource.id } });
      // Already gone (a project delete took its recordings along): nothing is left behind.
      if (exchange.response.status === 404) ctx.session.ledger.markDeleted(resource.kind, resource.id);
    }
  },
};

/** The first case of every run. */
export const setupCase = setup;
/** The last case of every run. */
export const cleanupCase = cleanup;
