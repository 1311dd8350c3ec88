/**
 * Parameter rules: parameters removed, renamed, added (required breaks, optional does not), made
 * required or optional, serialised differently; their schemas are compared as request schemas.
 * Path parameters are matched by their position in the path, so renaming `{id}` reads as a rename.
 * @see https://spec.openapis.org/oas/v3.1.0#parameter-object
 */
import type { OperationModel } from './operations.js';
import { compareSchemas, type NameMaps } from './schemas.js';
import { InvalidSpecError } from '../errors.js';
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
  const bSer = serialisation(bp);
  const hSer = serialisation(hp);
  for (const field of ['style', 'explode', 'allowReserved'] as const) {
    if (bSer[field] !== hSer[field]) {
      out.push(
        change(
          site,
          'parameters',
          'parameter-serialization-changed',
          'breaking',
          `${label(hp)} ${name} is serialised differently (\`${field}\`: ${JSON.stringify(bSer[field])} → ${JSON.stringify(hSer[field])}).`,
        ),
      );
    }
  }
  if (bp.allowEmptyValue === true && hp.allowEmptyValue !== true) {
    out.push(
      change(
        site,
        'parameters',
        'parameter-empty-value-refused',
        'breaking',
        `${label(hp)} ${name} no longer allows an empty value; calls sending \`${String(hp.name)}=\` may be rejected.`,
      ),
    );
  }
  if (bp.allowEmptyValue !== true && hp.allowEmptyValue === true) {
    out.push(
      change(site, 'parameters', 'parameter-empty-value-allowed', 'non-breaking', `${label(hp)} ${name} now allows an empty value.`),
    );
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
  const schemaSite = {
    ...site,
    position: 'request' as const,
    rootName: `${label(hp)} ${name}`,
    alwaysSent: bp.required === true && hp.required === true,
  };
  const bSchema = schemaOf(bp);
  const hSchema = schemaOf(hp);
  if (repeatsAsArray(bp, bSchema, hp, hSchema)) {
    // `?status=a` is also a valid one-element list in form style with explode, so calls that send
    // one value keep working; only code typed against the single value (the generated types) changes.
    out.push(
      change(
        site,
        'parameters',
        'parameter-widened-to-array',
        'possibly-breaking',
        `${label(hp)} ${name} now takes a list of values instead of one; calls sending one value stay valid (\`?${String(hp.name)}=a\` is a one-element list), ` +
          'but TypeScript callers using the generated types must pass an array.',
      ),
    );
    out.push(...compareSchemas(bSchema, asNode(hSchema)?.items, schemaSite, names));
    return out;
  }
  out.push(...compareSchemas(bSchema, hSchema, schemaSite, names));
  return out;
}

/** `style`, `explode` and `allowReserved` with the defaults of the parameter's location filled in. */
function serialisation(p: Node): { style: string; explode: boolean; allowReserved: boolean } {
  const style = typeof p.style === 'string' ? p.style : p.in === 'query' || p.in === 'cookie' ? 'form' : 'simple';
  return {
    style,
    explode: typeof p.explode === 'boolean' ? p.explode : style === 'form',
    allowReserved: p.allowReserved === true,
  };
}

/**
 * True when a query parameter that took one scalar value now takes an array of them, serialised in
 * form style with explode (`?a=1&a=2`), where a single `?a=1` is the same on the wire.
 */
function repeatsAsArray(bp: Node, bSchema: unknown, hp: Node, hSchema: unknown): boolean {
  if (hp.in !== 'query' || bp.content !== undefined || hp.content !== undefined) return false;
  const ser = serialisation(hp);
  if (ser.style !== 'form' || !ser.explode) return false;
  const types = (s: unknown) => {
    const t = asNode(s)?.type;
    return (Array.isArray(t) ? t : t === undefined ? [] : [t]).map(String).filter((x) => x !== 'null');
  };
  const before = types(bSchema);
  const after = types(hSchema);
  return (
    before.length > 0 &&
    before.every((t) => t !== 'array' && t !== 'object') &&
    after.length === 1 &&
    after[0] === 'array' &&
    asNode(hSchema)?.items !== undefined
  );
}

/**
 * Checks that every path parameter of every operation appears in its path template and every
 * template name is declared: a parameter the template lacks can never be sent, and a diff that
 * skipped it would hide a broken spec.
 * @throws InvalidSpecError naming the operation and the parameter.
 */
export function assertPathParameters(ops: Iterable<OperationModel>, source: string): void {
  for (const op of ops) {
    const template = new Set([...op.ref.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!));
    const declared = op.parameters.filter((p) => p.in === 'path').map((p) => String(p.name));
    const where = `${op.ref.method} ${op.ref.path}${op.ref.operationId ? ` (${op.ref.operationId})` : ''}`;
    for (const name of declared) {
      if (!template.has(name))
        throw new InvalidSpecError(
          source,
          `${where} declares path parameter \`${name}\`, but its path has no \`{${name}}\`. Put it in the path or declare it elsewhere (query, header).`,
        );
    }
    for (const name of template) {
      if (!declared.includes(name))
        throw new InvalidSpecError(source, `${where} has \`{${name}}\` in its path but declares no path parameter \`${name}\`.`);
    }
  }
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
