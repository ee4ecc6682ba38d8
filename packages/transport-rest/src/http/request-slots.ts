import { type AbortInput, combineSignals } from '@runware/core/transport-kit';

/** Frees a slot; a second call does nothing. */
export type ReleaseSlot = () => void;

/**
 * At most `limit` requests of a transport in flight at once (`maxConnections`): a request takes a
 * slot before its fetch and frees it once its body is read (a stream: once it ends), and the
 * excess waits in line, first come first served. This is what bounds the sockets where the fetch
 * itself does not (a global fetch opens one per concurrent request, Node's included).
 */
export interface RequestSlots {
  /**
   * Resolves with the slot's release once it is this request's turn. Rejects with the abort
   * reason as soon as one of `signals` (the caller's, the transport's close) fires while waiting,
   * leaving the line at once.
   */
  acquire(signals: readonly AbortInput[]): Promise<ReleaseSlot>;
}

export function createRequestSlots(limit: number): RequestSlots {
  let free = limit;
  /** Waiting requests in arrival order. */
  const line = new Set<() => void>();
  const handOn = () => {
    const [next] = line;
    // The slot passes straight to the next in line, or is free again.
    if (next) {
      line.delete(next);
      next();
    } else free += 1;
  };
  return {
    async acquire(signals) {
      if (free > 0 && line.size === 0) free -= 1;
      else {
        const combined = combineSignals(signals);
        const { signal } = combined;
        try {
          await new Promise<void>((resolve, reject) => {
            if (signal.aborted) return reject(signal.reason);
            line.add(resolve);
            signal.addEventListener('abort', () => {
              line.delete(resolve);
              reject(signal.reason);
            });
          });
        } finally {
          combined.dispose();
        }
      }
      let freed = false;
      return () => {
        if (freed) return;
        freed = true;
        // A connection goes back to its pool a moment after its body ends (undici, Node's global
        // fetch included, resumes it in a setImmediate). Handing the slot on in the next macrotask
        // lets the next request reuse that connection instead of opening one more.
        setTimeout(handOn, 0);
      };
    },
  };
}
