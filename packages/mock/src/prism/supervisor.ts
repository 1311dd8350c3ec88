/**
 * Keeps one Prism process running: restarts it when it exits or stops answering health checks
 * (with backoff, and at most so many restarts a minute), logs why to stderr with its last output,
 * and tells the guard meanwhile that the upstream is unavailable and for how long.
 */
import { request } from 'node:http';
import { freePort, startPrism, type PrismProcess, type UpstreamCommand } from './process.js';

/** Where the supervised process is in its life. */
export type PrismState = 'starting' | 'ready' | 'restarting' | 'stopped' | 'failed';

/** How restarts are paced. */
export interface RestartPolicy {
  /** Delay before the first restart; doubled for each failure in the window. @default 250 */
  initialDelayMs: number;
  /** Longest delay between restarts. @default 8000 */
  maxDelayMs: number;
  /** Restarts allowed within `windowMs`; one more failure is fatal. @default 5 */
  maxRestarts: number;
  /** @default 60000 */
  windowMs: number;
}

/** How liveness is checked. */
export interface HealthPolicy {
  /** Time between health checks. @default 5000 */
  intervalMs: number;
  /** How long one check may take. @default 10000 */
  timeoutMs: number;
  /** Failed checks in a row after which the process is killed and restarted. @default 2 */
  failures: number;
}

/** Options of {@link PrismSupervisor.start}. */
export interface SupervisorOptions {
  host: string;
  specPath?: string;
  /** Run this instead of Prism (tests): given the port to listen on. */
  command?: (port: number) => UpstreamCommand;
  /** How long one start may take before it counts as a failure. @default 120000 */
  startTimeoutMs?: number;
  restart?: Partial<RestartPolicy>;
  health?: Partial<HealthPolicy>;
  /** Where log lines go. @default a line on stderr */
  log?: (line: string) => void;
  /** Keep colour codes in the child's output when logging it. @default false */
  color?: boolean;
}

/** The events of a {@link PrismSupervisor}. */
export interface SupervisorEvents {
  ready: { url: string; pid: number | undefined; restarts: number };
  exit: { code: number | null; signal: NodeJS.Signals | null; output: string; expected: boolean };
  unresponsive: { reason: string };
  restarting: { attempt: number; delayMs: number; reason: string };
  fatal: { message: string };
}

/** Where to send a request now, or why not and when to try again. */
export type Upstream = { url: string } | { unavailable: string; retryAfterSeconds?: number };

const DEFAULT_RESTART: RestartPolicy = { initialDelayMs: 250, maxDelayMs: 8_000, maxRestarts: 5, windowMs: 60_000 };
const DEFAULT_HEALTH: HealthPolicy = { intervalMs: 5_000, timeoutMs: 10_000, failures: 2 };

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

type Listener<K extends keyof SupervisorEvents> = (event: SupervisorEvents[K]) => void;

/** A supervised Prism process. Create it with {@link PrismSupervisor.start}. */
export class PrismSupervisor {
  private current: PrismProcess | undefined;
  private stateValue: PrismState = 'starting';
  private restartCount = 0;
  private readonly failures: number[] = [];
  private restartAt = 0;
  private expectedStartMs = 5_000;
  private healthTimer: NodeJS.Timeout | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private probing = false;
  private launching: Promise<void> | undefined;
  private missedChecks = 0;
  private lastFailure = '';
  private readonly listeners = new Map<keyof SupervisorEvents, Set<(e: never) => void>>();
  private readonly restartPolicy: RestartPolicy;
  private readonly healthPolicy: HealthPolicy;
  private readonly log: (line: string) => void;

  private constructor(private readonly options: SupervisorOptions) {
    this.restartPolicy = { ...DEFAULT_RESTART, ...options.restart };
    this.healthPolicy = { ...DEFAULT_HEALTH, ...options.health };
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  }

  /**
   * Starts the process and resolves once it accepts connections.
   * @throws Error with the process's output when the first start fails (nothing is retried then:
   * a spec Prism cannot load will not load on a second try either).
   */
  static async start(options: SupervisorOptions): Promise<PrismSupervisor> {
    const supervisor = new PrismSupervisor(options);
    await supervisor.launch();
    return supervisor;
  }

  /** The current state. */
  get state(): PrismState {
    return this.stateValue;
  }

  /** The process id of the running process, if one runs. */
  get pid(): number | undefined {
    return this.stateValue === 'ready' ? this.current?.child.pid : undefined;
  }

