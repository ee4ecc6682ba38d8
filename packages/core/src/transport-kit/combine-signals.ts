import type { CloseSignal } from './close-signal';

/** What a request can be cut by: an AbortSignal (the caller's) or the transport's close. */
export type AbortInput = AbortSignal | CloseSignal | undefined;

const isCloseSignal = (input: AbortSignal | CloseSignal): input is CloseSignal => 'onClose' in input;

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
  const cleanups: (() => void)[] = [];
  let timedOut = false;
  const dispose = () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
  for (const input of signals) {
    if (!input) continue;
    if (isCloseSignal(input)) {
      // No reason, as `AbortController#abort()` on close gave: the default AbortError.
      if (input.closed) {
        controller.abort();
        break;
      }
      cleanups.push(
        input.onClose(() => {
          controller.abort();
          dispose();
        }),
      );
      continue;
    }
    if (input.aborted) {
      controller.abort(input.reason);
      break;
    }
    const onAbort = () => {
      controller.abort(input.reason);
      dispose();
    };
    input.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => input.removeEventListener('abort', onAbort));
  }
  if (timeoutMs !== undefined && !controller.signal.aborted) {
    const timer = setTimeout(
      () => {
        timedOut = true;
        controller.abort(new Error(`timed out after ${timeoutMs} ms`));
        dispose();
      },
      Math.min(Math.max(timeoutMs, 0), maxTimerMs),
    );
    cleanups.push(() => clearTimeout(timer));
  }
  if (controller.signal.aborted) dispose();
  return { signal: controller.signal, timedOut: () => timedOut, dispose };
}

/** Waits `ms`, or rejects with the abort reason as soon as any of `signals` aborts or closes. */
export function abortableDelay(ms: number, signals: readonly AbortInput[]): Promise<void> {
  const combined = combineSignals(signals);
  const { signal } = combined;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => {
        signal.removeEventListener('abort', onAbort);
        combined.dispose();
        resolve();
      },
      Math.min(Math.max(ms, 0), maxTimerMs),
    );
    const onAbort = () => {
      clearTimeout(timer);
      combined.dispose();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
