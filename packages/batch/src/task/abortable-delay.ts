import { RunwareError } from '@runware/core';

/** Waits `ms`, or rejects with an `aborted` RunwareError as soon as the signal fires. */
export function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function abortError(): RunwareError {
  return new RunwareError('aborted', 'the batch was stopped', { rawCode: 'aborted' });
}
