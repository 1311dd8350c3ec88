/**
 * Starting and stopping one Prism mock process for a spec (the supervisor in `supervisor.ts`
 * restarts it when it dies).
 * @see https://docs.stoplight.io/docs/prism/
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { connect, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { bundledSpecYamlPath } from '@identitycall/openapi';

const require = createRequire(import.meta.url);

/** Path of Prism's CLI entry, resolved from this package's dependency. */
export function prismCliPath(): string {
  const pkgPath = require.resolve('@stoplight/prism-cli/package.json');
  const bin = (require(pkgPath) as { bin: { prism: string } }).bin.prism;
  return join(dirname(pkgPath), bin);
}

/** Asks the OS for a free TCP port on `host`. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A program to run as the upstream server: `file` with `args` (defaults to Prism). */
export interface UpstreamCommand {
  file: string;
  args: string[];
}

/** The command that runs Prism for `specPath` on `host:port`. */
export function prismCommand(specPath: string, host: string, port: number): UpstreamCommand {
  return {
    file: process.execPath,
    // `--errors false`: Prism answers invalid requests from the spec's examples, not with its own errors.
    args: [prismCliPath(), 'mock', specPath, '--host', host, '--port', String(port), '--errors', 'false', '-v', 'warn'],
  };
}

/** A running Prism process. */
export interface PrismProcess {
  url: string;
  child: ChildProcess;
  /** The last few kilobytes Prism wrote to stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

/** Options of {@link startPrism}. */
export interface PrismOptions {
  host: string;
  port: number;
  /** Spec to serve. @default the bundled spec of @identitycall/openapi */
  specPath?: string;
  /** How long to wait for Prism to listen, in ms. @default 60000 */
  startTimeoutMs?: number;
  /** Run this instead of Prism (tests use stand-ins that crash or hang on cue). */
  command?: UpstreamCommand;
}

/** How much of a process's output is kept for the logs. */
const OUTPUT_TAIL = 8 * 1024;

/**
 * Starts Prism on `host:port` and resolves once it accepts connections.
 * @throws Error with Prism's output when it exits or does not listen in time.
 */
export function startPrism(options: PrismOptions): Promise<PrismProcess> {
  const { host, port, specPath = bundledSpecYamlPath, startTimeoutMs = 60_000 } = options;
  const command = options.command ?? prismCommand(specPath, host, port);
  const child = spawn(command.file, command.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = `http://${host}:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > OUTPUT_TAIL) output = output.slice(-OUTPUT_TAIL);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  // A parent that exits (even on an uncaught exception) takes Prism with it rather than leaving
  // an orphan holding a port. A parent killed outright cannot; stop() is the way to end both.
  const onParentExit = () => child.kill('SIGKILL');
  process.once('exit', onParentExit);
  child.once('exit', () => process.off('exit', onParentExit));

  return new Promise((resolve, reject) => {
    let settled = false;
    let probing = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(poll);
      child.off('exit', onEarlyExit);
      if (error) {
        void stop();
        reject(error);
      } else {
        resolve({ url, child, stop, output: () => output });
      }
    };
    // Prism logs at `warn` (per-request info lines cost throughput), so readiness is polled.
    const timer = setTimeout(
      () => finish(new Error(`Prism did not start listening on ${url} within ${startTimeoutMs} ms:\n${output}`)),
      startTimeoutMs,
    );
    const poll = setInterval(() => {
      if (probing) return;
      probing = true;
      const socket = connect({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        finish();
      });
      socket.once('error', () => socket.destroy());
      socket.once('close', () => (probing = false));
    }, 100);
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null) =>
      finish(new Error(`Prism exited (${signal ? `signal ${signal}` : `code ${code}`}) before listening on ${url}:\n${output}`));
    child.once('exit', onEarlyExit);
    child.on('error', (error) => finish(error));
  });
}
