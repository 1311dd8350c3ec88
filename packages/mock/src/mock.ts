/**
 * `startMock`: a supervised Prism serving the spec, behind the guard, on a port of your choice
 * (0 picks a free one), under the API's base path and at `/`, with a `stop()` that ends both.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { OpenAPIDocument } from '@identitycall/openapi';
import { parse as parseYaml } from 'yaml';
import { bundledFacts, readFacts } from './facts.js';
import type { GuardLimits } from './guard/limits.js';
import { createGuard } from './guard/server.js';
import type { UpstreamCommand } from './prism/process.js';
import { PrismSupervisor, type HealthPolicy, type PrismState, type RestartPolicy, type SupervisorEvents } from './prism/supervisor.js';

/** How the Prism process is supervised. */
export interface SupervisionOptions {
  restart?: Partial<RestartPolicy>;
  health?: Partial<HealthPolicy>;
  /** How long a (re)start may take, in ms. @default 120000 */
  startTimeoutMs?: number;
  /** Run this instead of Prism, given the port to listen on (for tests of supervision). */
  command?: (port: number) => UpstreamCommand;
}

/** Options of {@link startMock}. */
export interface MockOptions {
  /** Port to listen on; 0 picks a free port. @default 0 */
  port?: number;
  /** Interface to listen on. @default "127.0.0.1" */
  host?: string;
  /** Spec to serve (YAML or JSON). @default the bundled spec of @identitycall/openapi */
  specPath?: string;
  /** The guard's timeouts and connection cap. */
  limits?: Partial<GuardLimits>;
  supervision?: SupervisionOptions;
  /** Where log lines (Prism crashes, restarts) go. @default stderr */
  log?: (line: string) => void;
  /** Keep colour codes in Prism's output when logging it. @default false */
  color?: boolean;
}

/** The supervised Prism process of a running mock. */
export interface MockPrism {
  /** Its process id while it runs. */
  readonly pid: number | undefined;
  readonly state: PrismState;
  /** How many times it was restarted. */
  readonly restarts: number;
  /** Subscribes to `ready`, `exit`, `unresponsive`, `restarting` or `fatal`; returns the unsubscribe function. */
  on<K extends keyof SupervisorEvents>(event: K, listener: (event: SupervisorEvents[K]) => void): () => void;
}

/** A running mock. */
export interface RunningMock {
  /**
   * The URL clients use: the origin and the API's base path (the path of the spec's
   * `servers[0].url`), e.g. `http://127.0.0.1:4010/api/v1/public`. The spec's paths go right below
   * it. The same paths are also served at the origin's root, for clients written against earlier
   * versions of the mock.
   */
  url: string;
  /** The origin, e.g. `http://127.0.0.1:4010`. */
  origin: string;
  /** The base path, e.g. `/api/v1/public`. */
  basePath: string;
  prism: MockPrism;
  /** Stops the guard and the Prism process (which is not restarted). */
  stop(): Promise<void>;
}

function loadDocument(specPath: string): OpenAPIDocument {
  return parseYaml(readFileSync(specPath, 'utf8')) as OpenAPIDocument;
}

/** Starts the mock and resolves when it accepts requests. */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  const facts = options.specPath ? readFacts(loadDocument(options.specPath)) : bundledFacts();
  const supervision = options.supervision ?? {};
  const supervisor = await PrismSupervisor.start({
    host: '127.0.0.1',
    specPath: options.specPath,
    command: supervision.command,
    startTimeoutMs: supervision.startTimeoutMs,
    restart: supervision.restart,
    health: supervision.health,
    log: options.log,
    color: options.color,
  });
  const guard = createGuard({
    facts,
    upstream: () => supervisor.upstream(),
    suspect: () => supervisor.suspect(),
    limits: options.limits,
    log: options.log,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      guard.server.once('error', reject);
      guard.server.listen(options.port ?? 0, host, () => {
        guard.server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    guard.dispose();
    await supervisor.stop();
    throw error;
  }
  const { port } = guard.server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let stopped: Promise<void> | undefined;
  return {
    url: `${origin}${facts.basePath}`,
    origin,
    basePath: facts.basePath,
    prism: {
      get pid() {
        return supervisor.pid;
      },
      get state() {
        return supervisor.state;
      },
      get restarts() {
        return supervisor.restarts;
      },
      on: (event, listener) => supervisor.on(event, listener),
    },
    stop() {
      stopped ??= Promise.all([
        new Promise<void>((resolve) => {
          guard.server.close(() => resolve());
          guard.server.closeAllConnections();
        }),
        supervisor.stop(),
      ]).then(() => guard.dispose());
      return stopped;
    },
  };
}
