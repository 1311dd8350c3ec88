/**
 * The facts the mock reads from the spec, and a guard that they stay read: no string or number
 * literal in the mock's source restates a documented message, a limit or the base path.
 * @see ../../../spec/DECISIONS.md (B23)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  documentedMessages,
  errorMessages,
  formatBytes,
  jsonBodyLimit,
  listOperations,
  loadSpec,
  messageTemplate,
  responseMessage,
  uploadFormats,
} from '@identitycall/openapi';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { bundledFacts, readFacts } from './facts.js';

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

/** The non-test source files under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('readFacts', () => {
  it('reads every fact from the spec', () => {
    const facts = bundledFacts();
    const upload = facts.upload.operation;
    expect(facts.basePath).toBe(new URL(doc.servers![0]!.url).pathname.replace(/\/$/, ''));
    expect(facts.jsonBodyLimit).toBe(jsonBodyLimit(doc));
    expect(facts.payloadTooLarge).toBe(responseMessage(doc, 'PayloadTooLarge'));
    expect(facts.malformedJson.template).toBe(messageTemplate(doc, 'MalformedJson').template);
    expect(facts.uploadFormats).toEqual(uploadFormats(doc));
    expect(facts.upload).toMatchObject({
      fileRequired: errorMessages(upload, 400)[0],
      invalidFileType: errorMessages(upload, 422, (n) => n === 'invalidFileType')[0],
      fileTooLarge: errorMessages(upload, 422, (n) => n === 'fileTooLarge')[0],
    });
  });

  it('refuses a spec that lacks a fact the guard needs', () => {
    const copy = structuredClone(doc);
    delete (copy.components!.responses!.PayloadTooLarge as Record<string, unknown>).content;
    expect(() => readFacts(copy)).toThrow(/PayloadTooLarge/);
  });
});

describe('the mock restates no fact of the spec', () => {
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
    const found = facts.filter((fact) => literals.some((l) => l.includes(fact)));
    expect(found).toEqual([]);
  });
});
