/**
 * Behaviour tier, resources: partial updates (operators, projects, virtual numbers, recordings),
 * `null` clearing a field, phone numbers normalised to E.164, and initials derived from names.
 * Test data comes from the spec's examples where it has some (the OperatorList example's names,
 * initials and phone numbers). Only a target that keeps state can pass these.
 */
import { resolveRef, withoutVolatile } from '@identitycall/openapi';
import type { Case } from '../engine/case.js';
import type { CaseContext } from '../engine/context.js';
import { expectMessages } from '../checks/error-envelope.js';
import { initialsOf } from '../checks/initials.js';
import { dataOf } from './common.js';

type Fields = Record<string, unknown>;
const base = { family: 'behaviour', tier: 'behaviour' } as const;

/** Creates an operator with `body` (positive) and returns its data, or aborts. */
async function createOperator(ctx: CaseContext, body: Fields): Promise<Fields> {
  const data = dataOf<Fields>(await ctx.send({ op: 'createOperator', json: body }, { kind: 'positive' }));
  if (!data || typeof data.id !== 'number') return ctx.abort('the operator could not be created');
  return data;
}

const without = (o: Fields | undefined, ...keys: string[]): Fields =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([k]) => !keys.includes(k)));

/** The operators of the spec's List Operators example: name, initials and phone number. */
function exampleOperators(ctx: CaseContext): Array<{ name: string; initials: string; phone_number: string }> {
  const value = ctx.op('listOperators').responses.find((r) => r.status === '200')?.content[0]?.examples[0]?.value as
    | { data?: Fields[] }
    | undefined;
  return (value?.data ?? []).filter((o) => typeof o.name === 'string' && typeof o.initials === 'string') as never;
}

/** An E.164 number written the way people type it. */
export const typed = (e164: string): string =>
  e164.startsWith('+1') && e164.length === 12
    ? `+1 (${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`
    : `+${e164.slice(1).replace(/(\d{3})(?=\d)/g, '$1 ')}`;

const operatorsPartial: Case = {
  ...base,
  id: 'behaviour/partial-update/operators',
  title: 'operators: PATCH changes only the fields sent; null clears the email',
  about: ['partial_update', 'null_clears_field'],
  needs: ['stateful'],
  async run(ctx) {
    const before = await createOperator(ctx, {
      name: `Conformance Partial ${ctx.session.runId}`,
      phone_number: '+15555550105',
      email: 'partial@example.com',
      active: true,
    });
    const path = { id: before.id as number };
    const patched = await ctx.send({ op: 'updateOperator', path, json: { active: false } }, { kind: 'positive' });
    ctx.same('partial_update', 'PATCH {"active": false} answered', dataOf(patched), { ...before, active: false }, patched);
    const fetched = await ctx.send({ op: 'getOperator', path });
    ctx.same(
      'partial_update',
      'after PATCH {"active": false}, the operator fetched',
      dataOf(fetched),
      { ...before, active: false },
      fetched,
    );
    const renamed = await ctx.send({ op: 'updateOperator', path, json: { name: 'Partial Renamed' } }, { kind: 'positive' });
    ctx.same(
      'partial_update',
      'PATCH {"name"} kept email and active',
      [dataOf<Fields>(renamed)?.email, dataOf<Fields>(renamed)?.active],
      ['partial@example.com', false],
      renamed,
    );
    const cleared = await ctx.send({ op: 'updateOperator', path, json: { email: null } }, { kind: 'positive' });
    ctx.same('null_clears_field', 'PATCH {"email": null} answered email', dataOf<Fields>(cleared)?.email, null, cleared);
    const after = await ctx.send({ op: 'getOperator', path });
    ctx.same('null_clears_field', 'after PATCH {"email": null}, the email fetched', dataOf<Fields>(after)?.email, null, after);
    const other = await ctx.send({ op: 'updateOperator', path, json: { active: true } }, { kind: 'positive' });
    ctx.same('null_clears_field', 'a later PATCH without email kept it cleared', dataOf<Fields>(other)?.email, null, other);
  },
};

