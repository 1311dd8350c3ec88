/**
 * The result table: one row per cell (a runtime × module system × package manager, or a check),
 * printed at the end. A failing cell prints its output at once, under a header naming the cell.
 */
import { StepError } from './supervisor.mjs';

const CI = process.env.CI === 'true' || process.env.CI === '1';

/** Raised by a cell whose prerequisite (a runtime, a browser) is missing on this machine. */
export class MissingPrerequisite extends Error {
  constructor(message) {
    super(message);
    this.name = 'MissingPrerequisite';
  }
}

/** The table's sections, in order; within one, cells keep the order they started in. */
const AREAS = ['release', 'install', 'runtime', 'types', 'cli', 'size'];

export class Results {
  /** @type {{ area: string, subject: string, module: string, pm: string, status: 'pass' | 'fail' | 'skip', detail: string, ms: number, seq: number }[]} */
  rows = [];
  #seq = 0;

  /**
   * Runs one cell. `fn` returns a short detail for a pass, or throws: a `StepError` (its output
   * is printed), a `MissingPrerequisite` (a skip locally, a failure when CI=true), or any error.
   */
  async cell({ area, subject, module = '', pm = '' }, fn) {
    const seq = this.#seq++;
    const started = Date.now();
    const name = [area, subject, module, pm].filter(Boolean).join(' / ');
    process.stdout.write(`… ${name}\n`);
    let status = 'pass';
    let detail = '';
    try {
      detail = (await fn()) ?? '';
    } catch (error) {
      const missing = error instanceof MissingPrerequisite;
      status = missing && !CI ? 'skip' : 'fail';
      detail = missing ? `${error.message}${CI ? ' (CI=true: a missing runtime is a failure)' : ''}` : headline(error);
      if (status === 'fail') printFailure(name, error);
    }
    const row = { area, subject, module, pm, status, detail, ms: Date.now() - started, seq };
    this.rows.push(row);
    process.stdout.write(`${mark(status)} ${name} (${seconds(row.ms)})${detail ? `: ${detail}` : ''}\n`);
    return status === 'pass';
  }

  /** Records a cell that could not run because an earlier step failed. */
  blocked({ area, subject, module = '', pm = '' }, reason) {
    this.rows.push({ area, subject, module, pm, status: 'fail', detail: `not run: ${reason}`, ms: 0, seq: this.#seq++ });
  }

  get failed() {
    return this.rows.filter((r) => r.status === 'fail').length;
  }

  /** The table, as plain aligned text (CI logs have no terminal). */
  format() {
    const header = ['area', 'runtime / check', 'module', 'pm', 'result', 'time', 'detail (first line of the error for a failure)'];
    const rank = (r) => (AREAS.includes(r.area) ? AREAS.indexOf(r.area) : AREAS.length);
    const sorted = [...this.rows].sort((x, y) => rank(x) - rank(y) || x.seq - y.seq);
    const body = sorted.map((r) => [r.area, r.subject, r.module, r.pm, r.status.toUpperCase(), seconds(r.ms), clip(r.detail, 160)]);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
    const line = (cells) =>
      cells
        .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    const counts = ['pass', 'fail', 'skip'].map((s) => `${this.rows.filter((r) => r.status === s).length} ${s}`).join(', ');
    return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), '', `cells: ${counts}`].join('\n');
  }
}

/** The first line that says what went wrong: an error name, a tsc code, an npm/pnpm error. */
export function firstErrorLine(output) {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const patterns = [
    /^SCENARIO-FAIL /,
    /\berror TS\d+:/,
    /^(Uncaught )?[A-Z]\w*(Error|Exception)\b.*:/,
    /^(npm error|ERR_PNPM_|\[ERR_|error:|Error:)/i,
    /^(ERR|✘|×|FAIL)\b/,
  ];
  for (const pattern of patterns) {
    const found = lines.find((l) => pattern.test(l) && !/^npm error (A complete log|Log files)/.test(l));
    if (found) return found.replace(/^SCENARIO-FAIL /, '');
  }
  return lines.at(-1) ?? '(no output)';
}

function headline(error) {
  if (error instanceof StepError && error.output) return `${error.message}: ${firstErrorLine(error.output)}`;
  return error?.message ?? String(error);
}

function printFailure(name, error) {
  const output = error instanceof StepError ? error.output : (error?.stack ?? '');
  const tail = output.split('\n').slice(-60).join('\n').trim();
  process.stdout.write(
    `\n===== FAILED: ${name}\n${error?.message ?? error}\n${tail ? `----- output (last 60 lines)\n${tail}\n` : ''}=====\n\n`,
  );
}

const mark = (status) => ({ pass: 'ok  ', fail: 'FAIL', skip: 'skip' })[status];
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
const clip = (text, n) => {
  const one = text.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};
