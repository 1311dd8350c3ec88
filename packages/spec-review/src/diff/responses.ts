/**
 * Response rules: a success status changed or removed (clients check for it), error statuses
 * documented or dropped, bodies and media types removed, headers removed or made optional; each
 * body and header schema compared as a response schema.
 * @see https://spec.openapis.org/oas/v3.1.0#responses-object
 */
import type { OperationModel } from './operations.js';
import { compareSchemas, type NameMaps } from './schemas.js';
import { asNode, change, pairMediaTypes, sameJson, type Change, type Node, type OperationRef } from './types.js';

const isSuccess = (status: string) => /^2(\d\d|XX)$/i.test(status);

/** Compares the documented responses of one operation in two versions. */
export function compareResponses(b: OperationModel, h: OperationModel, names: NameMaps): Change[] {
  const out: Change[] = [];
  const op = h.ref;
  const br = asNode(b.node.responses) ?? {};
  const hr = asNode(h.node.responses) ?? {};
  const removed = Object.keys(br).filter((s) => !(s in hr));
  const added = Object.keys(hr).filter((s) => !(s in br));
  const removedOk = removed.filter(isSuccess);
  const addedOk = added.filter(isSuccess);

  // A success status that disappears while another appears is one change: the status changed.
  while (removedOk.length && addedOk.length) {
    const from = removedOk.shift()!;
    const to = addedOk.shift()!;
    out.push(
      change(
        { operation: op, where: `response ${to}` },
        'responses',
        'success-status-changed',
        'breaking',
        `The success status changed from ${from} to ${to}; clients that check for ${from} will treat success as failure.`,
      ),
    );
    out.push(...compareResponse(asNode(br[from]) ?? {}, asNode(hr[to]) ?? {}, op, to, names));
  }
  for (const status of removedOk) {
    out.push(
      change(
        { operation: op, where: `response ${status}` },
        'responses',
        'success-status-removed',
        'breaking',
        `Success response ${status} is no longer documented; clients that expect it will treat the new answer as unexpected.`,
      ),
    );
  }
  for (const status of addedOk) {
    out.push(
      change(
        { operation: op, where: `response ${status}` },
        'responses',
        'success-status-added',
        'non-breaking',
        `Success response ${status} added.`,
      ),
    );
  }
  for (const status of removed.filter((s) => !isSuccess(s))) {
    out.push(
      change(
        { operation: op, where: `response ${status}` },
        'responses',
        'error-status-removed',
        'non-breaking',
        `Response ${status} is no longer documented.`,
      ),
    );
  }
  for (const status of added.filter((s) => !isSuccess(s))) {
    out.push(
      change(
        { operation: op, where: `response ${status}` },
        'responses',
        'error-status-added',
        'non-breaking',
        `Response ${status} is now documented.`,
      ),
    );
  }
  for (const status of Object.keys(hr).filter((s) => s in br)) {
    out.push(...compareResponse(asNode(br[status]) ?? {}, asNode(hr[status]) ?? {}, op, status, names));
  }
  return out;
}

