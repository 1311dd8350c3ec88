/**
 * Parses an OpenAPI document and resolves every `$ref` in memory (local pointers and relative
 * files), so the rule families compare plain object graphs. Recursive schemas stay recursive: the
 * graph may contain cycles, which the comparators guard against.
 * @see https://spec.openapis.org/oas/v3.1.0#reference-object
 */
import { parse } from 'yaml';
import { SpecParseError, UnresolvedRefError } from '../errors.js';
import { asNode, type Node } from './types.js';

/** Reads the files of one version of the spec (the working tree or a git ref). */
export interface DocumentSource {
  /** Names this version in messages, e.g. `spec/openapi.yaml at HEAD~1`. */
  label: string;
  /** Returns the text of `path` (posix, relative to the spec directory), or undefined if absent. */
  read(path: string): string | undefined;
}

/** A document whose references are resolved. */
export interface ResolvedSpec {
  label: string;
  /** The dereferenced document. */
  doc: Node;
  /** The component name a resolved object came from (`Operator` for `#/components/schemas/Operator`). */
  refNames: WeakMap<object, string>;
}

/**
 * Parses YAML or JSON text into an OpenAPI 3.x document.
 * @throws SpecParseError naming the source and the line of a syntax error, or what is missing.
 */
export function parseSpecText(text: string, label: string): Node {
  let value: unknown;
  try {
    value = parse(text, { prettyErrors: true });
  } catch (cause) {
    throw new SpecParseError(label, `not valid YAML or JSON: ${(cause as Error).message}`, cause);
  }
  const doc = asNode(value);
  if (!doc) throw new SpecParseError(label, 'the document is empty or not a mapping');
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.')) {
    throw new SpecParseError(label, `not an OpenAPI 3.x document (openapi: ${JSON.stringify(doc.openapi)})`);
  }
  if (doc.paths !== undefined && !asNode(doc.paths)) throw new SpecParseError(label, '`paths` is not a mapping');
  return doc;
}

/** An empty OpenAPI document, for a base ref at which the spec did not exist yet. */
export function emptySpec(label: string): ResolvedSpec {
  return { label, doc: { openapi: '3.1.0', info: { title: '', version: '' }, paths: {} }, refNames: new WeakMap() };
}

/**
 * Loads `entry` from `source` and resolves its references.
 * @throws SpecParseError when the entry is missing or unparsable; UnresolvedRefError for a dangling `$ref`.
 */
export function loadSpecFrom(entry: string, source: DocumentSource): ResolvedSpec {
  const text = source.read(entry);
  if (text === undefined) throw new SpecParseError(source.label, `${entry} does not exist`);
  return resolveDocument(parseSpecText(text, source.label), source.label, entry, source);
}

/**
 * Resolves the references of an already parsed document. External files are read from `source`
 * relative to `entry`; without a source only local (`#/…`) references are allowed.
 */
export function resolveDocument(doc: Node, label: string, entry = 'openapi.yaml', source?: DocumentSource): ResolvedSpec {
  const files = new Map<string, unknown>([[entry, doc]]);
  const resolved = new Map<string, unknown>();
  const refNames = new WeakMap<object, string>();

  const fileRoot = (file: string, ref: string, from: string): unknown => {
    if (files.has(file)) return files.get(file);
    const text = source?.read(file);
    if (text === undefined) throw new UnresolvedRefError(ref, from);
    let parsed: unknown;
    try {
      parsed = parse(text, { prettyErrors: true });
    } catch (cause) {
      throw new SpecParseError(`${file} (${label})`, `not valid YAML or JSON: ${(cause as Error).message}`, cause);
    }
    files.set(file, parsed);
    return parsed;
  };

  const visit = (node: unknown, file: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => visit(item, file));
    const obj = asNode(node);
    if (!obj) return node;
    if (typeof obj.$ref === 'string') {
      const target = follow(obj.$ref, file);
      const siblings = Object.keys(obj).filter((k) => k !== '$ref');
      if (siblings.length === 0) return target;
      // OpenAPI 3.1 lets `summary`/`description` (and JSON Schema any keyword) sit beside `$ref`.
      const merged: Node = { ...(asNode(target) ?? {}) };
      for (const key of siblings) merged[key] = visit(obj[key], file);
      const name = asNode(target) ? refNames.get(target as object) : undefined;
      if (name) refNames.set(merged, name);
      return merged;
    }
    const out: Node = {};
    for (const [key, value] of Object.entries(obj)) out[key] = visit(value, file);
    return out;
  };

  const follow = (ref: string, from: string): unknown => {
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? '' : ref.slice(hash + 1);
    const file = filePart ? joinPosix(dirnamePosix(from), filePart) : from;
    const key = `${file}#${pointer}`;
    if (resolved.has(key)) return resolved.get(key);
    let raw = fileRoot(file, ref, from);
    for (const part of pointer.split('/').slice(1)) {
      const token = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
      raw = Array.isArray(raw) ? raw[Number(token)] : asNode(raw)?.[token];
      if (raw === undefined) throw new UnresolvedRefError(ref, from);
    }
    const rawNode = asNode(raw);
    if (!rawNode) {
      const value = visit(raw, file);
      resolved.set(key, value);
      return value;
    }
    // A placeholder first, so a schema that refers to itself points back at the same object.
    const placeholder: Node = {};
    resolved.set(key, placeholder);
    const name = pointer.split('/').pop();
    if (name) refNames.set(placeholder, decodeURIComponent(name));
    const value = visit(rawNode, file);
    Object.assign(placeholder, asNode(value) ?? {});
    const innerName = asNode(value) ? refNames.get(value as object) : undefined;
    if (!name && innerName) refNames.set(placeholder, innerName);
    return placeholder;
  };

  return { label, doc: visit(doc, entry) as Node, refNames };
}

function dirnamePosix(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

function joinPosix(dir: string, rel: string): string {
  const parts = dir ? dir.split('/') : [];
  for (const part of rel.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
