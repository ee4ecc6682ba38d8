export interface HeartbeatSettings {
  intervalMs: number;
  inactivityTimeoutMs: number;
  /** Sends one ping; false when the socket could not take it. */
  ping: () => boolean;
  /** When the last inbound frame arrived (epoch ms). */
  lastInbound: () => number;
  /** Inbound silence past the limit, or a ping that could not be sent. */
  onDead: (reason: string) => void;
}

/**
 * Pings on a fixed period and watches inbound silence on its own timer, so a short inactivity
 * limit is honoured even when pings are rare. Returns the function that stops both timers.
 */
export function startHeartbeat(settings: HeartbeatSettings): () => void {
  let stopped = false;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const pinger = setInterval(() => {
    if (!settings.ping()) fail('ping could not be sent');
  }, settings.intervalMs);

  const watch = () => {
    const silent = Date.now() - settings.lastInbound();
    const left = settings.inactivityTimeoutMs - silent;
    if (left <= 0) {
      fail(`no inbound frame for ${silent} ms`);
      return;
    }
    watchdog = setTimeout(watch, left);
  };
  const stop = () => {
    stopped = true;
    clearInterval(pinger);
    if (watchdog) clearTimeout(watchdog);
    watchdog = undefined;
  };
  const fail = (reason: string) => {
    if (stopped) return;
    stop();
    settings.onDead(reason);
  };
  watchdog = setTimeout(watch, settings.inactivityTimeoutMs);
  return stop;
}
