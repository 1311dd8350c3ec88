/**
 * What the faults read from the spec instead of listing operations by hand, so that an operation
 * added to the spec is wrong in the same way as its siblings: the operations on a kind of resource
 * (the first segment of their path), and where a success body carries operator objects.
 * @see ./catalogue.ts
 */
import { loadSpec, resolveRef, type OpenAPIDocument, type OperationInfo } from '@identitycall/openapi';
import { specValidator } from '../validation/spec-validator.js';

/** A step into a JSON value: a field name, or `[]` for every item of an array. */
export type Step = string;

/** The kind of resource an operation works on: the first segment of its path (`operators`). */
export const kindOf = (op: OperationInfo): string => op.path.split('/')[1] ?? '';

/** The spec's operations on resources of `kind` (`/operators`, `/operators/{id}`, …). */
export function operationsOn(kind: string, operations: readonly OperationInfo[] = specValidator().operations): OperationInfo[] {
  return operations.filter((op) => kindOf(op) === kind);
}

type Schema = {
  $ref?: string;
  properties?: Record<string, unknown>;
  items?: unknown;
  allOf?: unknown[];
  anyOf?: unknown[];
  oneOf?: unknown[];
};

/** The JSON schemas of the success responses of `op`. */
const successSchemas = (op: OperationInfo): unknown[] =>
  op.responses.filter((r) => /^2\d\d$/.test(r.status)).flatMap((r) => r.content.flatMap((m) => (m.schema === undefined ? [] : [m.schema])));

/**
 * The schemas of operator objects: what the operations on `/operators` answer as `data` or as the
 * items of `data` (`$ref`s into `components/schemas`).
 */
export function operatorSchemas(doc: OpenAPIDocument, operations: readonly OperationInfo[]): Set<string> {
  const refs = new Set<string>();
  for (const op of operationsOn('operators', operations)) {
    for (const schema of successSchemas(op)) {
      const data = resolveRef<Schema>(doc, schema).properties?.data as Schema | undefined;
      const target = (data?.items as Schema | undefined)?.$ref ?? data?.$ref;
      if (target) refs.add(target);
    }
  }
  return refs;
}

/**
 * Where the success bodies of `op` carry objects of one of `targets` (schema `$ref`s): the steps
 * from the body to each, following `$ref`s, properties, array items and `allOf`/`anyOf`/`oneOf`.
 */
export function locationsOf(doc: OpenAPIDocument, op: OperationInfo, targets: ReadonlySet<string>): Step[][] {
  const found: Step[][] = [];
  const walk = (node: unknown, at: Step[], seen: ReadonlySet<string>): void => {
    if (!node || typeof node !== 'object') return;
    const schema = node as Schema;
    if (schema.$ref !== undefined) {
      if (targets.has(schema.$ref)) found.push(at);
      else if (!seen.has(schema.$ref)) walk(resolveRef(doc, schema), at, new Set([...seen, schema.$ref]));
      return;
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) walk(property, [...at, name], seen);
    if (schema.items !== undefined) walk(schema.items, [...at, '[]'], seen);
    for (const part of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) walk(part, at, seen);
  };
  for (const schema of successSchemas(op)) walk(schema, [], new Set());
  const unique = new Map(found.map((steps) => [steps.join('.'), steps]));
  return [...unique.values()];
}

/** Every operation whose success bodies carry operator objects, with where they carry them. */
export function operatorBodies(
  doc: OpenAPIDocument = loadSpec(),
  operations: readonly OperationInfo[] = specValidator(doc).operations,
): Map<string, Step[][]> {
  const targets = operatorSchemas(doc, operations);
  const out = new Map<string, Step[][]>();
  for (const op of operations) {
    const locations = locationsOf(doc, op, targets);
    if (locations.length > 0) out.set(op.operationId, locations);
  }
  return out;
}

/** Applies `edit` to every value at `steps` in `node` (a `[]` step maps over an array); returns the edited copy. */
export function editAt(node: unknown, steps: readonly Step[], edit: (value: unknown) => unknown): unknown {
  if (steps.length === 0) return edit(node);
  const [step, ...rest] = steps as [Step, ...Step[]];
  if (step === '[]') return Array.isArray(node) ? node.map((item) => editAt(item, rest, edit)) : node;
  if (!node || typeof node !== 'object' || Array.isArray(node) || !(step in node)) return node;
  return { ...(node as Record<string, unknown>), [step]: editAt((node as Record<string, unknown>)[step], rest, edit) };
}