function compareResponse(b: Node, h: Node, op: OperationRef, status: string, names: NameMaps): Change[] {
  const out: Change[] = [];
  const site = { operation: op, where: `response ${status}` };
  if (!sameJson(b.description, h.description)) {
    out.push(
      change(site, 'documentation', 'response-description-changed', 'non-breaking', `The description of response ${status} changed.`),
    );
  }

  for (const key of new Set([...Object.keys(b), ...Object.keys(h)])) {
    if (['description', 'headers', 'content'].includes(key) || key.startsWith('x-') || sameJson(b[key], h[key])) continue;
    out.push(
      change(
        site,
        'responses',
        'response-field-changed',
        'possibly-breaking',
        `\`${key}\` of response ${status} changed; this tool does not analyse it, so review it by hand.`,
      ),
    );
  }

  const bh = lowerKeys(asNode(b.headers));
  const hh = lowerKeys(asNode(h.headers));
  for (const [name, bHeader] of Object.entries(bh)) {
    const headerSite = { operation: op, where: `response ${status} header \`${name}\`` };
    const hHeader = hh[name];
    if (!hHeader) {
      // A header that was optional may already be missing, so clients should cope; one that was
      // required is something clients rely on.
      out.push(
        bHeader.required === true
          ? change(
              headerSite,
              'responses',
              'response-header-removed',
              'breaking',
              `Header \`${name}\` removed from response ${status} (it was always sent); clients reading it get nothing.`,
            )
          : change(
              headerSite,
              'responses',
              'response-optional-header-removed',
              'possibly-breaking',
              `Optional header \`${name}\` removed from response ${status}; clients that use it when present lose it.`,
            ),
      );
      continue;
    }
    if (bHeader.required === true && hHeader.required !== true) {
      out.push(
        change(
          headerSite,
          'responses',
          'response-header-now-optional',
          'breaking',
          `Header \`${name}\` is no longer always sent with response ${status}.`,
        ),
      );
    }
    out.push(
      ...compareSchemas(bHeader.schema, hHeader.schema, { ...headerSite, position: 'response', rootName: `Header \`${name}\`` }, names),
    );
  }
  for (const name of Object.keys(hh).filter((n) => !(n in bh))) {
    out.push(
      change(
        { operation: op, where: `response ${status} header \`${name}\`` },
        'responses',
        'response-header-added',
        'non-breaking',
        `Header \`${name}\` added to response ${status}.`,
      ),
    );
  }

  const bc = asNode(b.content);
  const hc = asNode(h.content);
  if (bc && Object.keys(bc).length && (!hc || !Object.keys(hc).length)) {
    out.push(
      change(
        site,
        'responses',
        'response-body-removed',
        'breaking',
        `Response ${status} no longer has a body; clients that parse one will fail.`,
      ),
    );
    return out;
  }
  if ((!bc || !Object.keys(bc).length) && hc && Object.keys(hc).length) {
    out.push(change(site, 'responses', 'response-body-added', 'non-breaking', `Response ${status} now has a body.`));
    return out;
  }
  const media = pairMediaTypes(bc ?? {}, hc ?? {});
  for (const type of media.removed) {
    out.push(
      change(
        { operation: op, where: `response ${status} (${type})` },
        'responses',
        'response-media-type-removed',
        'breaking',
        `Response ${status} is no longer sent as \`${type}\`.`,
      ),
    );
  }
  for (const [bType, type] of media.pairs) {
    const mediaSite = { operation: op, where: `response ${status} (${type})` };
    const bm = asNode(bc?.[bType]) ?? {};
    const hm = asNode(hc?.[type]) ?? {};
    if (bType !== type) {
      out.push(
        change(
          mediaSite,
          'responses',
          'response-media-type-parameters-changed',
          'non-breaking',
          `Response ${status} is now labelled \`${type}\` instead of \`${bType}\` (same type, other parameters).`,
        ),
      );
    }
    if (!sameJson(bm.examples, hm.examples) || !sameJson(bm.example, hm.example)) {
      out.push(change(mediaSite, 'documentation', 'response-examples-changed', 'non-breaking', `Examples of response ${status} changed.`));
    }
    out.push(
      ...compareSchemas(
        bm.schema,
        hm.schema,
        { ...mediaSite, position: 'response', rootName: 'The response body', mediaType: type },
        names,
      ),
    );
  }
  for (const type of media.added) {
    out.push(
      change(
        { operation: op, where: `response ${status} (${type})` },
        'responses',
        'response-media-type-added',
        'non-breaking',
        `Response ${status} may now be sent as \`${type}\`.`,
      ),
    );
  }
  return out;
}

function lowerKeys(node: Node | undefined): Record<string, Node> {
  const out: Record<string, Node> = {};
  for (const [k, v] of Object.entries(node ?? {})) out[k.toLowerCase()] = asNode(v) ?? {};
  return out;
}
