/**
 * Waits for `promise` or `ms`, whichever comes first; resolves true when the promise settled in
 * time. Never rejects, and clears its timer, so nothing keeps a process alive afterwards.
 */
export function waitAtMost(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const settle = () => {
      clearTimeout(timer);
      resolve(true);
    };
    promise.then(settle, settle);
  });
}
