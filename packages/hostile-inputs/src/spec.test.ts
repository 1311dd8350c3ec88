/**
 * What the corpus reads from the spec, and a guard that it stays read: no string or number literal
 * in this package's source restates a documented message, a limit or the base path.
 * @see ../../../spec/DECISIONS.md (B23)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  documentedMessages,
  formatBytes,
  jsonBodyLimit,
  listOperations,
  loadSpec,
  messageTemplate,
  uploadFormats,
} from '@identitycall/openapi';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { viewOf } from './index.js';

const doc = loadSpec();

/** Every string and number literal of a TypeScript file (comments are free to cite the docs). */
function literalsOf(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isNumericLiteral(node)) out.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('viewOf', () => {
  it('reads the base path, the limits and the upload operation from the spec', () => {
    const view = viewOf(doc);
    expect(view.basePath).toBe(new URL(doc.servers![0]!.url).pathname.replace(/\/$/, ''));
    expect(view.jsonLimit).toBe(jsonBodyLimit(doc));
    expect(view.formats).toEqual(uploadFormats(doc));
    expect(view.upload.requestBody?.content.map((m) => m.contentType)).toContain('multipart/form-data');
    expect(new RegExp(view.malformedJsonPattern).test(messageTemplate(doc, 'MalformedJson').format({ detail: 'x' }))).toBe(true);
  });
});

describe('the corpus restates no fact of the spec', () => {
  const limits = [jsonBodyLimit(doc), ...uploadFormats(doc).map((f) => f.maxBytes)];
  const facts = [
    ...documentedMessages(listOperations(doc)).map((m) => m.message),
    messageTemplate(doc, 'MalformedJson').template.split('{')[0]!,
    ...limits.map(String),
    ...limits.map(formatBytes),
    new URL(doc.servers![0]!.url).pathname,
  ];
  const dir = fileURLToPath(new URL('.', import.meta.url));

  it.each(sources(dir).map((path) => ({ file: path.slice(dir.length), path })))('$file', ({ path }) => {
    const literals = literalsOf(path);
    expect(literals.length).toBeGreaterThan(0);
    expect(facts.filter((fact) => literals.some((l) => l.includes(fact)))).toEqual([]);
  });
});
