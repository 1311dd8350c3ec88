/**
 * One attempt's AbortSignal: it aborts when the caller's signal does or when the attempt's timeout
 * runs out, remembers which, and settles any promise it guards at once — even one from a fetch
 * that ignores signals.
 *
 * Every call pays for this, so it allocates no closures: the attempt is its own caller-signal
 * listener (`handleEvent`) and the timer gets it as an argument of one shared callback.
 * @see https://developer.mozilla.org/docs/Web/API/AbortController
 * @see https://developer.mozilla.org/docs/Web/API/EventTarget/addEventListener#the_event_listener_callback
 */

/** The timer's callback, shared by every attempt. */
function onTimeout(attempt: Attempt): void {
  attempt.timedOut = true;
  attempt.abort(new DOMException(`Timed out after ${attempt.timeout} ms`, 'TimeoutError'));
}

/** The abort control of one attempt; call `done()` once the attempt (and its body) ended. */
export class Attempt {
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal | null | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  /** Rejects the promise being guarded, if any. */
  #fail: ((reason: unknown) => void) | undefined;
  /** True once the timeout (not the caller) aborted the attempt. */
  timedOut = false;

  /** Starts the control of one attempt: `timeout` ms from now, tied to the caller's `signal`. */
  constructor(
    caller: AbortSignal | null | undefined,
    readonly timeout: number,
  ) {
    this.#caller = caller;
    this.#timer = setTimeout(onTimeout, timeout, this);
    // In Node.js a pending timeout must not keep the process alive for a body nobody reads.
    (this.#timer as { unref?: () => void }).unref?.();
    if (caller?.aborted) this.abort(caller.reason);
    else caller?.addEventListener('abort', this);
  }

  /** The signal the attempt's request follows. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Aborts the attempt with `reason`. */
  abort(reason: unknown): void {
    this.#controller.abort(reason);
    this.#fail?.(reason);
  }

  /** The caller's signal aborted (this object is its listener). */
  handleEvent(): void {
    this.abort(this.#caller?.reason);
  }

  /** Settles like `promise`, or rejects with the abort reason as soon as the attempt is aborted. */
  guard<T>(promise: Promise<T>): Promise<T> {
    return new Promise((resolve, reject) => {
      const { signal } = this.#controller;
      if (signal.aborted) reject(signal.reason);
      this.#fail = reject;
      promise.then(resolve, reject);
    });
  }

  /** Stops the timer and the caller's listener. */
  done(): void {
    clearTimeout(this.#timer);
    this.#fail = undefined;
    this.#caller?.removeEventListener('abort', this);
  }
}

/** Starts the control of one attempt: `timeout` ms from now, tied to the caller's `signal`. */
export function startAttempt(caller: AbortSignal | null | undefined, timeout: number): Attempt {
  return new Attempt(caller, timeout);
}

/**
 * Waits `ms` unless `signal` aborts first.
 * @returns true when the wait completed, false when it was aborted.
 */
export function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
