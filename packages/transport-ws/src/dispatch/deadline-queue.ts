/**
 * Deadlines of one fixed duration behind one timer. Every item gets `durationMs` from when it was
 * added, so items expire in the order they were added: the queue is a Map in insertion order and
 * only its first item needs a timer. Thousands of pending deadlines cost one timer, not one each.
 */
export class DeadlineQueue<T> {
  /** Deadlines are kept from this origin: small integers (no heap number per item). */
  private readonly origin = Date.now();
  private readonly items = new Map<T, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly durationMs: number,
    private readonly onExpire: (item: T) => void,
    /** Called whenever the last item leaves (expired or deleted). */
    private readonly onEmpty?: () => void,
  ) {}

  get size(): number {
    return this.items.size;
  }

  /** Starts (or restarts) the item's deadline: `durationMs` from now. */
  add(item: T): void {
    this.items.delete(item);
    this.items.set(item, Date.now() - this.origin + this.durationMs);
    if (this.timer === undefined) this.arm();
  }

  delete(item: T): void {
    if (!this.items.delete(item) || this.items.size > 0) return;
    // Nothing left: no timer may hold the process. (An earlier item gone leaves the timer early; it re-arms.)
    this.stopTimer();
    this.onEmpty?.();
  }

  clear(): void {
    this.items.clear();
    this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    for (const deadline of this.items.values()) {
      this.timer = setTimeout(() => this.fire(), Math.max(0, deadline - (Date.now() - this.origin)));
      return;
    }
  }

  private fire(): void {
    this.timer = undefined;
    const now = Date.now() - this.origin;
    try {
      for (const [item, deadline] of this.items) {
        // A timer may fire a little before the clock shows its deadline: the rest waits for the next one.
        if (deadline > now) break;
        this.items.delete(item);
        this.onExpire(item);
      }
    } finally {
      if (this.items.size === 0) this.onEmpty?.();
      else if (this.timer === undefined) this.arm();
    }
  }
}
