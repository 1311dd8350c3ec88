/**
 * Virtual numbers: list, get, partial update, the `available` catalogue and purchase from it, and
 * the routing list (attach at the next free priority, a no-op when already attached; detach).
 * A project-scoped key works only with numbers of its project; any other id is 404.
 * @see https://docs.identitycall.ai/api-reference/virtual-numbers
 */
import { loadSpec } from '@identitycall/openapi';
import type { VirtualNumberPurchase } from '@identitycall/types';
import { seesOperator, seesProjectResource } from '../auth/api-keys.js';
import { notFound, unprocessable } from '../errors/api-error.js';
import { MESSAGES, SANDBOX_MESSAGES } from '../errors/messages.js';
import type { Handler, RequestContext } from '../pipeline/context.js';
import type { VirtualNumberRecord } from '../state/model.js';
import type { Patch } from '../state/store.js';
import { requestDefault } from '../validation/schema-fields.js';
import { normalizePhone } from './phone.js';
import { virtualNumberDetail, virtualNumberListItem } from './views.js';

type Fields = Record<string, unknown>;

/** The name an operator created by Attach Operator gets when none is sent: the request schema's default. */
const DEFAULT_OPERATOR_NAME = requestDefault(loadSpec(), 'addVirtualNumberOperator', 'name') as string;
/**
 * The number type the available-number search uses when none is sent. The spec gives the
 * parameter no default (unlike `country`), so this is the sandbox's choice (see the README).
 */
const SEARCH_NUMBER_TYPE = 'mobile';

function findNumber(ctx: RequestContext): VirtualNumberRecord {
  const n = ctx.app.store.numbers.get(ctx.params.id as number);
  if (!n || !seesProjectResource(ctx.scope, n)) throw notFound();
  return n;
}

function validBody(ctx: RequestContext): Fields {
  const body = ctx.body === undefined ? {} : ctx.body;
  const errors = ctx.app.validation.bodyErrors(ctx.op, body);
  if (errors.length > 0) throw ctx.app.validation.invalidInput(ctx.op, errors);
  return body as Fields;
}

const detail = (ctx: RequestContext, n: VirtualNumberRecord) => ({
  status: 200,
  body: { data: virtualNumberDetail(ctx.app.store, ctx.scope, n) },
});

/** List virtual numbers. @see https://docs.identitycall.ai/api-reference/virtual-numbers/list */
const listVirtualNumbers: Handler = (ctx) => {
  const { store } = ctx.app;
  const data = store.numbers
    .list()
    .filter((n) => seesProjectResource(ctx.scope, n))
    .map((n) => virtualNumberListItem(store, ctx.scope, n));
  return { status: 200, body: { data } };
};

/** Search numbers available to rent. @see https://docs.identitycall.ai/api-reference/virtual-numbers/available */
const listAvailableVirtualNumbers: Handler = (ctx) => {
  // `country` is always there: absent, it is the parameter's default in the spec.
  const country = String(ctx.query.country).toUpperCase();
  const type = String(ctx.query.number_type ?? SEARCH_NUMBER_TYPE);
  const data = ctx.app.store.numbers.available().filter((a) => a.country_code.toUpperCase() === country && a.number_type === type);
  return { status: 200, body: { data } };
};

/** Purchase a virtual number. @see https://docs.identitycall.ai/api-reference/virtual-numbers/purchase */
const purchaseVirtualNumber: Handler = (ctx) => {
  // The body passed the request schema, so it has the generated request type.
  const f = validBody(ctx) as VirtualNumberPurchase;
  const { store } = ctx.app;
  const sent = f.phone_number;
  // Numbers are bought as the catalogue writes them; a local or spaced form of one is accepted too.
  const phone = store.numbers.available().some((a) => a.phone_number === sent) ? sent : normalizePhone(sent, ctx.app.settings.phoneRegion);
  const fields = {
    name: f.name ?? null,
    number_type: f.number_type ?? null,
    upfront_cost: f.upfront_cost ?? null,
    monthly_cost: f.monthly_cost ?? null,
  };
  const bought = phone === undefined ? undefined : store.numbers.purchase(phone, fields, ctx.scope.projectId);
  if (!bought) throw unprocessable(SANDBOX_MESSAGES.numberNotAvailable);
  return { status: 201, body: { data: virtualNumberListItem(store, ctx.scope, bought) } };
};

/** Get a virtual number. @see https://docs.identitycall.ai/api-reference/virtual-numbers/get */
const getVirtualNumber: Handler = (ctx) => detail(ctx, findNumber(ctx));

/** Update a virtual number. @see https://docs.identitycall.ai/api-reference/virtual-numbers/update */
const updateVirtualNumber: Handler = (ctx) => {
  const current = findNumber(ctx);
  const f = validBody(ctx);
  const patch: Patch<VirtualNumberRecord> = {};
  if ('name' in f) patch.name = f.name as string;
  if ('active' in f) patch.active = f.active as boolean;
  if ('recording' in f) patch.recording = f.recording as boolean;
  if ('routing_strategy' in f) patch.routing_strategy = f.routing_strategy as VirtualNumberRecord['routing_strategy'];
  return detail(ctx, ctx.app.store.numbers.update(current.id, patch) ?? current);
};

/** Attach an operator to a virtual number. @see https://docs.identitycall.ai/api-reference/virtual-numbers/add-operator */
const addVirtualNumberOperator: Handler = (ctx) => {
  const n = findNumber(ctx);
  const f = validBody(ctx);
  const { store } = ctx.app;
  if (typeof f.operator_id === 'number') {
    // `operator_id` wins when both shapes are sent. An operator the key cannot see is 404.
    const operator = store.operators.get(f.operator_id);
    if (!operator || !seesOperator(ctx.scope, operator)) throw notFound();
    return detail(ctx, store.numbers.attach(n.id, operator.id) ?? n);
  }
  const phone = normalizePhone(f.phone_number as string, ctx.app.settings.phoneRegion);
  if (phone === undefined) throw ctx.app.validation.invalidInput(ctx.op, [MESSAGES.phoneNumberInvalid]);
  const name = typeof f.name === 'string' && f.name.trim() !== '' ? f.name : DEFAULT_OPERATOR_NAME;
  // The new operator joins the number's project, so keys of that project can see it.
  const operator = store.operators.create({
    name,
    phone_number: phone,
    email: null,
    active: true,
    project_ids: n.project_id === null ? [] : [n.project_id],
  });
  return detail(ctx, store.numbers.attach(n.id, operator.id) ?? n);
};

/** Detach an operator from a virtual number. @see https://docs.identitycall.ai/api-reference/virtual-numbers/remove-operator */
const removeVirtualNumberOperator: Handler = (ctx) => {
  const n = findNumber(ctx);
  const updated = ctx.app.store.numbers.detach(n.id, ctx.query.operator_id as number);
  // Not on the routing list (or no such operator): 404, as documented.
  if (!updated) throw notFound();
  return detail(ctx, updated);
};

/** The Virtual Numbers handlers, by operationId. */
export const virtualNumberHandlers: Record<string, Handler> = {
  listVirtualNumbers,
  listAvailableVirtualNumbers,
  purchaseVirtualNumber,
  getVirtualNumber,
  updateVirtualNumber,
  addVirtualNumberOperator,
  removeVirtualNumberOperator,
};
