import type { Metric } from './metrics';

/** What every scenario gets from the runner. */
export interface ScenarioContext {
  /** How many times to measure each figure (the report shows the median and the min–max). */
  runs: number;
  /** Progress lines (stderr). */
  log: (line: string) => void;
  /** Something went wrong that the figures alone would hide (failed tasks, say): shown and saved. */
  problem: (line: string) => void;
}

export type ScenarioRun<C> = (config: C, ctx: ScenarioContext) => Promise<Metric[]>;

/** Short text of an error for a problem line. */
export const describeError = (error: unknown): string =>
  error instanceof Error
    ? `${(error as { code?: string }).code ?? error.name}: ${error.message}`
    : String(error);
