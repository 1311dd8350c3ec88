/**
 * Request body rules: a body added (required breaks existing calls), removed, made required or
 * optional; media types no longer accepted (a type written with other parameters, such as
 * `charset`, is the same type); each media type's schema compared as a request schema.
 * @see https://spec.openapis.org/oas/v3.1.0#request-body-object
 */
import type { OperationModel } from './operations.js';
import { compareSchemas, type NameMaps } from './schemas.js';
import { asNode, change, pairMediaTypes, sameJson, type Change } from './types.js';

/** Compares the request body of one operation in two versions. */
export function compareRequestBodies(b: OperationModel, h: OperationModel, names: NameMaps): Change[] {
  const out: Change[] = [];
  const site = { operation: h.ref, where: 'request body' };
  const bb = asNode(b.node.requestBody);
  const hb = asNode(h.node.requestBody);
  if (!bb && !hb) return out;
  if (!bb) {
    out.push(
      hb!.required === true
        ? change(
            site,
            'request-bodies',
            'request-body-added-required',
            'breaking',
            'A required request body was added; existing calls send none.',
          )
        : change(site, 'request-bodies', 'request-body-added-optional', 'non-breaking', 'An optional request body was added.'),
    );
    return out;
  }
  if (!hb) {
    out.push(
      change(
        site,
        'request-bodies',
        'request-body-removed',
        'breaking',
        'The request body was removed; calls that send one may be rejected or have it ignored.',
      ),
    );
    return out;
  }
  if (bb.required !== true && hb.required === true) {
    out.push(change(site, 'request-bodies', 'request-body-now-required', 'breaking', 'The request body is now required.'));
  }
  if (bb.required === true && hb.required !== true) {
    out.push(change(site, 'request-bodies', 'request-body-now-optional', 'non-breaking', 'The request body is now optional.'));
  }
  if (!sameJson(bb.description, hb.description)) {
    out.push(
      change(site, 'documentation', 'request-body-description-changed', 'non-breaking', 'The description of the request body changed.'),
    );
  }

  const bc = asNode(bb.content) ?? {};
  const hc = asNode(hb.content) ?? {};
  const media = pairMediaTypes(bc, hc);
  for (const type of media.removed) {
    out.push(
      change(
        { operation: h.ref, where: `request body (${type})` },
        'request-bodies',
        'request-media-type-removed',
        'breaking',
        `\`${type}\` request bodies are no longer accepted.`,
      ),
    );
  }
  for (const [bType, type] of media.pairs) {
    const mediaSite = { operation: h.ref, where: `request body (${type})` };
    const bm = asNode(bc[bType]) ?? {};
    const hm = asNode(hc[type]) ?? {};
    if (bType !== type) {
      out.push(
        change(
          mediaSite,
          'request-bodies',
          'request-media-type-parameters-changed',
          'non-breaking',
          `The request media type \`${bType}\` is now written \`${type}\` (same type, other parameters).`,
        ),
      );
    }
    if (!sameJson(bm.examples, hm.examples) || !sameJson(bm.example, hm.example)) {
      out.push(change(mediaSite, 'documentation', 'request-examples-changed', 'non-breaking', 'Request examples changed.'));
    }
    if (!sameJson(bm.encoding, hm.encoding)) {
      out.push(
        change(
          mediaSite,
          'request-bodies',
          'request-encoding-changed',
          'possibly-breaking',
          'The part encoding changed (content types or headers of multipart parts); this tool does not analyse it, so review it by hand.',
        ),
      );
    }
    out.push(
      ...compareSchemas(bm.schema, hm.schema, { ...mediaSite, position: 'request', rootName: 'The request body', mediaType: type }, names),
    );
  }
  for (const type of media.added) {
    out.push(
      change(
        { operation: h.ref, where: `request body (${type})` },
        'request-bodies',
        'request-media-type-added',
        'non-breaking',
        `\`${type}\` request bodies are now accepted.`,
      ),
    );
  }
  return out;
}
