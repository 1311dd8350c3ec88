/**
 * Renders a spec diff as JSON for tools (CI annotations, dashboards): the counts per level, the
 * gate's verdict and every change with its level, rule and place. The Markdown report says the same
 * for people.
 */
import type { SpecDiff } from '../diff/compare.js';
import { SEVERITIES, type OperationRef, type RuleFamily, type Severity } from '../diff/types.js';
import { gateFails, type GateStatus, type ReportLabels } from './markdown.js';

/** The JSON report (`spec:diff --format json`). */
export interface JsonReport {
  base: string;
  head: string;
  counts: { breaking: number; possiblyBreaking: number; nonBreaking: number; documentation: number };
  gate: { packageName: string; majorChangeset: string | null; fails: boolean };
  notes: string[];
  /** Every change, breaking first, then possibly breaking, then the rest (document order within a level). */
  changes: Array<{
    level: Severity;
    family: RuleFamily;
    rule: string;
    operation: OperationRef | null;
    where: string;
    path: string;
    message: string;
  }>;
}

/** Builds the JSON report object. */
export function jsonReport(diff: SpecDiff, labels: ReportLabels, gate: GateStatus, notes: string[] = []): JsonReport {
  const rank = (level: Severity) => SEVERITIES.indexOf(level);
  return {
    base: labels.base,
    head: labels.head,
    counts: {
      breaking: diff.breaking,
      possiblyBreaking: diff.possiblyBreaking,
      nonBreaking: diff.nonBreaking,
      documentation: diff.documentation,
    },
    gate: { packageName: gate.packageName, majorChangeset: gate.majorChangeset ?? null, fails: gateFails(diff, gate) },
    notes,
    changes: diff.changes
      .map((c, i) => ({ c, i }))
      .sort((x, y) => rank(x.c.severity) - rank(y.c.severity) || x.i - y.i)
      .map(({ c }) => ({
        level: c.severity,
        family: c.family,
        rule: c.rule,
        operation: c.operation ?? null,
        where: c.where,
        path: c.path,
        message: c.message,
      })),
  };
}

/** Renders the JSON report as text (two-space indented, trailing newline). */
export function renderJson(diff: SpecDiff, labels: ReportLabels, gate: GateStatus, notes: string[] = []): string {
  return `${JSON.stringify(jsonReport(diff, labels, gate, notes), null, 2)}\n`;
}
