export interface ReconnectPolicy {
  /** Delay before reconnect attempt `attempt` (1-based), ms. */
  delay(attempt: number): number;
  /** Whether attempt `attempt` (1-based) may run. */
  allows(attempt: number): boolean;
}

/**
 * `min(base·2^(k−1), cap) + U(0, min(1000, base))`: the official SDK's backoff. The jitter is
 * bounded by the base too, so a small base (tests, LAN proxies) stays small; at the default base
 * it is the official U(0, 1000).
 */
export function createReconnectPolicy(settings: {
  retryDelayMs: number;
  maxReconnectDelayMs: number;
  maxReconnectAttempts: number;
  random: () => number;
}): ReconnectPolicy {
  return {
    delay(attempt) {
      const exponential = settings.retryDelayMs * 2 ** Math.max(0, attempt - 1);
      const jitter = settings.random() * Math.min(1000, settings.retryDelayMs);
      return Math.min(exponential, settings.maxReconnectDelayMs) + jitter;
    },
    allows: (attempt) => attempt <= settings.maxReconnectAttempts,
  };
}
