/**
 * Renders a spec diff as Markdown a reviewer can paste into a review: a summary line, whether the
 * breaking changes are covered by a major changeset, then one table per level (breaking, possibly
 * breaking, non-breaking, documentation only). A change found in several operations (a shared
 * schema) is one row listing them all.
 * @see https://github.github.com/gfm/#tables-extension-
 */
import type { SpecDiff } from '../diff/compare.js';
import { isBreaking, type Change, type OperationRef } from '../diff/types.js';
import { gateLines, type GateStatus } from './gate.js';

export type { GateStatus } from './gate.js';

/** Labels of the two sides, e.g. `HEAD~1 (8a8d213)` and `working tree`. */
export interface ReportLabels {
  base: string;
  head: string;
}

interface Row {
  operations: OperationRef[];
  where: string;
  message: string;
}

/**
 * True when `diff` has breaking changes that no breaking changeset of this change covers. Only the
 * `breaking` level counts: possibly breaking changes are listed for a reviewer and never fail the gate.
 */
export function gateFails(diff: SpecDiff, gate: GateStatus): boolean {
  return diff.breaking > 0 && gate.majorChangeset === undefined;
}

/** Renders the report. */
export function renderMarkdown(diff: SpecDiff, labels: ReportLabels, gate: GateStatus): string {
  const lines: string[] = [`## API changes: ${labels.base} → ${labels.head}`, ''];
  if (diff.changes.length === 0) {
    lines.push('No changes to the API description.', '');
    return lines.join('\n');
  }
  const operations = new Set(diff.changes.filter((c) => c.operation).map((c) => key(c.operation!)));
  lines.push(
    `**${diff.breaking} breaking**, ${diff.possiblyBreaking} possibly breaking, ${diff.nonBreaking} non-breaking and ${diff.documentation} documentation-only ` +
      `change${diff.changes.length === 1 ? '' : 's'} across ${operations.size} operation${operations.size === 1 ? '' : 's'}.`,
    '',
  );
  lines.push(...gateLines(diff.breaking, gate));
  if (diff.possiblyBreaking > 0) {
    lines.push(
      '',
      `⚠️ ${diff.possiblyBreaking === 1 ? 'One change' : `${diff.possiblyBreaking} changes`} may break clients depending on how they use the API; ` +
        'a reviewer decides (they do not fail the check). If one does break clients, treat it as breaking: add a breaking changeset to this change.',
    );
  }
  lines.push('');

  const section = (title: string, changes: Change[], collapsed: boolean) => {
    if (changes.length === 0) return;
    const rows = group(changes);
    lines.push(`### ${title} (${changes.length})`, '');
    if (collapsed) lines.push(`<details><summary>Show ${rows.length} row${rows.length === 1 ? '' : 's'}</summary>`, '');
    lines.push('| Operation | Where | Change |', '|---|---|---|');
    for (const row of rows) lines.push(`| ${cell(operationCell(row.operations))} | ${cell(row.where)} | ${cell(row.message)} |`);
    if (collapsed) lines.push('', '</details>');
    lines.push('');
  };
  section('Breaking', diff.changes.filter(isBreaking), false);
  section(
    'Possibly breaking (needs a reviewer)',
    diff.changes.filter((c) => c.severity === 'possibly-breaking'),
    false,
  );
  section(
    'Non-breaking',
    diff.changes.filter((c) => c.severity === 'non-breaking' && c.family !== 'documentation'),
    false,
  );
  section(
    'Documentation only',
    diff.changes.filter((c) => c.family === 'documentation'),
    true,
  );
  lines.push(
    '<sub>Produced by `pnpm spec:diff`. Breaking means an existing client can fail: requests must keep being accepted, ' +
      'responses must not hold what clients cannot read. The rules: `packages/spec-review/README.md`.</sub>',
    '',
  );
  return lines.join('\n');
}

function group(changes: Change[]): Row[] {
  const rows = new Map<string, Row>();
  for (const c of changes) {
    const k = `${c.rule}\u0000${c.where}\u0000${c.message}`;
    const row = rows.get(k) ?? { operations: [], where: c.where, message: c.message };
    if (c.operation && !row.operations.some((o) => key(o) === key(c.operation!))) row.operations.push(c.operation);
    rows.set(k, row);
  }
  return [...rows.values()];
}

function operationCell(ops: OperationRef[]): string {
  if (ops.length === 0) return '(document)';
  if (ops.length === 1) {
    const op = ops[0]!;
    return `\`${op.method} ${op.path}\`${op.operationId ? ` ${op.operationId}` : ''}`;
  }
  return `${ops.length} operations: ${ops.map((o) => o.operationId ?? `${o.method} ${o.path}`).join(', ')}`;
}

function key(op: OperationRef): string {
  return `${op.method} ${op.path}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
