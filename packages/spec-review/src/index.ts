/**
 * @identitycall/spec-review — spec-first review and release tooling: the breaking-change report
 * (`spec:diff`), the changeset check, the rendered API reference (`docs`) and the release dry run.
 * @see ../README.md
 */
export { compareSpecs } from './diff/compare.js';
export type { SpecDiff } from './diff/compare.js';
export { emptySpec, loadSpecFrom, parseSpecText, resolveDocument } from './diff/resolve.js';
export type { DocumentSource, ResolvedSpec } from './diff/resolve.js';
export { isBreaking, SEVERITIES } from './diff/types.js';
export type { Change, OperationRef, Position, RuleFamily, Severity } from './diff/types.js';
export { jsonReport, renderJson } from './report/json.js';
export type { JsonReport } from './report/json.js';
export { gateFails, renderMarkdown } from './report/markdown.js';
export { gateLines } from './report/gate.js';
export type { GateStatus, ReportLabels } from './report/markdown.js';
export { commitSource, directorySource, loadSpecAtCommit, loadSpecFile } from './sources.js';
export { addedSince, changedSince, DEFAULT_BASE_REFS, findRepoRoot, readAtCommit, resolveBaseRef } from './git/git.js';
export type { BaseRef } from './git/git.js';
export {
  breakingBump,
  breakingBumps,
  bumpOf,
  changesetsReleasing,
  majorChangesetFor,
  nextVersion,
  parseChangeset,
  readChangesets,
  SPEC_PACKAGE,
} from './changesets.js';
export { changesetsOfChange } from './commands/own-changesets.js';
export type { ChangeChangesets } from './commands/own-changesets.js';
export { checkOurCode, parseTurboOutput, renderImpact } from './commands/impact.js';
export type { CompileError, Impact } from './commands/impact.js';
export type { BumpType, Changeset } from './changesets.js';
export { runSpecDiff } from './commands/spec-diff.js';
export type { SpecDiffOptions, SpecDiffOutcome } from './commands/spec-diff.js';
export { runChangesetCheck } from './commands/changeset-check.js';
export type { ChangesetCheckOptions, ChangesetCheckOutcome } from './commands/changeset-check.js';
export { assertOffline, buildDocs, OFFLINE_ENV } from './docs/build.js';
export type { BuildDocsOptions, BuiltDocs } from './docs/build.js';
export { provenanceMarkdown, withProvenance } from './docs/provenance.js';
export { CONTENT_SECURITY_POLICY, OFFLINE_TEMPLATE } from './docs/template.js';
export { releaseDryRun, renderReleaseTable } from './release/dry-run.js';
export type { PackageReport, ReleaseDryRunOptions, ReleaseDryRunResult } from './release/dry-run.js';
export { planAttw, runAttw } from './release/attw.js';
export { runPublint } from './release/publint.js';
export { checkManifest, checkSpecArtifacts, externalRefs } from './release/contents.js';
export { readTarball, TarballFormatError } from './release/tarball.js';
export { listWorkspacePackages } from './release/workspace.js';
export type { WorkspacePackage } from './release/workspace.js';
export * from './errors.js';
