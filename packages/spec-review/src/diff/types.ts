/**
 * The shape of a classified change, and the context each rule family receives.
 * @see https://spec.openapis.org/oas/v3.1.0
 */

/**
 * What a change means for existing clients, in three levels: `breaking` (an existing client can
 * fail; the gate needs a major changeset), `possibly-breaking` (it depends on what clients do or on
 * something this tool cannot analyse; a reviewer decides, the gate does not fail) and
 * `non-breaking` (safe).
 */
export type Severity = 'breaking' | 'possibly-breaking' | 'non-breaking';

/** Every level, most severe first (the order of the report's sections). */
export const SEVERITIES: readonly Severity[] = ['breaking', 'possibly-breaking', 'non-breaking'];

/** True when `change` breaks existing clients: the one predicate the gate and the report count. */
export function isBreaking(change: Pick<Change, 'severity'>): boolean {
  return change.severity === 'breaking';
}

/** A rule's level: a Severity, or a boolean for rules that are either breaking (true) or safe. */
export type Level = Severity | boolean;

/** The Severity of a Level. */
export function levelOf(level: Level): Severity {
  return typeof level === 'boolean' ? (level ? 'breaking' : 'non-breaking') : level;
}

/** The rule family (one module each) that found a change. */
export type RuleFamily =
  | 'operations'
  | 'parameters'
  | 'request-bodies'
  | 'responses'
  | 'schemas'
  | 'enums'
  | 'security'
  | 'components'
  | 'webhooks'
  | 'documentation';

/**
 * Whether a schema is read in a request (the client sends it, so the server accepting fewer values
 * breaks clients) or in a response (the client reads it, so the server sending more breaks them).
 */
export type Position = 'request' | 'response';

/** Identifies an operation in a report. */
export interface OperationRef {
  method: string;
  path: string;
  operationId?: string;
}

/** One classified change between the base and the head document. */
export interface Change {
  family: RuleFamily;
  /** Stable rule id, e.g. `response-property-removed`. */
  rule: string;
  severity: Severity;
  /** The operation affected; absent for document-level changes. */
  operation?: OperationRef;
  /** Where in the operation: `response 200 (application/json)`, `query parameter \`status\``, `document`. */
  where: string;
  /** Property path inside a schema, e.g. `data[].email`; empty for the schema root. */
  path: string;
  /** One sentence a reviewer can read without knowing the rule. */
  message: string;
}

/** Collects the changes of one comparison. */
export interface ChangeSink {
  add(change: Change): void;
}

/** Where a rule is being applied; every change it reports inherits these fields. */
export interface Site {
  operation?: OperationRef;
  where: string;
}

/** Creates a change at `site`. */
export function change(site: Site, family: RuleFamily, rule: string, severity: Severity, message: string, path = ''): Change {
  return { family, rule, severity, ...(site.operation ? { operation: site.operation } : {}), where: site.where, path, message };
}

/** A JSON-like object node of a resolved document. */
export type Node = Record<string, unknown>;

/** Returns `value` as an object node, or undefined for anything else (arrays included). */
export function asNode(value: unknown): Node | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : undefined;
}

/** Formats a value for a message: strings quoted, others as JSON. */
export function show(value: unknown): string {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

/** Deep equality of two JSON-like values (cycle-safe). */
export function sameJson(a: unknown, b: unknown, seen = new WeakMap<object, WeakSet<object>>()): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  const pairs = seen.get(a as object) ?? new WeakSet<object>();
  if (pairs.has(b as object)) return true;
  pairs.add(b as object);
  seen.set(a as object, pairs);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b as object, k) && sameJson((a as Node)[k], (b as Node)[k], seen));
}

/** A media type without its parameters, lower-cased: `application/json; charset=utf-8` → `application/json`. */
export function mediaEssence(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

/**
 * Pairs the media types of two `content` maps: by exact name, then by essence (so adding or
 * dropping a parameter such as `charset` is not a media type removed and another added).
 */
export function pairMediaTypes(base: Node, head: Node): { pairs: Array<[string, string]>; removed: string[]; added: string[] } {
  const removed = Object.keys(base).filter((t) => !(t in head));
  const added = Object.keys(head).filter((t) => !(t in base));
  const pairs: Array<[string, string]> = Object.keys(base)
    .filter((t) => t in head)
    .map((t) => [t, t]);
  for (const b of [...removed]) {
    const h = added.find((a) => mediaEssence(a) === mediaEssence(b));
    if (h === undefined) continue;
    removed.splice(removed.indexOf(b), 1);
    added.splice(added.indexOf(h), 1);
    pairs.push([b, h]);
  }
  return { pairs, removed, added };
}
