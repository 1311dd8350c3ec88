/**
 * The engine's only way out: every request goes through here, so the safety limits hold for all
 * of them — the request budget (`--max-requests`), the rate (`--rate`), the per-request timeout,
 * `--dry-run` (an in-process responder answers; nothing leaves the machine), and politeness on
 * 429 (wait as `Retry-After` says, then send again).
 */
import { readExchange, type Exchange, pathBelow, requestText } from './exchange.js';
import { BudgetExhaustedError } from '../errors.js';

/** Options of {@link Transport}. */
export interface TransportOptions {
  baseUrl: string;
  /** Requests that may be sent (cleanup is exempt). @default Infinity */
  maxRequests?: number;
  /** Requests per second at most. @default unlimited */
  rate?: number;
  /** Time one request may take, in ms. */
  timeoutMs: number;
  /** Answers requests in-process instead of sending them (dry run). */
  responder?: (request: Request) => Response;
  /** The fetch to send with. @default globalThis.fetch */
  fetch?: (request: Request) => Promise<Response>;
  /** How often a 429 is retried, and the longest wait accepted (ms). @default 3 and 30000 */
  rateLimitRetries?: number;
  maxRetryWaitMs?: number;
  /** Called after every attempt (progress, dry-run printing). */
  onExchange?: (exchange: Exchange) => void;
}

/** Wait when a 429 carries no usable Retry-After, in ms. */
const DEFAULT_RETRY_WAIT_MS = 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds a Retry-After value asks for (seconds or an HTTP date), or undefined. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no response within ${timeoutMs} ms`;
  const cause = e?.cause?.code ?? e?.cause?.message;
  return `no response: ${e?.message ?? String(error)}${cause ? ` (${cause})` : ''}`;
}

/** Sends requests within the run's limits and returns every attempt as an exchange. */
export class Transport {
  /** Requests sent (or answered in-process) so far, cleanup included. */
  sent = 0;
  /** Requests counted against the budget. */
  private budgeted = 0;
  private nextSlot = 0;
  private readonly basePath: string;

  constructor(private readonly options: TransportOptions) {
    this.basePath = new URL(options.baseUrl).pathname;
  }

  /** Requests left in the budget. */
  get remaining(): number {
    return (this.options.maxRequests ?? Number.POSITIVE_INFINITY) - this.budgeted;
  }

  /**
   * Sends `request` (again after a 429, as `Retry-After` asks) and returns every attempt, the
   * last one being the answer. @throws BudgetExhaustedError when the budget is spent (unless `exempt`).
   */
  async send(request: Request, options: { exempt?: boolean } = {}): Promise<Exchange[]> {
    const attempts: Exchange[] = [];
    const retries = this.options.rateLimitRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      const exchange = await this.once(request.clone(), options.exempt ?? false);
      attempts.push(exchange);
      if (exchange.response.status !== 429 || attempt >= retries) return attempts;
      const wait = retryAfterMs(exchange.response.headers.get('retry-after')) ?? DEFAULT_RETRY_WAIT_MS;
      if (wait > (this.options.maxRetryWaitMs ?? 30_000)) return attempts;
      await sleep(wait);
    }
  }

  private async once(request: Request, exempt: boolean): Promise<Exchange> {
    if (!exempt) {
      if (this.remaining <= 0) throw new BudgetExhaustedError(this.options.maxRequests ?? 0);
      this.budgeted++;
    }
    await this.pace();
    this.sent++;
    const started = performance.now();
    const body = await requestText(request);
    let exchange: Exchange;
    try {
      const response = this.options.responder
        ? this.options.responder(request)
        : await (this.options.fetch ?? fetch)(
            new Request(request, { signal: AbortSignal.timeout(this.options.timeoutMs), redirect: 'manual' }),
          );
      exchange = await readExchange(request, response, this.basePath, body);
    } catch (error) {
      exchange = {
        request: {
          method: request.method.toUpperCase(),
          url: request.url,
          path: pathBelow(request.url, this.basePath),
          headers: new Headers(request.headers),
          body,
        },
        response: { status: 0, headers: new Headers(), text: '', body: undefined },
        error: describeFetchError(error, this.options.timeoutMs),
      };
    }
    exchange.durationMs = performance.now() - started;
    this.options.onExchange?.(exchange);
    return exchange;
  }

  private async pace(): Promise<void> {
    const rate = this.options.rate;
    if (!rate || this.options.responder) return;
    const now = performance.now();
    const wait = this.nextSlot - now;
    this.nextSlot = Math.max(now, this.nextSlot) + 1000 / rate;
    if (wait > 0) await sleep(wait);
  }
}
