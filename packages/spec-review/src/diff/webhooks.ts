/**
 * Webhook rules (OpenAPI 3.1 `webhooks`). A webhook turns the roles around: the API sends the
 * request and the subscriber's server answers it. So the payload and the headers the API sends are
 * read by clients (compared like responses: a field removed or a value added breaks subscribers),
 * and the subscriber's answer is accepted by the API (compared like a request). A webhook removed
 * means subscribers stop receiving the event.
 * @see https://spec.openapis.org/oas/v3.1.0#oasWebhooks
 */
import { compareOperationDocs } from './documentation.js';
import { operationsOfItems, type OperationModel } from './operations.js';
import { compareSchemas, type NameMaps } from './schemas.js';
import { asNode, change, pairMediaTypes, type Change, type Node } from './types.js';

const isSuccess = (status: string) => /^2(\d\d|XX)$/i.test(status);

/** Lists the webhook operations of a document, keyed `POST callEnded`. */
export function webhooksOf(doc: Node): Map<string, OperationModel> {
  return operationsOfItems(
    doc.webhooks,
    (name) => `webhook ${name}`,
    (method, name) => `${method} ${name}`,
  );
}

/** Compares the webhooks of two resolved documents. */
export function compareWebhooks(base: Node, head: Node, names: NameMaps): Change[] {
  const out: Change[] = [];
  const b = webhooksOf(base);
  const h = webhooksOf(head);
  for (const [key, bw] of b) {
    const hw = h.get(key);
    if (!hw) {
      out.push(
        change(
          { operation: bw.ref, where: 'webhook' },
          'webhooks',
          'webhook-removed',
          'breaking',
          'Webhook removed; subscribers stop receiving this event.',
        ),
      );
      continue;
    }
    out.push(...compareWebhook(bw, hw, names), ...compareOperationDocs(bw, hw));
  }
  for (const [key, hw] of h) {
    if (!b.has(key))
      out.push(change({ operation: hw.ref, where: 'webhook' }, 'webhooks', 'webhook-added', 'non-breaking', 'Webhook added.'));
  }
  return out;
}

function compareWebhook(b: OperationModel, h: OperationModel, names: NameMaps): Change[] {
  const out: Change[] = [];
  const op = h.ref;

  // Headers (and other parameters) the API sends with the event: subscribers read them.
  const key = (p: Node) => `${String(p.in)}:${String(p.name).toLowerCase()}`;
  const hParams = new Map(h.parameters.map((p) => [key(p), p]));
  const bParams = new Map(b.parameters.map((p) => [key(p), p]));
  for (const [k, bp] of bParams) {
    const site = { operation: op, where: `webhook ${String(bp.in)} parameter \`${String(bp.name)}\`` };
    const hp = hParams.get(k);
    if (!hp) {
      out.push(
        change(
          site,
          'webhooks',
          'webhook-parameter-removed',
          bp.required === true ? 'breaking' : 'possibly-breaking',
          `The event no longer carries \`${String(bp.name)}\`; subscribers that read it get nothing.`,
        ),
      );
      continue;
    }
    if (bp.required === true && hp.required !== true) {
      out.push(
        change(
          site,
          'webhooks',
          'webhook-parameter-now-optional',
          'breaking',
          `The event no longer always carries \`${String(hp.name)}\`.`,
        ),
      );
    }
    out.push(...compareSchemas(bp.schema, hp.schema, { ...site, position: 'response', rootName: `\`${String(hp.name)}\`` }, names));
  }
  for (const [k, hp] of hParams) {
    if (!bParams.has(k)) {
      out.push(
        change(
          { operation: op, where: `webhook ${String(hp.in)} parameter \`${String(hp.name)}\`` },
          'webhooks',
          'webhook-parameter-added',
          'non-breaking',
          `The event now carries \`${String(hp.name)}\`.`,
        ),
      );
    }
  }

  // The payload: read by subscribers.
  const bc = asNode(asNode(b.node.requestBody)?.content) ?? {};
  const hc = asNode(asNode(h.node.requestBody)?.content) ?? {};
  const payloadSite = { operation: op, where: 'webhook payload' };
  if (Object.keys(bc).length && !Object.keys(hc).length) {
    out.push(
      change(
        payloadSite,
        'webhooks',
        'webhook-payload-removed',
        'breaking',
        'The event no longer has a payload; subscribers that parse one fail.',
      ),
    );
  } else if (!Object.keys(bc).length && Object.keys(hc).length) {
    out.push(change(payloadSite, 'webhooks', 'webhook-payload-added', 'non-breaking', 'The event now has a payload.'));
  } else {
    const media = pairMediaTypes(bc, hc);
    for (const type of media.removed) {
      out.push(
        change(
          { operation: op, where: `webhook payload (${type})` },
          'webhooks',
          'webhook-payload-media-type-removed',
          'non-breaking',
          `The event is no longer sent as \`${type}\`.`,
        ),
      );
    }
    for (const type of media.added) {
      out.push(
        change(
          { operation: op, where: `webhook payload (${type})` },
          'webhooks',
          'webhook-payload-media-type-added',
          'breaking',
          `The event may now be sent as \`${type}\`; subscribers that parse only the old types fail.`,
        ),
      );
    }
    for (const [bType, type] of media.pairs) {
      out.push(
        ...compareSchemas(
          asNode(bc[bType])?.schema,
          asNode(hc[type])?.schema,
          { operation: op, where: `webhook payload (${type})`, position: 'response', rootName: 'The payload', mediaType: type },
          names,
        ),
      );
    }
  }

  // The subscriber's answer: accepted by the API.
  const br = asNode(b.node.responses) ?? {};
  const hr = asNode(h.node.responses) ?? {};
  for (const status of Object.keys(br).filter((s) => isSuccess(s) && !(s in hr))) {
    out.push(
      change(
        { operation: op, where: `webhook answer ${status}` },
        'webhooks',
        'webhook-success-status-removed',
        'breaking',
        `Answering ${status} is no longer documented as success; subscribers that answer it may see the event redelivered or dropped.`,
      ),
    );
  }
  for (const status of Object.keys(hr).filter((s) => s in br)) {
    const bm = asNode(asNode(br[status])?.content) ?? {};
    const hm = asNode(asNode(hr[status])?.content) ?? {};
    const media = pairMediaTypes(bm, hm);
    for (const [bType, type] of media.pairs) {
      out.push(
        ...compareSchemas(
          asNode(bm[bType])?.schema,
          asNode(hm[type])?.schema,
          { operation: op, where: `webhook answer ${status} (${type})`, position: 'request', rootName: 'The answer', mediaType: type },
          names,
        ),
      );
    }
  }
  return out;
}