  /** How many times the process was restarted. */
  get restarts(): number {
    return this.restartCount;
  }

  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends keyof SupervisorEvents>(event: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (e: never) => void);
    return () => set.delete(listener as (e: never) => void);
  }

  /** Where requests go now, or why they cannot and when to retry (for the guard's 503). */
  upstream(): Upstream {
    if (this.stateValue === 'ready' && this.current) return { url: this.current.url };
    if (this.stateValue === 'failed')
      return { unavailable: `Prism keeps crashing and is no longer restarted (${this.lastFailure}); restart the mock` };
    if (this.stateValue === 'stopped') return { unavailable: 'The mock is shutting down' };
    const wait = Math.max(0, this.restartAt - Date.now()) + this.expectedStartMs;
    return { unavailable: "The mock's Prism process is restarting", retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
  }

  /** The guard saw Prism fail a request: check its health now rather than at the next interval. */
  suspect(): void {
    void this.checkHealth();
  }

  /** Stops the process; it is not restarted afterwards. */
  async stop(): Promise<void> {
    this.stateValue = 'stopped';
    clearInterval(this.healthTimer);
    clearTimeout(this.restartTimer);
    // A start in flight stops its own process when it sees the state (see launch).
    await this.launching?.catch(() => undefined);
    await this.current?.stop();
  }

  private emit<K extends keyof SupervisorEvents>(event: K, payload: SupervisorEvents[K]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as Listener<K>)(payload);
  }

  private clean(output: string): string {
    const text = this.options.color ? output : output.replace(ANSI, '');
    const lines = text.trimEnd().split('\n').slice(-20);
    return lines.length && lines[0] !== '' ? lines.map((l) => `  | ${l}`).join('\n') : '  | (no output)';
  }

  private launch(): Promise<void> {
    this.launching = this.launchOnce().finally(() => (this.launching = undefined));
    return this.launching;
  }

  private async launchOnce(): Promise<void> {
    const started = Date.now();
    const port = await freePort(this.options.host);
    const prism = await startPrism({
      host: this.options.host,
      port,
      specPath: this.options.specPath,
      startTimeoutMs: this.options.startTimeoutMs ?? 120_000,
      command: this.options.command?.(port),
    });
    if (this.stateValue === 'stopped') {
      await prism.stop();
      return;
    }
    this.current = prism;
    this.expectedStartMs = Date.now() - started;
    this.stateValue = 'ready';
    this.missedChecks = 0;
    // 'close' rather than 'exit': it comes once the output pipes are drained, so the log has the
    // last lines (often the stack trace of the crash).
    prism.child.once('close', (code, signal) => this.onExit(prism, code, signal));
    clearInterval(this.healthTimer);
    this.healthTimer = setInterval(() => void this.checkHealth(), this.healthPolicy.intervalMs);
    this.healthTimer.unref();
    this.emit('ready', { url: prism.url, pid: prism.child.pid, restarts: this.restartCount });
  }

  private onExit(prism: PrismProcess, code: number | null, signal: NodeJS.Signals | null): void {
    const expected = this.stateValue === 'stopped';
    this.emit('exit', { code, signal, output: prism.output(), expected });
    if (expected || this.current !== prism) return;
    clearInterval(this.healthTimer);
    const how = signal ? `killed by ${signal}` : `exit code ${code}`;
    this.log(
      `identitycall-mock: Prism (pid ${prism.child.pid}) stopped unexpectedly (${how}). Its last output:\n${this.clean(prism.output())}`,
    );
    this.scheduleRestart(`Prism ${how}`);
  }

  private scheduleRestart(reason: string): void {
    this.lastFailure = reason;
    const now = Date.now();
    this.failures.push(now);
    while (this.failures.length && this.failures[0]! <= now - this.restartPolicy.windowMs) this.failures.shift();
    if (this.failures.length > this.restartPolicy.maxRestarts) {
      this.stateValue = 'failed';
      const message =
        `identitycall-mock: Prism failed ${this.failures.length} times within ${this.restartPolicy.windowMs / 1000} s ` +
        `(last: ${reason}); giving up. Requests now get 503. Check the output above, then restart the mock.`;
      this.log(message);
      this.emit('fatal', { message });
      return;
    }
    const attempt = this.failures.length;
    const delayMs = Math.min(this.restartPolicy.initialDelayMs * 2 ** (attempt - 1), this.restartPolicy.maxDelayMs);
    this.stateValue = 'restarting';
    this.restartAt = now + delayMs;
    this.log(
      `identitycall-mock: restarting Prism in ${delayMs} ms (failure ${attempt} of at most ${this.restartPolicy.maxRestarts} in ${this.restartPolicy.windowMs / 1000} s)`,
    );
    this.emit('restarting', { attempt, delayMs, reason });
    this.restartTimer = setTimeout(() => {
      this.restartCount++;
      this.launch().catch((error: Error) => {
        if (this.stateValue === 'stopped') return;
        this.log(
          `identitycall-mock: Prism did not start again: ${error.message.split('\n')[0]}\n${this.clean(error.message.split('\n').slice(1).join('\n'))}`,
        );
        this.scheduleRestart('Prism did not start');
      });
    }, delayMs);
  }

  /** One health check: any HTTP answer from Prism means it is alive. */
  private async checkHealth(): Promise<void> {
    const prism = this.current;
    if (this.stateValue !== 'ready' || !prism || this.probing) return;
    this.probing = true;
    const alive = await new Promise<boolean>((resolve) => {
      const req = request(`${prism.url}/`, { method: 'GET', timeout: this.healthPolicy.timeoutMs, agent: false }, (res) => {
        res.resume();
        resolve(true);
      });
      req.once('timeout', () => req.destroy(new Error('timeout')));
      req.once('error', () => resolve(false));
      req.end();
    });
    this.probing = false;
    if (this.stateValue !== 'ready' || this.current !== prism) return;
    if (alive) {
      this.missedChecks = 0;
      return;
    }
    this.missedChecks++;
    if (this.missedChecks < this.healthPolicy.failures) {
      // Check again soon rather than a whole interval later.
      setTimeout(() => void this.checkHealth(), Math.min(1_000, this.healthPolicy.intervalMs)).unref();
      return;
    }
    const reason = `no answer to ${this.missedChecks} health checks (each allowed ${this.healthPolicy.timeoutMs} ms)`;
    this.log(`identitycall-mock: Prism (pid ${prism.child.pid}) stopped answering: ${reason}; killing it`);
    this.emit('unresponsive', { reason });
    // The exit handler restarts it.
    prism.child.kill('SIGKILL');
  }
}
