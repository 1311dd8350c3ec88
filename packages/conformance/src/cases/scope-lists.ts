/**
 * Listing with the project key, every page: a resource of another project must not be on any of
 * them. How a list pages is read from the spec — the query parameter that is also a field of the
 * response's `meta` (`per_page`) is the page size, sent at its documented maximum; the one that
 * `meta` reports as `current_<name>` (`page`) is the page number — so a list the spec paginates is
 * walked to its end, and a list it does not is one request.
 */
import { resolveRef, type OpenAPIDocument, type OperationInfo } from '@identitycall/openapi';
import type { CaseContext } from '../engine/context.js';
import type { Exchange } from '../engine/exchange.js';
import { dataOf } from './common.js';

/** The most pages walked (of the largest page size): beyond that a list is not read to its end. */
export const MAX_PAGES = 20;

/** How a list pages: the page-size parameter and its largest value, and the page-number parameter. */
export interface Paging {
  size: { name: string; max: number };
  page: string;
}

type Properties = { properties?: Record<string, unknown> };

/** How `op` pages, from its success response's `meta` and its query parameters; undefined when it does not. */
export function pagingOf(doc: OpenAPIDocument, op: OperationInfo): Paging | undefined {
  const schema = op.responses.find((r) => /^2\d\d$/.test(r.status))?.content[0]?.schema;
  if (schema === undefined) return undefined;
  const meta = resolveRef<Properties | undefined>(doc, resolveRef<Properties>(doc, schema).properties?.meta);
  const fields = Object.keys(meta?.properties ?? {});
  const query = op.parameters.filter((p) => p.in === 'query');
  const maxOf = (schema: unknown) => (schema === undefined ? undefined : resolveRef<{ maximum?: unknown }>(doc, schema).maximum);
  const size = query.find((p) => fields.includes(p.name) && typeof maxOf(p.schema) === 'number');
  const page = query.find((p) => p !== size && fields.includes(`current_${p.name}`));
  return size && page ? { size: { name: size.name, max: maxOf(size.schema) as number }, page: page.name } : undefined;
}

/** A listed item, and the exchange that listed it. */
export interface Listed {
  item: { id?: unknown; public_id?: unknown };
  exchange: Exchange;
}

/** Lists `op` with the project key, page by page (at most {@link MAX_PAGES}); every item and the last exchange. */
export async function listedWithProjectKey(ctx: CaseContext, op: OperationInfo): Promise<{ items: Listed[]; last?: Exchange }> {
  const paging = pagingOf(ctx.session.doc, op);
  const items: Listed[] = [];
  let last: Exchange | undefined;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const query = paging ? { [paging.size.name]: paging.size.max, [paging.page]: page } : undefined;
    last = await ctx.send({ op: op.operationId, auth: 'project', query }, { kind: 'positive' });
    const data = dataOf<unknown>(last);
    const got = Array.isArray(data) ? (data as Listed['item'][]) : [];
    for (const item of got) items.push({ item: item ?? {}, exchange: last });
    // A short page is the last one.
    if (!paging || got.length < paging.size.max) break;
  }
  return { items, last };
}
