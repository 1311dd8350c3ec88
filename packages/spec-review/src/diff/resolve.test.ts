/**
 * Parsing and in-memory `$ref` resolution: local pointers, other files, cycles, and a clear error
 * for each kind of bad input.
 */
import { describe, expect, it } from 'vitest';
import { SpecParseError, UnresolvedRefError } from '../errors.js';
import { loadSpecFrom, parseSpecText, resolveDocument, type DocumentSource } from './resolve.js';
import type { Node } from './types.js';

const source = (files: Record<string, string>): DocumentSource => ({ label: 'test', read: (p) => files[p] });

describe('parseSpecText', () => {
  it.each([
    { name: 'YAML syntax error (with its line)', text: 'openapi: 3.1.0\npaths: [\n', error: /line 3/ },
    { name: 'not a mapping', text: '- a\n- b\n', error: /empty or not a mapping/ },
    { name: 'not OpenAPI 3', text: 'swagger: "2.0"\npaths: {}\n', error: /not an OpenAPI 3.x document/ },
    { name: 'paths not a mapping', text: 'openapi: 3.1.0\npaths: []\n', error: /`paths` is not a mapping/ },
  ])('rejects $name with a message naming the source', ({ text, error }) => {
    expect(() => parseSpecText(text, 'spec/openapi.yaml at HEAD~1')).toThrow(SpecParseError);
    expect(() => parseSpecText(text, 'spec/openapi.yaml at HEAD~1')).toThrow(error);
    expect(() => parseSpecText(text, 'spec/openapi.yaml at HEAD~1')).toThrow(/^spec\/openapi\.yaml at HEAD~1: /);
  });

  it('accepts JSON as well as YAML', () => {
    expect(parseSpecText('{"openapi":"3.1.0","paths":{}}', 'x')).toEqual({ openapi: '3.1.0', paths: {} });
  });
});

describe('resolveDocument', () => {
  it('replaces local references and remembers component names', () => {
    const doc = { openapi: '3.1.0', components: { schemas: { A: { type: 'string' } } }, x: { $ref: '#/components/schemas/A' } };
    const resolved = resolveDocument(doc, 't');
    expect(resolved.doc.x).toEqual({ type: 'string' });
    expect(resolved.refNames.get(resolved.doc.x as object)).toBe('A');
  });

  it('keeps sibling keywords next to $ref (OpenAPI 3.1) over the target', () => {
    const doc = {
      openapi: '3.1.0',
      components: { schemas: { A: { type: 'string', description: 'a' } } },
      x: { $ref: '#/components/schemas/A', description: 'b' },
    };
    expect(resolveDocument(doc, 't').doc.x).toEqual({ type: 'string', description: 'b' });
  });

  it('decodes JSON pointer escapes (~1, %7B) in references to paths', () => {
    const doc = { openapi: '3.1.0', paths: { '/a/{id}': { get: { ok: true } } }, x: { $ref: '#/paths/~1a~1%7Bid%7D/get' } };
    expect(resolveDocument(doc, 't').doc.x).toEqual({ ok: true });
  });

  it('reads references to other files relative to the file that holds them', () => {
    const spec = loadSpecFrom(
      'openapi.yaml',
      source({
        'openapi.yaml': 'openapi: 3.1.0\npaths: {}\ncomponents:\n  schemas:\n    A: { $ref: "schemas/a.yaml" }\n',
        'schemas/a.yaml': 'type: object\nproperties:\n  b: { $ref: "./b.yaml#/B" }\n',
        'schemas/b.yaml': 'B: { type: integer }\n',
      }),
    );
    expect(spec.doc.components).toEqual({ schemas: { A: { type: 'object', properties: { b: { type: 'integer' } } } } });
  });

  it('resolves a recursive schema to a cycle instead of recursing forever', () => {
    const doc = {
      openapi: '3.1.0',
      components: { schemas: { N: { type: 'object', properties: { next: { $ref: '#/components/schemas/N' } } } } },
    };
    const n = ((resolveDocument(doc, 't').doc.components as Node).schemas as Node).N as Node;
    const next = (n.properties as Node).next as Node;
    expect((next.properties as Node).next).toBe(next);
    expect(next.type).toBe('object');
  });

  it.each([
    { name: 'a missing pointer', doc: { openapi: '3.1.0', x: { $ref: '#/components/schemas/Nope' } }, files: {} },
    { name: 'a missing file', doc: { openapi: '3.1.0', x: { $ref: 'other.yaml#/A' } }, files: {} },
  ])('names the dangling reference for $name', ({ doc, files }) => {
    expect(() => resolveDocument(doc, 't', 'openapi.yaml', source(files))).toThrow(UnresolvedRefError);
    expect(() => resolveDocument(doc, 't', 'openapi.yaml', source(files))).toThrow(
      `$ref "${(doc.x as Node).$ref as string}" in openapi.yaml`,
    );
  });
});
