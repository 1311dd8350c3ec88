/**
 * The spec:diff command against throwaway repositories: which base it reads, the exit code and the
 * major-changeset gate, and the file-to-file mode.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { BaseRefNotFoundError } from '../errors.js';
import { specOf, tempRepo, type TempRepo } from '../testing/helpers.js';
import { runSpecDiff } from './spec-diff.js';

const operator = (properties: Record<string, unknown>) =>
  stringify(
    specOf({
      paths: {
        '/operators': {
          get: {
            operationId: 'listOperators',
            summary: 'List operators',
            responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties } } } } },
          },
        },
      },
    }),
  );
const v1 = operator({ name: { type: 'string' }, email: { type: 'string' } });
const breaking = operator({ name: { type: 'string' } });
const additive = operator({ name: { type: 'string' }, email: { type: 'string' }, phone: { type: 'string' } });
const major = "---\n'@identitycall/openapi': major\n---\n\nOperators no longer have an `email`.\n";

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

describe('runSpecDiff', () => {
  it('compares the working tree with HEAD~1 when origin/main is missing, and says so', () => {
    repo = tempRepo({ 'spec/openapi.yaml': v1 });
    repo.commit('second');
    repo.write({ 'spec/openapi.yaml': additive });
    const outcome = runSpecDiff({ cwd: repo.dir });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.notes).toEqual(['origin/main does not exist in this clone; compared with HEAD~1 instead.']);
    expect(outcome.markdown).toContain('## API changes: `HEAD~1` (');
    expect(outcome.markdown).toContain('> origin/main does not exist in this clone; compared with HEAD~1 instead.');
    expect(outcome.markdown).toContain('Field `phone` added to the response.');
  });

  it('without origin/main, compares a branch with where it left the local base branch, so an earlier commit is seen', () => {
    repo = tempRepo({ 'spec/openapi.yaml': v1 });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write({ 'spec/openapi.yaml': breaking });
    repo.commit('drop email');
    repo.write({ 'README.md': 'later work\n' });
    repo.commit('later work');
    const outcome = runSpecDiff({ cwd: repo.dir });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.diff.breaking).toBe(1);
    expect(outcome.notes).toEqual(['origin/main does not exist in this clone; compared with main instead.']);
    expect(outcome.markdown).toContain('## API changes: `main` (');
  });

  it('exits 1 on a breaking change without a major changeset, 0 once the change adds one', () => {
    repo = tempRepo({ 'spec/openapi.yaml': v1 });
    const base = repo.git('rev-parse', 'HEAD').trim();
    repo.write({ 'spec/openapi.yaml': breaking });
    const failing = runSpecDiff({ cwd: repo.dir, baseRef: base });
    expect(failing.exitCode).toBe(1);
    expect(failing.diff.breaking).toBe(1);
    expect(failing.markdown).toContain('❌ **Breaking changes without a breaking changeset in this change.**');

    repo.write({ '.changeset/drop-email.md': major });
    const passing = runSpecDiff({ cwd: repo.dir, baseRef: base });
    expect(passing.exitCode).toBe(0);
    expect(passing.gate.majorChangeset).toBe('.changeset/drop-email.md');
  });

  it('reads every operation as added when the spec did not exist at the base', () => {
    repo = tempRepo({ 'README.md': 'x\n' });
    repo.write({ 'spec/openapi.yaml': v1 });
    const outcome = runSpecDiff({ cwd: repo.dir, baseRef: 'HEAD' });
    expect(outcome.diff.changes.map((c) => c.rule)).toContain('operation-added');
    expect(outcome.notes).toEqual(['spec/openapi.yaml did not exist at HEAD; every operation reads as added.']);
  });

  it('throws a typed error for a base ref that does not exist', () => {
    repo = tempRepo({ 'spec/openapi.yaml': v1 });
    expect(() => runSpecDiff({ cwd: repo!.dir, baseRef: 'origin/nope' })).toThrow(BaseRefNotFoundError);
  });
});

describe('the CLI', () => {
  const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

  it('prints the report on stdout and exits 1 for a breaking change between two files', () => {
    repo = tempRepo({ 'base.yaml': v1, 'head.yaml': breaking });
    const run = spawnSync(process.execPath, [cli, 'diff', '--base-file', 'base.yaml', '--head-file', 'head.yaml'], {
      cwd: repo.dir,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('## API changes: `base.yaml` → `head.yaml`');
    expect(run.stdout).toContain('Field `email` removed from the response (it was optional)');
  });

  it("prints the JSON report with each change's level for --format json", () => {
    repo = tempRepo({ 'base.yaml': v1, 'head.yaml': breaking });
    const run = spawnSync(process.execPath, [cli, 'diff', '--base-file', 'base.yaml', '--head-file', 'head.yaml', '--format', 'json'], {
      cwd: repo.dir,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { counts: { breaking: number }; changes: Array<{ level: string; rule: string }> };
    expect(report.counts.breaking).toBe(1);
    expect(report.changes).toContainEqual(expect.objectContaining({ level: 'breaking', rule: 'response-property-removed' }));
    const bad = spawnSync(process.execPath, [cli, 'diff', '--base-file', 'base.yaml', '--head-file', 'head.yaml', '--format', 'xml'], {
      cwd: repo.dir,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format takes markdown or json, got "xml"');
  });

  it('exits 2 naming the operation when a path parameter is missing from its path', () => {
    const invalid = stringify(
      specOf({
        paths: {
          '/operators/{operator_id}': {
            get: {
              operationId: 'getOperator',
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
              responses: { '200': { description: 'OK' } },
            },
          },
        },
      }),
    );
    repo = tempRepo({ 'base.yaml': v1, 'head.yaml': invalid });
    const run = spawnSync(process.execPath, [cli, 'diff', '--base-file', 'base.yaml', '--head-file', 'head.yaml'], {
      cwd: repo.dir,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /head\.yaml.* is not a valid OpenAPI document: GET \/operators\/\{operator_id\} \(getOperator\) declares path parameter `id`, but its path has no `\{id\}`/,
    );
  });

  it('exits 2 with a clear message for bad usage', () => {
    repo = tempRepo({ 'spec/openapi.yaml': v1 });
    const run = spawnSync(process.execPath, [cli, 'diff', 'no-such-ref'], { cwd: repo.dir, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Base ref "no-such-ref" does not name a commit');
    const unknown = spawnSync(process.execPath, [cli, 'frobnicate'], { cwd: repo.dir, encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
  });

  it('is the built CLI (run `pnpm build` before the tests)', () => {
    expect(execFileSync(process.execPath, [cli, '--help'], { encoding: 'utf8' })).toContain('Usage: identitycall-spec-review');
  });
});