const projectsPartial: Case = {
  ...base,
  id: 'behaviour/partial-update/projects',
  title: 'projects: PATCH changes only the fields sent; null disables retention',
  about: ['partial_update', 'null_clears_field'],
  needs: ['stateful'],
  async run(ctx) {
    const created = await ctx.send(
      {
        op: 'createProject',
        json: { name: `Conformance Partial ${ctx.session.runId}`, language: 'en', description: 'Before', retention_days: 90 },
      },
      { kind: 'positive' },
    );
    const id = dataOf<Fields>(created)?.id as number | undefined;
    if (id === undefined) return ctx.abort('the project could not be created');
    const before = dataOf<Fields>(await ctx.send({ op: 'getProject', path: { id } }));
    const patched = await ctx.send({ op: 'updateProject', path: { id }, json: { description: 'After' } }, { kind: 'positive' });
    ctx.same(
      'partial_update',
      'PATCH {"description"} answered (updated_at aside)',
      without(dataOf(patched), 'updated_at'),
      { ...without(before, 'updated_at'), description: 'After' },
      patched,
    );
    const cleared = await ctx.send({ op: 'updateProject', path: { id }, json: { retention_days: null } }, { kind: 'positive' });
    ctx.same(
      'null_clears_field',
      'PATCH {"retention_days": null} answered retention_days',
      dataOf<Fields>(cleared)?.retention_days,
      null,
      cleared,
    );
    const fetched = await ctx.send({ op: 'getProject', path: { id } });
    ctx.same(
      'null_clears_field',
      'after PATCH {"retention_days": null}, the project fetched (description kept)',
      [dataOf<Fields>(fetched)?.retention_days, dataOf<Fields>(fetched)?.description],
      [null, 'After'],
      fetched,
    );
  },
};

const numbersPartial: Case = {
  ...base,
  id: 'behaviour/partial-update/virtual-numbers',
  title: 'virtual numbers: PATCH changes only the fields sent',
  about: ['partial_update'],
  needs: ['stateful', 'number', 'purchase'],
  async run(ctx) {
    const path = { id: ctx.fixture('number') };
    const before = dataOf<Fields>(await ctx.send({ op: 'getVirtualNumber', path }));
    const schema = resolveRef<{ properties?: Fields }>(
      ctx.session.doc,
      ctx.op('updateVirtualNumber').requestBody?.content[0]?.schema ?? {},
    );
    const strategies = resolveRef<{ enum?: string[] }>(ctx.session.doc, schema.properties?.routing_strategy ?? {}).enum ?? [];
    const next = strategies.find((s) => s !== before?.routing_strategy);
    const patched = await ctx.send({ op: 'updateVirtualNumber', path, json: { routing_strategy: next } }, { kind: 'positive' });
    // What changes with no write to the number (x-volatile: the account's other operators, calls)
    // is left out, so another client of the account cannot fail this case.
    const doc = ctx.session.doc;
    ctx.same(
      'partial_update',
      `PATCH {"routing_strategy": "${next}"} answered (x-volatile properties aside)`,
      withoutVolatile(doc, 'updateVirtualNumber', dataOf(patched)),
      withoutVolatile(doc, 'getVirtualNumber', { ...before, routing_strategy: next }),
      patched,
    );
  },
};

