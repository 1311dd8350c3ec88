/**
 * The source-of-truth guard: finds facts of the spec — documented error messages, request limits,
 * permission names — written as literals into the packages' source instead of read from
 * `@identitycall/openapi`. Literals are found with the TypeScript parser, so comments and
 * documentation do not count. Generated files are skipped, and so are tests (`*.test.ts`,
 * `*.test-d.ts`, `testing/` helpers): a test states what it expects on its own, as an oracle
 * independent of the code it checks.
 * @see ../../../../spec/DECISIONS.md (B23)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  PERMISSIONS,
  documentedMessages,
  formatBytes,
  jsonBodyLimit,
  listOperations,
  messageTemplate,
  uploadFormats,
  type OpenAPIDocument,
} from '@identitycall/openapi';
import ts from 'typescript';

/** What kind of fact a literal restates. */
export type FactKind = 'message' | 'limit' | 'permission' | 'server';

/** One fact of the spec that source files must read rather than restate. */
export interface Fact {
  kind: FactKind;
  /** The fact as the spec states it: a message, a byte count, or a permission name. */
  value: string;
  /** Where the spec states it, for the failure message. */
  source: string;
}

/** A literal in a source file that restates a fact. */
export interface Finding {
  /** Path relative to the scanned root, with forward slashes. */
  file: string;
  line: number;
  kind: FactKind;
  /** The fact's value. */
  fact: string;
  /** The literal as written (shortened). */
  literal: string;
}

/** A restatement that is allowed, and why. */
export interface AllowedFact {
  file: string;
  fact: string;
  reason: string;
}

/**
 * Every fact the guard looks for, read from the spec: the messages of every documented error
 * example and the fixed text of each `x-message-template`, the JSON body limit and each upload
 * limit, the permission names, and the server URL and its base path.
 */
export function specFacts(doc: OpenAPIDocument): Fact[] {
  const facts: Fact[] = [];
  for (const { message, where } of documentedMessages(listOperations(doc))) {
    facts.push({ kind: 'message', value: message, source: `example of ${where.slice(0, 2).join(', ')}${where.length > 2 ? ', …' : ''}` });
  }
  for (const [name, response] of Object.entries(doc.components?.responses ?? {})) {
    if (!(response as Record<string, unknown>)['x-message-template']) continue;
    for (const part of messageTemplate(doc, name).template.split(/\{\w+\}/)) {
      const text = part.replace(/[\s:]+$/, '');
      if (text.length >= 12) facts.push({ kind: 'message', value: text, source: `x-message-template of ${name}` });
    }
  }
  const limits = new Map<number, string>([[jsonBodyLimit(doc), 'x-max-bytes']]);
  for (const f of uploadFormats(doc)) if (!limits.has(f.maxBytes)) limits.set(f.maxBytes, `x-upload-formats (${f.format})`);
  for (const [bytes, source] of limits) facts.push({ kind: 'limit', value: String(bytes), source });
  for (const p of PERMISSIONS) facts.push({ kind: 'permission', value: p, source: 'x-permissions' });
  for (const server of doc.servers ?? []) {
    facts.push({ kind: 'server', value: server.url, source: 'servers' });
    const path = new URL(server.url).pathname.replace(/\/$/, '');
    if (path.length > 1) facts.push({ kind: 'server', value: path, source: `the path of ${server.url}` });
  }
  return facts;
}

/** The source files under one package's `src`: TypeScript and JavaScript, without generated files and tests. */
export function sourceFilesIn(src: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === 'dist' || name === 'generated' || name === 'testing') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(c|m)?(t|j)s$/.test(name) && !/\.(gen|test|test-d|d)\.(c|m)?(t|j)s$/.test(name)) out.push(path);
    }
  };
  try {
    if (statSync(src).isDirectory()) walk(src);
  } catch {
    // A package without src/ has nothing to scan.
  }
  return out.sort();
}

/** Source files of `packages/*\/src` under `root` (see {@link sourceFilesIn}). */
export function sourceFiles(root: string): string[] {
  const packages = join(root, 'packages');
  return readdirSync(packages)
    .flatMap((pkg) => sourceFilesIn(join(packages, pkg, 'src')))
    .sort();
}

/** The value of a product of numeric literals (`1024 * 1024`), or undefined for anything else. */
function constantProduct(node: ts.Expression): number | undefined {
  if (ts.isNumericLiteral(node)) return Number(node.text.replace(/_/g, ''));
  if (ts.isParenthesizedExpression(node)) return constantProduct(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AsteriskToken) {
    const left = constantProduct(node.left);
    const right = constantProduct(node.right);
    return left !== undefined && right !== undefined ? left * right : undefined;
  }
  return undefined;
}

/**
 * Names the spec gives its parts (shared responses, schemas, examples, parameters, security
 * schemes). A literal that is exactly such a name, or a `#/components/…` reference to one, points
 * into the spec — `responseMessage(doc, 'Unauthorized')` — and restates nothing, even when the
 * name is also a documented message.
 */
