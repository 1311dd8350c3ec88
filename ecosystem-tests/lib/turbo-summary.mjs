/**
 * Reading turbo's run summary (`turbo run … --summarize` → `.turbo/runs/<id>.json`): per task,
 * whether it hit the cache and where from, and — when two runs of the same commit disagree —
 * which inputs made the task hashes differ.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest run summary of the repository at `dir`. */
export function readSummary(dir) {
  const runs = join(dir, '.turbo', 'runs');
  const files = readdirSync(runs)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(runs, f))
    .sort((x, y) => statSync(y).mtimeMs - statSync(x).mtimeMs);
  if (files.length === 0) throw new Error(`turbo wrote no run summary in ${runs}`);
  return JSON.parse(readFileSync(files[0], 'utf8'));
}

/** A table: task, its cache result on each runner, and whether both computed the same hash. */
export function formatTasks(a, b) {
  const byId = new Map(b.tasks.map((t) => [t.taskId, t]));
  const rows = a.tasks.map((t) => {
    const other = byId.get(t.taskId);
    return [t.taskId, cacheOf(t), other ? cacheOf(other) : 'not run', other ? (other.hash === t.hash ? 'same' : 'DIFFERENT') : '-'];
  });
  const header = ['task', 'runner A', 'runner B', 'task hash'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * Why each of `tasks` (from run `b`) got a different hash than in run `a`: the global inputs,
 * then per task the input files, environment variables and external dependencies that differ.
 * @returns {string[]}
 */
export function diffTasks(a, b, tasks) {
  const lines = [];
  const global = diffObjects(a.globalCacheInputs ?? {}, b.globalCacheInputs ?? {});
  for (const d of global) lines.push(`  global: ${d}`);
  const byId = new Map(a.tasks.map((t) => [t.taskId, t]));
  for (const task of tasks) {
    const before = byId.get(task.taskId);
    if (!before) {
      lines.push(`  ${task.taskId}: not run by runner A`);
      continue;
    }
    if (before.hash === task.hash) {
      lines.push(
        `  ${task.taskId}: same hash ${task.hash} on both runners, but runner B did not get it from the remote cache (was it uploaded? is TURBO_TEAM the same?)`,
      );
      continue;
    }
    const diffs = [
      ...diffObjects(before.inputs ?? {}, task.inputs ?? {}).map((d) => `input ${d}`),
      ...diffObjects(before.environmentVariables ?? {}, task.environmentVariables ?? {}).map((d) => `env ${d}`),
      ...diffObjects({ external: before.hashOfExternalDependencies }, { external: task.hashOfExternalDependencies }).map(
        (d) => `dependencies ${d}`,
      ),
      ...diffObjects({ dependencies: before.dependencies }, { dependencies: task.dependencies }).map((d) => `task graph ${d}`),
    ];
    lines.push(`  ${task.taskId}: hash ${before.hash} → ${task.hash}${diffs.length ? '' : ' (only through a task it depends on)'}`);
    for (const d of diffs.slice(0, 20)) lines.push(`    ${d}`);
  }
  return lines;
}

/** Paths (a.b.c) whose JSON values differ between `x` and `y`. */
function diffObjects(x, y, prefix = '') {
  const keys = new Set([...Object.keys(x ?? {}), ...Object.keys(y ?? {})]);
  const out = [];
  for (const key of keys) {
    const path = prefix ? `${prefix}.${key}` : key;
    const [u, v] = [x?.[key], y?.[key]];
    if (isPlain(u) && isPlain(v)) out.push(...diffObjects(u, v, path));
    else if (JSON.stringify(u) !== JSON.stringify(v)) out.push(`${path}: ${short(u)} → ${short(v)}`);
  }
  return out;
}

const isPlain = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const short = (v) => {
  const s = v === undefined ? '(absent)' : JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 119)}…` : s;
};
const cacheOf = (t) => (t.cache.status === 'HIT' ? `HIT (${(t.cache.source ?? '?').toLowerCase()})` : t.cache.status);
