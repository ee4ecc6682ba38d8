/**
 * Calls a user callback so that a throw (or a rejected promise) never breaks the engine; the
 * failure is reported to `onError` (the logger) instead.
 */
export function callSafely<T>(
  callback: ((value: T) => unknown) | undefined,
  value: T,
  onError: (error: unknown) => void,
): void {
  if (!callback) return;
  try {
    const returned = callback(value);
    if (returned && typeof (returned as Promise<unknown>).then === 'function')
      (returned as Promise<unknown>).then(undefined, onError);
  } catch (error) {
    onError(error);
  }
}
