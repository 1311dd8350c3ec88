/**
 * Puts each operation's provenance into the text the reference renders: the docs page it was
 * written from (`x-docs.url`) and what the spec infers rather than reads there (`x-docs.inferred`),
 * appended to the operation's description in a copy of the document.
 * @see ../../../../spec/openapi.yaml (the `x-docs` extension)
 */
import { HTTP_METHODS, type OpenAPIDocument } from '@identitycall/openapi';

/** The `x-docs` extension of an operation. */
export interface DocsExtension {
  url?: unknown;
  inferred?: unknown;
}

/** The Markdown block describing one operation's provenance. */
export function provenanceMarkdown(docs: DocsExtension | undefined): string {
  const lines = ['', '---', ''];
  if (!docs || typeof docs.url !== 'string') {
    lines.push('**Source page:** not recorded (this operation has no `x-docs.url`).');
  } else {
    lines.push(`**Source page:** [${docs.url.replace(/^https?:\/\//, '')}](${docs.url})`);
  }
  lines.push('');
  const inferred = Array.isArray(docs?.inferred) ? docs.inferred.map(String) : [];
  if (inferred.length === 0) {
    lines.push('**Inferred:** nothing; every part of this operation is stated on that page.');
  } else {
    lines.push(`**Inferred** (not stated on that page; ${inferred.length} part${inferred.length === 1 ? '' : 's'}):`, '');
    for (const item of inferred) lines.push(`- ${item}`);
  }
  return lines.join('\n');
}

/** Returns a copy of `doc` in which every operation's description ends with its provenance. */
export function withProvenance(doc: OpenAPIDocument): OpenAPIDocument {
  const copy = structuredClone(doc) as OpenAPIDocument;
  for (const item of Object.values(copy.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item?.[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const description = typeof op.description === 'string' ? op.description.trimEnd() : '';
      op.description = `${description}\n${provenanceMarkdown(op['x-docs'] as DocsExtension | undefined)}\n`;
    }
  }
  return copy;
}
