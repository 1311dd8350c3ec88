/**
 * Provenance in the rendered descriptions: every operation gets its source page and inferred list,
 * and the input document is left alone.
 */
import { describe, expect, it } from 'vitest';
import { listOperations, loadSpec, type OpenAPIDocument } from '@identitycall/openapi';
import { provenanceMarkdown, withProvenance } from './provenance.js';

describe('provenanceMarkdown', () => {
  it.each([
    {
      name: 'a page and inferred parts',
      docs: { url: 'https://docs.identitycall.ai/api-reference/operators/list', inferred: ['sorting assumed', '401 from the Errors page'] },
      expected: [
        '**Source page:** [docs.identitycall.ai/api-reference/operators/list](https://docs.identitycall.ai/api-reference/operators/list)',
        '**Inferred** (not stated on that page; 2 parts):',
        '- sorting assumed',
        '- 401 from the Errors page',
      ],
    },
    {
      name: 'a page and nothing inferred',
      docs: { url: 'https://docs.identitycall.ai/x', inferred: [] },
      expected: ['**Inferred:** nothing; every part of this operation is stated on that page.'],
    },
    { name: 'no x-docs at all', docs: undefined, expected: ['**Source page:** not recorded (this operation has no `x-docs.url`).'] },
  ])('renders $name', ({ docs, expected }) => {
    const md = provenanceMarkdown(docs);
    for (const line of expected) expect(md).toContain(line);
  });
});

describe('withProvenance on the real spec', () => {
  const spec = loadSpec();
  const rendered = withProvenance(spec);
  const ops = listOperations(spec);

  it.each(ops)('$operationId ends its description with its page and inferred parts', (op) => {
    const description = String((rendered.paths[op.path]![op.method] as { description: string }).description);
    expect(description).toContain(`](${op.docs!.url})`);
    for (const part of op.docs!.inferred) expect(description).toContain(`- ${part}`);
    const original = String((spec.paths[op.path]![op.method] as { description: string }).description);
    expect(description.startsWith(original.trimEnd())).toBe(true);
  });

  it('does not change the document it is given', () => {
    expect(rendered).not.toBe(spec);
    const before = JSON.stringify(spec);
    withProvenance(spec as OpenAPIDocument);
    expect(JSON.stringify(spec)).toBe(before);
  });
});
