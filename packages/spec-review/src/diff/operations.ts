/**
 * Operation rules: operations added, removed or moved to another path; operationId changed;
 * deprecation; servers (the base URL every client calls). Also lists the operations of a resolved
 * document, keyed so that renaming a path parameter does not read as a new operation.
 * @see https://spec.openapis.org/oas/v3.1.0#paths-object
 */
import { HTTP_METHODS } from '@identitycall/openapi';
import { asNode, change, sameJson, type Change, type Node, type OperationRef } from './types.js';

/** One operation of a resolved document. */
export interface OperationModel {
  /** `GET /operators/{}`: method and path with parameter names blanked. */
  key: string;
  ref: OperationRef;
  node: Node;
  /** Path-item and operation parameters, the operation's overriding the path item's. */
  parameters: Node[];
}

/**
 * Lists the operations of a map of path items (`paths`, or `webhooks`) in document order: each
 * with the path-item parameters its own override, its `OperationRef` (with `path` as `pathOf`
 * names the item) and the key `keyOf` gives it.
 */
export function operationsOfItems(
  items: unknown,
  pathOf: (name: string) => string,
  keyOf: (method: string, name: string) => string,
): Map<string, OperationModel> {
  const out = new Map<string, OperationModel>();
  for (const [name, rawItem] of Object.entries(asNode(items) ?? {})) {
    const item = asNode(rawItem) ?? {};
    const shared = (Array.isArray(item.parameters) ? item.parameters : []).map((p) => asNode(p) ?? {});
    for (const method of HTTP_METHODS) {
      const node = asNode(item[method]);
      if (!node) continue;
      const own = (Array.isArray(node.parameters) ? node.parameters : []).map((p) => asNode(p) ?? {});
      const parameters = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      const ref: OperationRef = {
        method: method.toUpperCase(),
        path: pathOf(name),
        ...(typeof node.operationId === 'string' ? { operationId: node.operationId } : {}),
      };
      const key = keyOf(ref.method, name);
      out.set(key, { key, ref, node, parameters });
    }
  }
  return out;
}

/** Lists the operations of a resolved document in document order. */
export function operationsOf(doc: Node): Map<string, OperationModel> {
  return operationsOfItems(
    doc.paths,
    (path) => path,
    (method, path) => `${method} ${path.replace(/\{[^}]*\}/g, '{}')}`,
  );
}

/** Pairs the operations of two documents and reports the ones added, removed or moved. */
export function pairOperations(
  base: Map<string, OperationModel>,
  head: Map<string, OperationModel>,
): { pairs: Array<[OperationModel, OperationModel]>; changes: Change[] } {
  const pairs: Array<[OperationModel, OperationModel]> = [];
  const changes: Change[] = [];
  const removed = [...base.entries()].filter(([key]) => !head.has(key)).map(([, op]) => op);
  const added = [...head.entries()].filter(([key]) => !base.has(key)).map(([, op]) => op);
  for (const [key, h] of head) {
    const b = base.get(key);
    if (b) pairs.push([b, h]);
  }
  for (const b of [...removed]) {
    const h = added.find((a) => a.ref.operationId !== undefined && a.ref.operationId === b.ref.operationId);
    if (!h) continue;
    removed.splice(removed.indexOf(b), 1);
    added.splice(added.indexOf(h), 1);
    pairs.push([b, h]);
    changes.push(
      change(
        { operation: h.ref, where: 'operation' },
        'operations',
        'operation-moved',
        'breaking',
        `Moved from \`${b.ref.method} ${b.ref.path}\` to \`${h.ref.method} ${h.ref.path}\`; clients calling the old route break.`,
      ),
    );
  }
  for (const b of removed) {
    changes.push(
      change(
        { operation: b.ref, where: 'operation' },
        'operations',
        'operation-removed',
        'breaking',
        'Operation removed; clients that call it will fail.',
      ),
    );
  }
  for (const h of added) {
    changes.push(change({ operation: h.ref, where: 'operation' }, 'operations', 'operation-added', 'non-breaking', 'Operation added.'));
  }
  return { pairs, changes };
}

const HANDLED = new Set([
  'operationId',
  'summary',
  'description',
  'tags',
  'externalDocs',
  'parameters',
  'requestBody',
  'responses',
  'security',
  'deprecated',
  'servers',
]);

/** Compares the operation-level fields that no other family owns. */
export function compareOperation(b: OperationModel, h: OperationModel): Change[] {
  const site = { operation: h.ref, where: 'operation' };
  const out: Change[] = [];
  if (b.ref.operationId !== h.ref.operationId) {
    out.push(
      change(
        site,
        'operations',
        'operation-id-changed',
        'breaking',
        `operationId changed from \`${b.ref.operationId ?? '(none)'}\` to \`${h.ref.operationId ?? '(none)'}\`; the generated \`operations\` types are keyed by it.`,
      ),
    );
  }
  if (!b.node.deprecated && h.node.deprecated)
    out.push(change(site, 'operations', 'operation-deprecated', 'non-breaking', 'Operation deprecated.'));
  if (b.node.deprecated && !h.node.deprecated)
    out.push(change(site, 'operations', 'operation-undeprecated', 'non-breaking', 'Operation no longer deprecated.'));
  if (!sameJson(b.node.servers, h.node.servers)) {
    out.push(
      change(
        site,
        'operations',
        'operation-servers-changed',
        'breaking',
        'The servers of this operation changed; clients may call the wrong host.',
      ),
    );
  }
  for (const key of new Set([...Object.keys(b.node), ...Object.keys(h.node)])) {
    if (HANDLED.has(key) || key.startsWith('x-') || sameJson(b.node[key], h.node[key])) continue;
    out.push(
      change(
        site,
        'operations',
        'operation-field-changed',
        'possibly-breaking',
        `\`${key}\` changed; this tool does not analyse it, so review it by hand.`,
      ),
    );
  }
  return out;
}

/** Compares the document's servers: a removed server URL breaks clients that use it. */
export function compareServers(base: Node, head: Node): Change[] {
  const urls = (doc: Node) => (Array.isArray(doc.servers) ? doc.servers : []).map((s) => String(asNode(s)?.url ?? ''));
  const b = urls(base);
  const h = urls(head);
  const site = { where: 'servers' };
  return [
    ...b
      .filter((u) => !h.includes(u))
      .map((u) =>
        change(site, 'operations', 'server-removed', 'breaking', `Server \`${u}\` removed; clients configured with it must move.`),
      ),
    ...h.filter((u) => !b.includes(u)).map((u) => change(site, 'operations', 'server-added', 'non-breaking', `Server \`${u}\` added.`)),
  ];
}
