/**
 * Parameter rules: parameters removed, renamed, added (required breaks, optional does not), made
 * required or optional, serialised differently; their schemas are compared as request schemas.
 * Path parameters are matched by their position in the path, so renaming `{id}` reads as a rename.
 * @see https://spec.openapis.org/oas/v3.1.0#parameter-object
 */
import type { OperationModel } from './operations.js';
import { compareSchemas, type NameMaps } from './schemas.js';
import { asNode, change, sameJson, type Change, type Node, type Site } from './types.js';

/** Compares the parameters of one operation in two versions. */
export function compareParameters(b: OperationModel, h: OperationModel, names: NameMaps): Change[] {
  const out: Change[] = [];
  const op = h.ref;
  const siteOf = (p: Node): Site => ({ operation: op, where: `${String(p.in)} parameter \`${String(p.name)}\`` });

  // Path parameters: the n-th `{…}` of the old path is the n-th of the new one.
  const placeholders = (path: string) => [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  const bPath = placeholders(b.ref.path);
  const hPath = placeholders(h.ref.path);
  const find = (list: Node[], name: string, where: string) => list.find((p) => p.in === where && p.name === name);
  bPath.forEach((bn, i) => {
    const hn = hPath[i];
    if (hn === undefined) return;
    const bp = find(b.parameters, bn, 'path') ?? { in: 'path', name: bn, required: true };
    const hp = find(h.parameters, hn, 'path') ?? { in: 'path', name: hn, required: true };
    if (bn !== hn) {
      out.push(
        change(
          siteOf(hp),
          'parameters',
          'path-parameter-renamed',
          'breaking',
          `Path parameter \`{${bn}}\` renamed to \`{${hn}}\`; the URL is unchanged but generated clients take it under the new name.`,
        ),
      );
    }
    out.push(...compareParameter(bp, hp, siteOf(hp), names));
  });

  const key = (p: Node) => `${String(p.in)}:${p.in === 'header' ? String(p.name).toLowerCase() : String(p.name)}`;
  const others = (list: Node[]) => new Map(list.filter((p) => p.in !== 'path').map((p) => [key(p), p]));
  const bOthers = others(b.parameters);
  const hOthers = others(h.parameters);
  const removed = [...bOthers].filter(([k]) => !hOthers.has(k)).map(([, p]) => p);
  const added = [...hOthers].filter(([k]) => !bOthers.has(k)).map(([, p]) => p);

  for (const bp of [...removed]) {
    // A parameter that disappears while one with the same location and schema appears was renamed.
    const candidates = added.filter((hp) => hp.in === bp.in && sameJson(schemaOf(hp), schemaOf(bp)));
    const removedHere = removed.filter((r) => r.in === bp.in);
    if (candidates.length !== 1 || removedHere.length !== 1) continue;
    const hp = candidates[0]!;
    removed.splice(removed.indexOf(bp), 1);
    added.splice(added.indexOf(hp), 1);
    out.push(
      change(
        siteOf(hp),
        'parameters',
        'parameter-renamed',
        'breaking',
        `${label(bp)} \`${String(bp.name)}\` renamed to \`${String(hp.name)}\`; calls that send the old name lose its effect.`,
      ),
    );
    out.push(...compareParameter(bp, hp, siteOf(hp), names));
  }
  for (const bp of removed) {
    out.push(
      change(
        siteOf(bp),
        'parameters',
        'parameter-removed',
        'breaking',
        `${label(bp)} \`${String(bp.name)}\` removed; calls that send it may be rejected or have it ignored.`,
      ),
    );
  }
  for (const hp of added) {
    if (hp.required === true) {
      out.push(
        change(
          siteOf(hp),
          'parameters',
          'required-parameter-added',
          'breaking',
          `Required ${label(hp).toLowerCase()} \`${String(hp.name)}\` added; existing calls do not send it.`,
        ),
      );
    } else {
      out.push(
        change(
          siteOf(hp),
          'parameters',
          'optional-parameter-added',
          'non-breaking',
          `Optional ${label(hp).toLowerCase()} \`${String(hp.name)}\` added.`,
        ),
      );
    }
  }
  for (const [k, bp] of bOthers) {
    const hp = hOthers.get(k);
    if (hp) out.push(...compareParameter(bp, hp, siteOf(hp), names));
  }
  return out;
}

/** Compares one parameter present in both versions. */
function compareParameter(bp: Node, hp: Node, site: Site, names: NameMaps): Change[] {
  const out: Change[] = [];
  const name = `\`${String(hp.name)}\``;
  if (bp.required !== true && hp.required === true) {
    out.push(change(site, 'parameters', 'parameter-now-required', 'breaking', `${label(hp)} ${name} is now required.`));
  }
  if (bp.required === true && hp.required !== true) {
    out.push(change(site, 'parameters', 'parameter-now-optional', 'non-breaking', `${label(hp)} ${name} is now optional.`));
  }
  for (const field of ['style', 'explode', 'allowReserved'] as const) {
    if (!sameJson(bp[field], hp[field])) {
      out.push(
        change(
          site,
          'parameters',
          'parameter-serialization-changed',
          'breaking',
          `${label(hp)} ${name} is serialised differently (\`${field}\`: ${JSON.stringify(bp[field] ?? null)} → ${JSON.stringify(hp[field] ?? null)}).`,
        ),
      );
    }
  }
  if (!bp.deprecated && hp.deprecated)
    out.push(change(site, 'parameters', 'parameter-deprecated', 'non-breaking', `${label(hp)} ${name} is now deprecated.`));
  if (!sameJson(bp.description, hp.description)) {
    out.push(
      change(
        site,
        'documentation',
        'parameter-description-changed',
        'non-breaking',
        `The description of ${label(hp).toLowerCase()} ${name} changed.`,
      ),
    );
  }
  if (!sameJson(bp.examples, hp.examples) || !sameJson(bp.example, hp.example)) {
    out.push(
      change(
        site,
        'documentation',
        'parameter-examples-changed',
        'non-breaking',
        `Examples of ${label(hp).toLowerCase()} ${name} changed.`,
      ),
    );
  }
  out.push(...compareSchemas(schemaOf(bp), schemaOf(hp), { ...site, position: 'request', rootName: `${label(hp)} ${name}` }, names));
  return out;
}

function schemaOf(p: Node): unknown {
  if (p.schema !== undefined) return p.schema;
  const content = asNode(p.content);
  const first = content ? Object.values(content)[0] : undefined;
  return asNode(first)?.schema;
}

function label(p: Node): string {
  const where = String(p.in);
  return `${where.charAt(0).toUpperCase()}${where.slice(1)} parameter`;
}
