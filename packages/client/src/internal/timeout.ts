/**
 * One attempt's AbortSignal: it aborts when the caller's signal does or when the attempt's timeout
 * runs out, remembers which, and settles any promise it guards at once — even one from a fetch
 * that ignores signals.
 * @see https://developer.mozilla.org/docs/Web/API/AbortController
 */

/** The abort control of one attempt; call `done()` once the attempt (and its body) ended. */
export interface Attempt {
  readonly signal: AbortSignal;
  /** True once the timeout (not the caller) aborted the attempt. */
  readonly timedOut: boolean;
  /** Settles like `promise`, or rejects with the abort reason as soon as the attempt is aborted. */
  guard<T>(promise: Promise<T>): Promise<T>;
  /** Stops the timer and the caller's listener. */
  done(): void;
}

/** Starts the control of one attempt: `timeout` ms from now, tied to the caller's `signal`. */
export function startAttempt(caller: AbortSignal | null | undefined, timeout: number): Attempt {
  const controller = new AbortController();
  let timedOut = false;
  let fail: ((reason: unknown) => void) | undefined;
  const abort = (reason: unknown) => {
    controller.abort(reason);
    fail?.(reason);
  };
  const onCallerAbort = () => abort(caller!.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    abort(new DOMException(`Timed out after ${timeout} ms`, 'TimeoutError'));
  }, timeout);
  // In Node.js a pending timeout must not keep the process alive for a body nobody reads.
  (timer as { unref?: () => void }).unref?.();
  if (caller?.aborted) onCallerAbort();
  else caller?.addEventListener('abort', onCallerAbort);
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    guard: (promise) =>
      new Promise((resolve, reject) => {
        if (controller.signal.aborted) reject(controller.signal.reason);
        fail = reject;
        promise.then(resolve, reject);
      }),
    done() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
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
