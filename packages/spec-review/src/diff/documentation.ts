/**
 * Documentation rules: summaries, descriptions, tags, `info`, and each operation's provenance
 * (`x-docs`: the page it was written from and what it infers). None of these change what a client
 * sends or receives, so none is breaking, but a reviewer reads them: a part that becomes inferred,
 * or stops being inferred, is exactly what a spec review is for.
 */
import type { OperationModel } from './operations.js';
import { asNode, change, sameJson, show, type Change, type Node } from './types.js';

/** Compares the documentation of one operation in two versions. */
export function compareOperationDocs(b: OperationModel, h: OperationModel): Change[] {
  const out: Change[] = [];
  const site = { operation: h.ref, where: 'operation' };
  const doc = (rule: string, message: string) => out.push(change(site, 'documentation', rule, 'non-breaking', message));
  if (!sameJson(b.node.summary, h.node.summary))
    doc('summary-changed', `Summary changed from ${show(b.node.summary ?? '')} to ${show(h.node.summary ?? '')}.`);
  if (!sameJson(b.node.description, h.node.description))
    doc('description-changed', `Description changed${describeTextChange(b.node.description, h.node.description)}.`);
  if (!sameJson(b.node.tags, h.node.tags))
    doc('tags-changed', `Tags changed from ${show(b.node.tags ?? [])} to ${show(h.node.tags ?? [])}.`);
  if (!sameJson(b.node.externalDocs, h.node.externalDocs)) doc('external-docs-changed', 'External documentation link changed.');

  const bx = asNode(b.node['x-docs']) ?? {};
  const hx = asNode(h.node['x-docs']) ?? {};
  if (bx.url !== hx.url) doc('docs-page-changed', `Written from ${show(hx.url ?? '(no page)')} instead of ${show(bx.url ?? '(no page)')}.`);
  const list = (x: Node) => (Array.isArray(x.inferred) ? x.inferred.map(String) : []);
  const before = list(bx);
  const after = list(hx);
  for (const item of after.filter((i) => !before.includes(i))) doc('inferred-added', `Now marked as inferred: “${item}”.`);
  for (const item of before.filter((i) => !after.includes(i))) doc('inferred-removed', `No longer marked as inferred: “${item}”.`);

  for (const key of new Set([...Object.keys(b.node), ...Object.keys(h.node)])) {
    if (!key.startsWith('x-') || key === 'x-docs' || key === 'x-permission') continue;
    if (!sameJson(b.node[key], h.node[key])) doc('extension-changed', `Extension \`${key}\` changed.`);
  }
  return out;
}

/** Compares `info` and the tag descriptions of two documents. */
export function compareDocumentDocs(base: Node, head: Node): Change[] {
  const out: Change[] = [];
  const site = { where: 'document' };
  const bi = asNode(base.info) ?? {};
  const hi = asNode(head.info) ?? {};
  if (bi.version !== hi.version) {
    out.push(
      change(
        site,
        'documentation',
        'info-version-changed',
        'non-breaking',
        `\`info.version\` changed from ${show(bi.version ?? '')} to ${show(hi.version ?? '')}.`,
      ),
    );
  }
  for (const field of ['title', 'summary', 'description', 'contact', 'license', 'termsOfService']) {
    if (!sameJson(bi[field], hi[field])) {
      out.push(
        change(
          site,
          'documentation',
          `info-${field}-changed`,
          'non-breaking',
          `\`info.${field}\` changed${describeTextChange(bi[field], hi[field])}.`,
        ),
      );
    }
  }
  const tags = (doc: Node) => new Map((Array.isArray(doc.tags) ? doc.tags : []).map((t) => [String(asNode(t)?.name), asNode(t) ?? {}]));
  const bt = tags(base);
  const ht = tags(head);
  for (const [name, tag] of ht) {
    const before = bt.get(name);
    if (!before) out.push(change(site, 'documentation', 'tag-added', 'non-breaking', `Tag \`${name}\` added.`));
    else if (!sameJson(before, tag))
      out.push(change(site, 'documentation', 'tag-changed', 'non-breaking', `The description of tag \`${name}\` changed.`));
  }
  for (const name of bt.keys()) {
    if (!ht.has(name)) out.push(change(site, 'documentation', 'tag-removed', 'non-breaking', `Tag \`${name}\` removed.`));
  }
  return out;
}

/** Summarises a text change: how many lines were added and removed. */
function describeTextChange(before: unknown, after: unknown): string {
  if (typeof before !== 'string' || typeof after !== 'string') return '';
  const a = before.split('\n');
  const b = after.split('\n');
  const removed = a.filter((line) => !b.includes(line)).length;
  const addedLines = b.filter((line) => !a.includes(line) && line.trim());
  const added = b.filter((line) => !a.includes(line)).length;
  const first = addedLines[0]?.trim();
  const excerpt = first ? `; now reads “${first.length > 90 ? `${first.slice(0, 89)}…` : first}”` : '';
  return ` (${added} line${added === 1 ? '' : 's'} added, ${removed} removed${excerpt})`;
}
