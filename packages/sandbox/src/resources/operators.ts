/**
 * Operators: list, create, get, update (partial; `email: null` clears it; phone numbers normalised
 * to E.164) and delete (cascading off every routing list).
 * @see https://docs.identitycall.ai/api-reference/operators
 */
import { loadSpec } from '@identitycall/openapi';
import { seesOperator } from '../auth/api-keys.js';
import { notFound } from '../errors/api-error.js';
import { MESSAGES } from '../errors/messages.js';
import type { Handler, RequestContext } from '../pipeline/context.js';
import type { OperatorRecord } from '../state/model.js';
import type { Patch } from '../state/store.js';
import { requestDefault } from '../validation/schema-fields.js';
import { normalizePhone } from './phone.js';
import { operatorDetail, operatorListItem } from './views.js';

type Fields = Record<string, unknown>;

/** Whether a new operator takes calls when `active` is not sent: the create schema's default. */
const DEFAULT_ACTIVE = requestDefault(loadSpec(), 'createOperator', 'active') as boolean;

/** The operator at `params.id`, or 404 when it is missing or outside the key's project. */
function findOperator(ctx: RequestContext): OperatorRecord {
  const operator = ctx.app.store.operators.get(ctx.params.id as number);
  if (!operator || !seesOperator(ctx.scope, operator)) throw notFound();
  return operator;
}

/**
 * Validates an operator body fully (schema, then phone normalisation) before anything changes.
 * Returns the body's fields with the phone number normalised.
 */
export function validOperatorFields(ctx: RequestContext): Fields {
  const body = ctx.body === undefined ? {} : ctx.body;
  const errors = ctx.app.validation.bodyErrors(ctx.op, body);
  const fields = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Fields;
  let phone: string | undefined;
  if (typeof fields.phone_number === 'string' && fields.phone_number.trim() !== '') {
    phone = normalizePhone(fields.phone_number, ctx.app.settings.phoneRegion);
    if (phone === undefined) errors.push(MESSAGES.phoneNumberInvalid);
  }
  if (errors.length > 0) throw ctx.app.validation.invalidInput(ctx.op, errors);
  return phone === undefined ? fields : { ...fields, phone_number: phone };
}

/** List operators. @see https://docs.identitycall.ai/api-reference/operators/list */
const listOperators: Handler = (ctx) => {
  const { store } = ctx.app;
  const data = store.operators
    .list()
    .filter((o) => seesOperator(ctx.scope, o))
    .map((o) => operatorListItem(store, ctx.scope, o));
  return { status: 200, body: { data } };
};

/** Create an operator. @see https://docs.identitycall.ai/api-reference/operators/create */
const createOperator: Handler = (ctx) => {
  const fields = validOperatorFields(ctx);
  const { store } = ctx.app;
  const operator = store.operators.create({
    name: fields.name as string,
    phone_number: fields.phone_number as string,
    email: typeof fields.email === 'string' ? fields.email : null,
    active: typeof fields.active === 'boolean' ? fields.active : DEFAULT_ACTIVE,
    // A project-scoped key links the operator to its project; an account-wide key leaves it unlinked.
    project_ids: ctx.scope.projectId === null ? [] : [ctx.scope.projectId],
  });
  return { status: 201, body: { data: operatorDetail(store, ctx.scope, operator) } };
};

/** Get an operator. @see https://docs.identitycall.ai/api-reference/operators/get */
const getOperator: Handler = (ctx) => ({
  status: 200,
  body: { data: operatorDetail(ctx.app.store, ctx.scope, findOperator(ctx)) },
});

/** Update an operator. @see https://docs.identitycall.ai/api-reference/operators/update */
const updateOperator: Handler = (ctx) => {
  const current = findOperator(ctx);
  const fields = validOperatorFields(ctx);
  const patch: Patch<OperatorRecord> = {};
  if ('name' in fields) patch.name = fields.name as string;
  if ('phone_number' in fields) patch.phone_number = fields.phone_number as string;
  if ('email' in fields) patch.email = fields.email as string | null;
  if ('active' in fields) patch.active = fields.active as boolean;
  const updated = ctx.app.store.operators.update(current.id, patch) ?? current;
  return { status: 200, body: { data: operatorDetail(ctx.app.store, ctx.scope, updated) } };
};

/** Delete an operator. @see https://docs.identitycall.ai/api-reference/operators/delete */
const deleteOperator: Handler = (ctx) => {
  ctx.app.store.operators.delete(findOperator(ctx).id);
  return { status: 200, body: { success: true } };
};

/** The Operators handlers, by operationId. */
export const operatorHandlers: Record<string, Handler> = {
  listOperators,
  createOperator,
  getOperator,
  updateOperator,
  deleteOperator,
};
