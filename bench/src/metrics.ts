/** Statistics and the result rows every scenario returns. */

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? Number.NaN;
  const high = sorted[upper] ?? Number.NaN;
  return low + (high - low) * (position - lower);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

export interface Goal {
  op: '<=' | '>=';
  value: number;
}

/** One figure of the report: the median over runs of a per-run value, with its min–max spread. */
export interface Metric {
  scenario: string;
  name: string;
  unit: string;
  /** The per-run values, in run order. */
  runs: number[];
  median: number;
  min: number;
  max: number;
  goal?: Goal;
  /** Whether the median meets the goal; absent without a goal. */
  pass?: boolean;
  note?: string;
}

export function metric(
  scenario: string,
  name: string,
  unit: string,
  runs: readonly number[],
  goal?: Goal,
  note?: string,
): Metric {
  const finite = runs.filter((value) => Number.isFinite(value));
  const mid = finite.length === runs.length ? median(runs) : Number.NaN;
  const result: Metric = {
    scenario,
    name,
    unit,
    runs: [...runs],
    median: mid,
    min: finite.length > 0 ? Math.min(...finite) : Number.NaN,
    max: finite.length > 0 ? Math.max(...finite) : Number.NaN,
  };
  if (goal) {
    result.goal = goal;
    result.pass = Number.isFinite(mid) && (goal.op === '<=' ? mid <= goal.value : mid >= goal.value);
  }
  if (note) result.note = note;
  return result;
}

/** Per-run samples of several named figures, collected run by run, turned into metrics at the end. */
export class RunSamples {
  private readonly values = new Map<string, number[]>();

  add(key: string, value: number): void {
    const list = this.values.get(key) ?? [];
    list.push(value);
    this.values.set(key, list);
  }

  get(key: string): number[] {
    return this.values.get(key) ?? [];
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check()` is true, polling every `everyMs`; throws after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  everyMs = 50,
): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
