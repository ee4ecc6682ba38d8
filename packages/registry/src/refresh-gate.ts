export interface RefreshGateOptions {
  /** Loads the list; rejects when it cannot. */
  load: () => Promise<void>;
  /** A loaded list is stale after this long, ms. */
  ttl: number;
  /** After a failure, no background attempt before this long, ms. */
  retryAfter: number;
  now: () => number;
}

/** Decides when the list is loaded, and makes sure only one load runs at a time. */
export interface RefreshGate {
  /** Starts a load, or joins the one running. */
  run(): Promise<void>;
  /** A load that starts after this call (joins one only when started after it, e.g. by a concurrent force). */
  force(): Promise<void>;
  /** Whether a background load is due: never loaded, stale or asked for, and not backing off from a failure. */
  due(): boolean;
  /** Asks for a load (a newer version exists); the next `due()` says yes. */
  request(): void;
  /** Whether a load has ever been started. */
  started(): boolean;
}

export function createRefreshGate(options: RefreshGateOptions): RefreshGate {
  const { load, ttl, retryAfter, now } = options;
  let inFlight: Promise<void> | undefined;
  let freshAt: number | undefined;
  let failedAt: number | undefined;
  // Generations, so a request that arrives during a load is not consumed by it.
  let requested = 0;
  let satisfied = 0;

  const run = (): Promise<void> => {
    if (inFlight) return inFlight;
    const generation = requested;
    // Started on a microtask, so `inFlight` is set before any handler can clear it.
    inFlight = Promise.resolve()
      .then(load)
      .then(
        () => {
          inFlight = undefined;
          freshAt = now();
          failedAt = undefined;
          satisfied = Math.max(satisfied, generation);
        },
        (error: unknown) => {
          inFlight = undefined;
          failedAt = now();
          throw error;
        },
      );
    return inFlight;
  };

  return {
    run,
    async force() {
      const running = inFlight;
      if (running) await running.catch(() => undefined);
      return run();
    },
    due() {
      if (inFlight) return false;
      const at = now();
      if (failedAt !== undefined && at - failedAt < retryAfter) return false;
      if (freshAt === undefined) return true;
      return at - freshAt >= ttl || requested > satisfied;
    },
    request() {
      requested++;
    },
    started() {
      return inFlight !== undefined || freshAt !== undefined || failedAt !== undefined;
    },
  };
}
