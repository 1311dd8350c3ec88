/**
 * Component rules: the generated types export every component schema by name
 * (`import type { Operator } from '@identitycall/types'`) and index the other component sections
 * (`components['responses']['NotFound']`), so removing or renaming a component breaks code that
 * names it even when no operation changes. What a component contains is compared where operations
 * use it.
 * @see https://spec.openapis.org/oas/v3.1.0#components-object
 */
import { asNode, change, sameJson, type Change, type Node } from './types.js';

const SECTIONS = ['schemas', 'responses', 'parameters', 'requestBodies', 'headers', 'pathItems'] as const;

/** Compares the names of the components of two resolved documents. */
export function compareComponents(base: Node, head: Node): Change[] {
  const out: Change[] = [];
  for (const section of SECTIONS) {
    const b = asNode(asNode(base.components)?.[section]) ?? {};
    const h = asNode(asNode(head.components)?.[section]) ?? {};
    const removed = Object.keys(b).filter((k) => !(k in h));
    const added = Object.keys(h).filter((k) => !(k in b));
    const site = { where: `components.${section}` };
    const noun = section === 'schemas' ? 'Schema' : `Component \`${section}\` entry`;
    for (const name of [...removed]) {
      // Gone under one name and back, unchanged, under another: a rename.
      const twins = added.filter((a) => sameJson(b[name], h[a]));
      if (twins.length !== 1 || removed.filter((r) => sameJson(b[r], h[twins[0]!])).length !== 1) continue;
      const to = twins[0]!;
      removed.splice(removed.indexOf(name), 1);
      added.splice(added.indexOf(to), 1);
      out.push(
        change(
          site,
          'components',
          'component-renamed',
          'breaking',
          `${noun} \`${name}\` renamed to \`${to}\`; the generated type named \`${name}\` disappears, so code that names it stops compiling.`,
        ),
      );
    }
    for (const name of removed) {
      out.push(
        change(
          site,
          'components',
          'component-removed',
          'breaking',
          `${noun} \`${name}\` removed; the generated type named \`${name}\` disappears, so code that names it stops compiling.`,
        ),
      );
    }
    // Additions break nothing; one line per section keeps a large addition readable.
    if (added.length) {
      const names = added.map((n) => `\`${n}\``).join(', ');
      const label =
        section === 'schemas' ? (added.length === 1 ? 'Schema' : 'Schemas') : `\`${section}\` entr${added.length === 1 ? 'y' : 'ies'}`;
      out.push(change(site, 'components', 'component-added', 'non-breaking', `${label} added: ${names}.`));
    }
  }
  return out;
}
