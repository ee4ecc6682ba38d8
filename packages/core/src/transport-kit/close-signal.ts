/** The read side of a transport's close: what each request watches. */
export interface CloseSignal {
  readonly closed: boolean;
  /**
   * Calls `fn` once when the transport closes (at once if it already has). Returns the function
   * that unsubscribes; call it when the request is over.
   */
  onClose(fn: () => void): () => void;
}

export interface CloseNotifier extends CloseSignal {
  /** Closes once: runs and forgets every subscriber. Later calls do nothing. */
  close(): void;
}

/**
 * A close flag with subscribers in a Set, used instead of a shared AbortSignal: every request in
 * flight subscribes, and Node warns (MaxListenersExceededWarning) once an AbortSignal has more
 * than 10 'abort' listeners, which a dozen parallel sends reach. A Set has no such limit and
 * needs no Node API (`events.setMaxListeners`), so it stays edge-safe.
 */
export function createCloseNotifier(): CloseNotifier {
  const subscribers = new Set<() => void>();
  let closed = false;
  return {
    get closed() {
      return closed;
    },
    onClose(fn) {
      if (closed) {
        fn();
        return () => {};
      }
      // A wrapper per subscription, so the same function subscribed twice runs twice.
      const subscriber = () => fn();
      subscribers.add(subscriber);
      return () => {
        subscribers.delete(subscriber);
      };
    },
    close() {
      if (closed) return;
      closed = true;
      const current = [...subscribers];
      subscribers.clear();
      for (const subscriber of current) subscriber();
    },
  };
}