const recordingsPartial: Case = {
  ...base,
  id: 'behaviour/partial-update/recordings',
  title: 'recordings: PATCH display_name renames and leaves the rest',
  about: ['partial_update'],
  needs: ['stateful', 'recording'],
  async run(ctx) {
    const path = { id: ctx.fixture('recording') };
    const keep = ['id', 'public_id', 'language', 'created_at'];
    const pick = (d: Fields | undefined) => keep.map((k) => d?.[k]);
    const before = dataOf<Fields>(await ctx.send({ op: 'getRecording', path }));
    const patched = await ctx.send(
      { op: 'updateRecording', path, json: { display_name: `Renamed ${ctx.session.runId}` } },
      { kind: 'positive' },
    );
    ctx.same(
      'partial_update',
      'PATCH {"display_name"} answered name',
      dataOf<Fields>(patched)?.name,
      `Renamed ${ctx.session.runId}`,
      patched,
    );
    ctx.same('partial_update', `PATCH {"display_name"} kept ${keep.join(', ')}`, pick(dataOf(patched)), pick(before), patched);
  },
};

const normalisation: Case = {
  ...base,
  id: 'behaviour/phone-normalisation',
  title: 'operators: phone numbers are stored in E.164 however they are typed; an unparseable one is 422',
  about: ['phone_normalisation'],
  needs: ['stateful'],
  async run(ctx) {
    const numbers = exampleOperators(ctx).map((o) => o.phone_number);
    let last: Fields | undefined;
    for (const [i, e164] of numbers.entries()) {
      last = await createOperator(ctx, { name: `Conformance Phone ${i} ${ctx.session.runId}`, phone_number: typed(e164) });
      ctx.same('phone_normalisation', `created with "${typed(e164)}", phone_number`, last.phone_number, e164);
    }
    if (!last) return;
    const path = { id: last.id as number };
    const e164 = numbers[0]!;
    const patched = await ctx.send({ op: 'updateOperator', path, json: { phone_number: typed(e164) } }, { kind: 'positive' });
    ctx.same('phone_normalisation', `updated with "${typed(e164)}", phone_number`, dataOf<Fields>(patched)?.phone_number, e164, patched);
    await ctx.send(
      { op: 'updateOperator', path, json: { phone_number: 'call me maybe' } },
      {
        kind: 'negative',
        status: { allowed: [422], check: 'phone_normalisation', why: 'a number that cannot be normalised is invalid' },
        error: expectMessages(ctx.op('updateOperator'), 422, (name) => name === 'phoneNumberInvalid'),
      },
    );
    const fetched = await ctx.send({ op: 'getOperator', path });
    ctx.same('phone_normalisation', 'after a refused PATCH, phone_number', dataOf<Fields>(fetched)?.phone_number, e164, fetched);
  },
};

const initials: Case = {
  ...base,
  id: 'behaviour/initials',
  title: 'operators: initials are derived from the name by DECISIONS.md B22 (non-ASCII, apostrophes, hyphens), on create and rename',
  about: ['initials_derivation'],
  needs: ['stateful'],
  async run(ctx) {
    // The spec's examples; a name whose initials are not ASCII letters; the apostrophes and hyphens of B22.
    const names = [
      ...exampleOperators(ctx).map((o) => ({ name: o.name, initials: o.initials })),
      ...['Ąžuolas Žemaitis', "O'Neil", "Mary O'Neil", 'Jean-Luc Picard', 'Jean-Luc'].map((name) => ({ name, initials: initialsOf(name) })),
    ];
    let id: number | undefined;
    for (const [i, { name, initials: expected }] of names.entries()) {
      const created = await createOperator(ctx, { name, phone_number: `+1555555${String(110 + i).padStart(4, '0')}` });
      ctx.same('initials_derivation', `created "${name}", initials`, created.initials, expected);
      id = created.id as number;
    }
    if (id === undefined) return;
    const rename = 'Žydrūnė Ąstė Šimkutė';
    const renamed = await ctx.send({ op: 'updateOperator', path: { id }, json: { name: rename } }, { kind: 'positive' });
    ctx.same('initials_derivation', `renamed to "${rename}", initials`, dataOf<Fields>(renamed)?.initials, initialsOf(rename), renamed);
  },
};

/** The behaviour cases about resources. */
export const resourceBehaviourCases: Case[] = [
  operatorsPartial,
  projectsPartial,
  numbersPartial,
  recordingsPartial,
  normalisation,
  initials,
];