export function specNames(doc: OpenAPIDocument): Set<string> {
  const names = new Set<string>();
  for (const group of Object.values(doc.components ?? {})) for (const name of Object.keys(group ?? {})) names.add(name);
  return names;
}

/** Finds every literal of `text` (a file at `file`) that restates one of `facts`; `names` are {@link specNames}. */
export function findInSource(file: string, text: string, facts: readonly Fact[], names: ReadonlySet<string> = new Set()): Finding[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.js') || file.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS,
  );
  const messages = facts.filter((f) => f.kind === 'message' || f.kind === 'server');
  const limits = new Map(facts.filter((f) => f.kind === 'limit').map((f) => [Number(f.value), f]));
  const limitTexts = [...limits.values()].map((f) => ({ fact: f, text: formatBytes(Number(f.value)) }));
  const permissions = new Set(facts.filter((f) => f.kind === 'permission').map((f) => f.value));
  const out: Finding[] = [];
  const add = (node: ts.Node, kind: FactKind, fact: string, literal: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    out.push({ file, line, kind, fact, literal: literal.length > 80 ? `${literal.slice(0, 77)}…` : literal });
  };
  const permissionNames = (nodes: readonly ts.Node[]): string[] => {
    const names = new Set<string>();
    for (const n of nodes) {
      const lit = ts.isLiteralTypeNode(n) ? n.literal : n;
      if ((ts.isStringLiteral(lit) || ts.isNoSubstitutionTemplateLiteral(lit)) && permissions.has(lit.text)) names.add(lit.text);
      if (
        (ts.isPropertyAssignment(n) || ts.isPropertySignature(n)) &&
        (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) &&
        permissions.has(n.name.text)
      )
        names.add(n.name.text);
    }
    return [...names];
  };

  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const value = node.text;
      const reference = names.has(value) || (value.startsWith('#/components/') && names.has(value.slice(value.lastIndexOf('/') + 1)));
      if (!reference) for (const m of messages) if (value.includes(m.value)) add(node, m.kind, m.value, value);
      for (const { fact, text: t } of limitTexts)
        if (new RegExp(`(^|[^\\d.])${t.replace(/ /g, '\\s?')}\\b`).test(value)) add(node, 'limit', fact.value, value);
    }
    if (ts.isBinaryExpression(node) || ts.isNumericLiteral(node)) {
      const parent = node.parent;
      const insideProduct = parent && ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AsteriskToken;
      const value = insideProduct ? undefined : constantProduct(node as ts.Expression);
      const fact = value === undefined ? undefined : limits.get(value);
      if (fact) add(node, 'limit', fact.value, node.getText(source));
    }
    // Two or more permission names together restate the permission list: a union type, an array, an object.
    const group = ts.isUnionTypeNode(node)
      ? node.types
      : ts.isArrayLiteralExpression(node)
        ? node.elements
        : ts.isObjectLiteralExpression(node) || ts.isTypeLiteralNode(node)
          ? ts.isObjectLiteralExpression(node)
            ? node.properties
            : node.members
          : undefined;
    if (group) {
      const names = permissionNames(group);
      if (names.length >= 2) add(node, 'permission', names.join(' | '), node.getText(source).replace(/\s+/g, ' '));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Scans `packages/*\/src` under `root` for restated facts; `names` are {@link specNames}. */
export function findRestatedFacts(root: string, facts: readonly Fact[], names: ReadonlySet<string> = new Set()): Finding[] {
  return sourceFiles(root).flatMap((path) =>
    findInSource(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8'), facts, names),
  );
}

/**
 * Splits findings into those the allow-list covers and those it does not, and lists allow-list
 * entries that no longer match anything (so the list cannot go stale).
 */
export function applyAllowList(
  findings: readonly Finding[],
  allowed: readonly AllowedFact[],
): { violations: Finding[]; stale: AllowedFact[] } {
  const covers = (a: AllowedFact, f: Finding) => a.file === f.file && a.fact === f.fact;
  return {
    violations: findings.filter((f) => !allowed.some((a) => covers(a, f))),
    stale: allowed.filter((a) => !findings.some((f) => covers(a, f))),
  };
}

/** One line per finding: where, what, and which spec reader to use instead. */
export function formatFindings(findings: readonly Finding[], facts: readonly Fact[]): string {
  const reader: Record<FactKind, string> = {
    message: 'read it with errorMessages() / responseMessage() / permissionMessage() / messageTemplate()',
    limit: 'read it with jsonBodyLimit() / uploadFormats() / largestUpload()',
    permission: 'use PERMISSIONS / Permission from @identitycall/openapi',
    server: "read it from the spec's servers (or the client's generated DEFAULT_BASE_URL)",
  };
  return findings
    .map((f) => {
      const source = facts.find((x) => x.kind === f.kind && x.value === f.fact.split(' | ')[0])?.source ?? 'the spec';
      return `${f.file}:${f.line}: ${f.kind} ${JSON.stringify(f.fact)} (from ${source}) written as ${f.literal}; ${reader[f.kind]}`;
    })
    .join('\n');
}
