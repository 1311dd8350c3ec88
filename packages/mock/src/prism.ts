/**
 * Starting and stopping a Prism mock process for the bundled spec.
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

/** A running Prism process. */
export interface PrismProcess {
  url: string;
  child: ChildProcess;
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
}

/**
 * Starts Prism on `host:port` and resolves once it listens.
 * @throws Error with Prism's output when it exits or does not listen in time.
 */
export function startPrism(options: PrismOptions): Promise<PrismProcess> {
  const { host, port, specPath = bundledSpecYamlPath, startTimeoutMs = 60_000 } = options;
  const child = spawn(
    process.execPath,
    [prismCliPath(), 'mock', specPath, '--host', host, '--port', String(port), '--errors', 'false', '-v', 'warn'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = `http://${host}:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });

  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(poll);
      if (error) {
        void stop();
        reject(error);
      } else {
        resolve({ url, child, stop });
      }
    };
    // Prism logs at `warn` (per-request info lines cost throughput), so readiness is polled.
    const timer = setTimeout(
      () => finish(new Error(`Prism did not start listening on ${url} within ${startTimeoutMs} ms:\n${output}`)),
      startTimeoutMs,
    );
    const poll = setInterval(() => {
      const socket = connect({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        finish();
      });
      socket.once('error', () => socket.destroy());
    }, 100);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 20_000) output = output.slice(-20_000);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => finish(new Error(`Prism exited with code ${code} before listening on ${url}:\n${output}`)));
    child.once('error', (error) => finish(error));
  });
}
