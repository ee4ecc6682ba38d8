import type { CloseSignal } from './close-signal';

/** What a request can be cut by: an AbortSignal (the caller's) or the transport's close. */
export type AbortInput = AbortSignal | CloseSignal | undefined;

export interface CombinedSignal {
  /** Aborts when any input signal aborts, or when the timeout (if any) fires. */
  signal: AbortSignal;
  /** True when the timeout, not an input signal, aborted `signal`. */
  timedOut(): boolean;
  /** Removes the listeners and the timer; call it once the request is over. */
  dispose(): void;
}

// setTimeout stores delays as a signed 32-bit int; a larger one would fire at once.
const maxTimerMs = 2_147_483_647;

/**
 * One signal for several: the caller's, the transport's close and an optional per-attempt
 * timeout. `AbortSignal.any` would do this, but Node 18 and some edge runtimes lack it, and it
 * cannot say which input fired.
 */
export function combineSignals(signals: readonly AbortInput[], timeoutMs?: number): CombinedSignal {
  const controller = new AbortController();
  const { signal } = controller;
  const cleanups: (() => void)[] = [];
  let timedOut = false;
  const dispose = () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
  // No reason for a close, as `AbortController#abort()` on close gave: the default AbortError.
  const abort = (reason?: unknown) => {
    controller.abort(reason);
    dispose();
  };
  for (const input of signals) {
    if (!input) continue;
    if ('onClose' in input) {
      if (input.closed) {
        abort();
        break;
      }
      cleanups.push(input.onClose(() => abort()));
      continue;
    }
    const onAbort = () => abort(input.reason);
    if (input.aborted) {
      onAbort();
      break;
    }
    input.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => input.removeEventListener('abort', onAbort));
  }
  if (timeoutMs !== undefined && !signal.aborted) {
    const timer = setTimeout(
      () => {
        timedOut = true;
        abort(new Error(`timed out after ${timeoutMs} ms`));
      },
      Math.min(Math.max(timeoutMs, 0), maxTimerMs),
    );
    cleanups.push(() => clearTimeout(timer));
  }
  return { signal, timedOut: () => timedOut, dispose };
}

/** Waits `ms`, or rejects with the abort reason as soon as any of `signals` aborts or closes. */
export function abortableDelay(ms: number, signals: readonly AbortInput[]): Promise<void> {
  // The wait is the timeout of a combined signal: it "times out" when the wait is over.
  const combined = combineSignals(signals, ms);
  const { signal } = combined;
  return new Promise<void>((resolve, reject) => {
    const settle = () => (combined.timedOut() ? resolve() : reject(signal.reason));
    if (signal.aborted) settle();
    else signal.addEventListener('abort', settle, { once: true });
  });
}
