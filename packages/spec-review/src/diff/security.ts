/**
 * Security rules: authentication newly required, a way to authenticate dropped, scopes added, a
 * security scheme redefined, and the API-key permission an operation needs (`x-permission`):
 * permissions are separate grants, so any change locks out keys that hold only the old one.
 * @see https://spec.openapis.org/oas/v3.1.0#security-requirement-object
 */
import type { OperationModel } from './operations.js';
import { asNode, change, sameJson, type Change, type Node } from './types.js';

/** Compares the effective security and `x-permission` of one operation in two versions. */
export function compareSecurity(b: OperationModel, h: OperationModel, baseDoc: Node, headDoc: Node): Change[] {
  const out: Change[] = [];
  const site = { operation: h.ref, where: 'security' };
  const bReq = requirements(b.node, baseDoc);
  const hReq = requirements(h.node, headDoc);
  const anonymous = (list: Node[]) => list.length === 0 || list.some((r) => Object.keys(r).length === 0);

  if (anonymous(bReq) && !anonymous(hReq)) {
    out.push(change(site, 'security', 'authentication-required', 'breaking', 'The operation now requires authentication.'));
  } else if (!anonymous(bReq) && anonymous(hReq)) {
    out.push(change(site, 'security', 'authentication-optional', 'non-breaking', 'The operation no longer requires authentication.'));
  }

  // When authentication starts or stops being required, that one change says it all.
  const sameAnonymity = anonymous(bReq) === anonymous(hReq);
  const key = (r: Node) => Object.keys(r).sort().join(' + ');
  const hByKey = new Map(hReq.filter((r) => Object.keys(r).length).map((r) => [key(r), r]));
  const bByKey = new Map(bReq.filter((r) => Object.keys(r).length).map((r) => [key(r), r]));
  for (const [k, br] of bByKey) {
    const hr = hByKey.get(k);
    if (!hr) {
      if (sameAnonymity) {
        out.push(
          change(
            site,
            'security',
            'security-alternative-removed',
            anonymous(hReq) ? 'non-breaking' : 'breaking',
            `Credentials via \`${k}\` are no longer accepted.`,
          ),
        );
      }
      continue;
    }
    for (const scheme of Object.keys(hr)) {
      const before = new Set((br[scheme] as unknown[] | undefined)?.map(String) ?? []);
      const extra = ((hr[scheme] as unknown[] | undefined) ?? []).map(String).filter((s) => !before.has(s));
      if (extra.length)
        out.push(
          change(
            site,
            'security',
            'security-scopes-added',
            'breaking',
            `\`${scheme}\` now also needs the scopes ${extra.map((s) => `\`${s}\``).join(', ')}.`,
          ),
        );
    }
  }
  for (const k of hByKey.keys()) {
    if (!bByKey.has(k) && sameAnonymity)
      out.push(change(site, 'security', 'security-alternative-added', 'non-breaking', `Credentials via \`${k}\` are now accepted.`));
  }

  const schemes = (doc: Node) => asNode(asNode(doc.components)?.securitySchemes) ?? {};
  const used = new Set(hReq.flatMap((r) => Object.keys(r)).filter((s) => bReq.some((r) => s in r)));
  for (const name of used) {
    const bs = asNode(schemes(baseDoc)[name]) ?? {};
    const hs = asNode(schemes(headDoc)[name]) ?? {};
    // Descriptions, the key format's prose and extensions (such as `x-permissions`, which names the
    // 403 answer of each permission) do not change how credentials are sent.
    const strip = ({ description: _d, bearerFormat: _f, ...rest }: Node) =>
      Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith('x-')));
    if (!sameJson(strip(bs), strip(hs))) {
      out.push(
        change(
          site,
          'security',
          'security-scheme-changed',
          'breaking',
          `Security scheme \`${name}\` changed how credentials are sent; existing credentials may be refused.`,
        ),
      );
    } else if (!sameJson(bs, hs)) {
      out.push(
        change(
          site,
          'documentation',
          'security-scheme-description-changed',
          'non-breaking',
          `The description or extensions of security scheme \`${name}\` changed.`,
        ),
      );
    }
  }

  const bp = b.node['x-permission'];
  const hp = h.node['x-permission'];
  if (bp !== hp) {
    if (hp === undefined) {
      out.push(
        change(site, 'security', 'permission-removed', 'non-breaking', `The operation no longer needs the \`${String(bp)}\` permission.`),
      );
    } else {
      out.push(
        change(
          site,
          'security',
          'permission-changed',
          'breaking',
          bp === undefined
            ? `The operation now needs the \`${String(hp)}\` permission; keys without it are refused.`
            : `The operation now needs the \`${String(hp)}\` permission instead of \`${String(bp)}\`; keys that hold only \`${String(bp)}\` are refused.`,
        ),
      );
    }
  }
  return out;
}

function requirements(op: Node, doc: Node): Node[] {
  const list = Array.isArray(op.security) ? op.security : Array.isArray(doc.security) ? doc.security : [];
  return list.map((r) => asNode(r) ?? {});
}
