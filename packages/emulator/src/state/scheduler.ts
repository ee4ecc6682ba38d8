/** Timers owned by one emulator, so `stop()` and `reset()` leave nothing scheduled behind. */
export interface Scheduler {
  after(ms: number, fn: () => void): () => void;
  clearAll(): void;
}

export function createScheduler(): Scheduler {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  return {
    after(ms, fn) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timers.add(timer);
      return () => {
        clearTimeout(timer);
        timers.delete(timer);
      };
    },
    clearAll() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
