/**
 * Every process and server the harness starts goes through one Supervisor, so that `close()`
 * stops all of them — on success, on a failed check, on an exception and on Ctrl-C.
 *
 * Children run in their own process group (`detached`), so stopping one also stops what it
 * started (npx → node, pnpm → node, vite → esbuild). A terminal's Ctrl-C reaches only the
 * harness; the signal handler installed by `onSignals()` then closes the supervisor.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';

const OUTPUT_LIMIT = 400_000; // characters of output kept per child (the tail)

/** A child process with its captured output. */
export class Child {
  /** @param {import('node:child_process').ChildProcess} proc @param {string} label */
  constructor(proc, label) {
    this.proc = proc;
    this.label = label;
    this.output = '';
    this.exited = new Promise((resolve) => {
      proc.once('exit', (code, signal) => resolve({ code, signal }));
      proc.once('error', (error) => {
        this.output += `\n[${label}] could not start: ${error.message}\n`;
        resolve({ code: null, signal: null, error });
      });
    });
    this.exitStatus = null;
    void this.exited.then((status) => {
      this.exitStatus = status;
    });
    for (const stream of [proc.stdout, proc.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk) => this.#append(chunk));
    }
  }

  #append(chunk) {
    this.output += chunk;
    if (this.output.length > OUTPUT_LIMIT) this.output = this.output.slice(-OUTPUT_LIMIT);
    if (process.env.ECOSYSTEM_VERBOSE) process.stderr.write(prefixLines(`[${this.label}] `, chunk));
  }

  /**
   * Resolves with the first match of `pattern` in the output; rejects when the process exits
   * first or nothing matches within `timeoutMs`.
   */
  async waitFor(pattern, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = this.output.match(pattern);
      if (match) return match;
      if (this.exitStatus) throw new Error(`${this.label} exited (${describeExit(this.exitStatus)}) before printing ${pattern}`);
      if (Date.now() > deadline) throw new Error(`${this.label} did not print ${pattern} within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Stops the whole process group: SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000) {
    if (this.exitStatus || this.proc.pid === undefined) return;
    killGroup(this.proc.pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(this.proc.pid, 'SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    killGroup(this.proc.pid, 'SIGKILL'); // grandchildren that ignored SIGTERM
  }
}

/** Starts children and cleanups; `close()` undoes everything, newest first. */
export class Supervisor {
  #children = new Set();
  #cleanups = [];
  #closed = false;

  /** Registers `fn` to run on `close()` (after every child is stopped). */
  defer(fn) {
    this.#cleanups.push(fn);
  }

  /**
   * Spawns a long-running or one-shot child; its stdio is captured.
   * @param {string} command @param {string[]} args
   * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, label?: string }} [options]
   */
  spawn(command, args, { cwd, env, label = command } = {}) {
    if (this.#closed) throw new Error(`cannot start ${label}: the harness is shutting down`);
    const proc = spawn(command, args, { cwd, env: env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const child = new Child(proc, label);
    this.#children.add(child);
    void child.exited.then(() => this.#children.delete(child));
    return child;
  }

  /**
   * Runs a command to completion (or until `timeoutMs`, then stops it).
   * @returns {Promise<{ ok: boolean, code: number | null, signal: string | null, output: string, ms: number, timedOut: boolean, label: string }>}
   */
  async run(command, args, { timeoutMs = 10 * 60_000, ...options } = {}) {
    const started = Date.now();
    const child = this.spawn(command, args, options);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void child.stop();
    }, timeoutMs);
    const status = await child.exited;
    clearTimeout(timer);
    const ms = Date.now() - started;
    let output = child.output;
    if (timedOut) output += `\n[${child.label}] stopped after ${timeoutMs / 1000} s without finishing\n`;
    return { ok: status.code === 0 && !timedOut, code: status.code, signal: status.signal, output, ms, timedOut, label: child.label };
  }

  /** Like `run`, but throws a `StepError` carrying the output when the command fails. */
  async mustRun(command, args, options = {}) {
    const result = await this.run(command, args, options);
    if (!result.ok) {
      const what = options.label ?? `${command} ${args.join(' ')}`;
      throw new StepError(`${what} failed (${describeRun(result)})`, result.output);
    }
    return result;
  }

  /** Stops every child still running, then runs the cleanups newest first. Idempotent. */
  async close() {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([...this.#children].map((child) => child.stop()));
    for (const fn of this.#cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        process.stderr.write(`cleanup failed: ${error?.message ?? error}\n`);
      }
    }
  }

  /** Closes the supervisor and exits on SIGINT/SIGTERM/SIGHUP (128 + signal number). */
  onSignals() {
    const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
    for (const [signal, code] of Object.entries(codes)) {
      process.once(signal, () => {
        process.stderr.write(`\n${signal}: stopping every process the harness started…\n`);
        void this.close().finally(() => process.exit(code));
      });
    }
  }
}

/** A failed step: a one-line message and the output that explains it. */
export class StepError extends Error {
  constructor(message, output = '') {
    super(message);
    this.name = 'StepError';
    this.output = output;
  }
}

/** "exit code 1", "killed by SIGTERM", "timed out after 600 s". */
export function describeRun(result) {
  if (result.timedOut) return 'timed out';
  return describeExit(result);
}

function describeExit({ code, signal, error }) {
  if (error) return `could not start: ${error.message}`;
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function prefixLines(prefix, text) {
  return text.replace(/^(?=.)/gm, prefix);
}

/** Waits for the `close` of a server (`net.Server`) without throwing when it was not listening. */
export async function closeServer(server) {
  if (!server.listening) return;
  server.closeAllConnections?.();
  server.close();
  await once(server, 'close');
}
