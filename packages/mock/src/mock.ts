/**
 * `startMock`: Prism serving the bundled spec behind the guard, on a port of your choice (0 picks
 * a free one), with a `stop()` that ends both.
 */
import type { AddressInfo } from 'node:net';
import { createGuard } from './guard.js';
import { freePort, startPrism } from './prism.js';

/** Options of {@link startMock}. */
export interface MockOptions {
  /** Port to listen on; 0 picks a free port. @default 0 */
  port?: number;
  /** Interface to listen on. @default "127.0.0.1" */
  host?: string;
  /** Spec to serve. @default the bundled spec of @identitycall/openapi */
  specPath?: string;
}

/** A running mock. */
export interface RunningMock {
  /** Base URL of the mock, e.g. `http://127.0.0.1:4010` (the spec's paths go right below it). */
  url: string;
  /** Stops the guard and the Prism process. */
  stop(): Promise<void>;
}

/** Starts the mock and resolves when it accepts requests. */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  const prism = await startPrism({ host: '127.0.0.1', port: await freePort(), specPath: options.specPath });
  const guard = createGuard(prism.url);
  try {
    await new Promise<void>((resolve, reject) => {
      guard.once('error', reject);
      guard.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (error) {
    await prism.stop();
    throw error;
  }
  const { port } = guard.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let stopped: Promise<void> | undefined;
  return {
    url,
    stop() {
      stopped ??= Promise.all([
        new Promise<void>((resolve) => {
          guard.close(() => resolve());
          guard.closeAllConnections();
        }),
        prism.stop(),
      ]).then(() => undefined);
      return stopped;
    },
  };
}
