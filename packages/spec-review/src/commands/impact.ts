/**
 * `spec:impact [base-ref]`: after the review report, what the spec change does to our own code.
 * Regenerates the types and the client's spec facts, builds and type-checks every package
 * (`turbo run typecheck`, which runs `generate` and the builds it depends on) and lists the
 * compiler errors by file and line as "our code that this change breaks" — instead of a failed
 * build in the middle of `pnpm generate` before the author has seen the report.
 * @see https://www.typescriptlang.org/docs/handbook/compiler-options.html
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ToolFailedError } from '../errors.js';
import { listWorkspacePackages } from '../release/workspace.js';

/** One compiler error in a workspace package. */
export interface CompileError {
  /** Path relative to the repository root, e.g. `packages/client/src/resources/recordings.ts`. */
  file: string;
  line: number;
  column: number;
  /** e.g. `TS2741`. */
  code: string;
  message: string;
  /** The turbo tasks that reported it, e.g. `@identitycall/client#build`. */
  tasks: string[];
}

/** What type-checking our packages found. */
export interface Impact {
  errors: CompileError[];
  /** Turbo tasks that failed (with or without a parsable compiler error). */
  failedTasks: string[];
  /** The command that was run, for the reader who wants the full log. */
  command: string;
}

// `@identitycall/client:build: src/resources/recordings.ts(40,16): error TS2741: Property …`
const ERROR_LINE = /^(\S+?):([\w:-]+): (.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;
// `@identitycall/client#build:  ERROR  command (…) … exited (1)`
const FAILED_TASK = /^(\S+#[\w:-]+):\s+ERROR\s/;

/**
 * Reads compiler errors out of turbo's prefixed task output. `dirs` maps package names to their
 * directories relative to the root, so each error names a file from the root.
 */
export function parseTurboOutput(output: string, dirs: ReadonlyMap<string, string>): Pick<Impact, 'errors' | 'failedTasks'> {
  const errors = new Map<string, CompileError>();
  const failed = new Set<string>();
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.replace(/\u001b\[[0-9;]*m/g, '');
    const task = FAILED_TASK.exec(line);
    if (task) failed.add(task[1]!);
    const m = ERROR_LINE.exec(line);
    if (!m) continue;
    const [, pkg, taskName, path, row, col, code, message] = m as unknown as string[];
    const dir = dirs.get(pkg!);
    const file = dir && !path!.startsWith('/') ? `${dir}/${path}` : path!;
    const key = `${file}:${row}:${col}:${code}`;
    const found = errors.get(key) ?? { file, line: Number(row), column: Number(col), code: code!, message: message!.trim(), tasks: [] };
    const id = `${pkg}#${taskName}`;
    if (!found.tasks.includes(id)) found.tasks.push(id);
    errors.set(key, found);
  }
  const sorted = [...errors.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { errors: sorted, failedTasks: [...failed].sort() };
}

/** Renders the section printed after the review report. */
export function renderImpact(impact: Impact): string {
  const lines = ['### Our code that this change breaks', ''];
  if (impact.errors.length === 0 && impact.failedTasks.length === 0) {
    lines.push('Nothing: every package regenerates, builds and type-checks against the changed spec.', '');
    return lines.join('\n');
  }
  const files = new Set(impact.errors.map((e) => e.file));
  if (impact.errors.length) {
    lines.push(
      `${impact.errors.length} compiler error${impact.errors.length === 1 ? '' : 's'} in ${files.size} file${files.size === 1 ? '' : 's'}; ` +
        'fix them in the same change (or make the spec change compatible):',
      '',
    );
    for (const e of impact.errors) lines.push(`- \`${e.file}:${e.line}:${e.column}\` ${e.code}: ${e.message} (${e.tasks.join(', ')})`);
    lines.push('');
  }
  if (impact.failedTasks.length) {
    lines.push(
      `Failed: ${impact.failedTasks.map((t) => `\`${t}\``).join(', ')}; tasks that depend on them did not run. ` +
        `Full output: \`${impact.command}\`.`,
      '',
    );
  }
  return lines.join('\n');
}

/**
 * Runs `turbo run typecheck` over the workspace at `root` and collects what fails.
 * @throws ToolFailedError when turbo cannot be started.
 */
export function checkOurCode(root: string): Impact {
  const turbo = join(root, 'node_modules', '.bin', 'turbo');
  if (!existsSync(turbo)) throw new ToolFailedError('turbo', `${turbo} does not exist; run \`pnpm install\` first.`);
  const args = ['run', 'typecheck', '--continue=dependencies-successful', '--output-logs=errors-only', '--log-order=grouped'];
  const run = spawnSync(turbo, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  if (run.error) throw new ToolFailedError('turbo', run.error.message);
  const dirs = new Map(listWorkspacePackages(root).map((p) => [p.name, p.relDir]));
  const parsed = parseTurboOutput(`${run.stdout}\n${run.stderr}`, dirs);
  if (run.status !== 0 && parsed.errors.length === 0 && parsed.failedTasks.length === 0) {
    // Turbo failed before any task did (a broken turbo.json, a cycle): say so rather than report nothing.
    throw new ToolFailedError('turbo', `${args.join(' ')} exited ${run.status}:\n${`${run.stdout}\n${run.stderr}`.trim().slice(-2000)}`);
  }
  return { ...parsed, command: `turbo ${args.slice(0, 3).join(' ')}` };
}
