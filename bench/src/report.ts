import { availableParallelism, cpus, freemem, totalmem } from 'node:os';
import type { Metric } from './metrics';

export interface Machine {
  nproc: number;
  cpu: string;
  memoryGiB: number;
  freeMemoryGiB: number;
  node: string;
  platform: string;
}

export function machine(): Machine {
  const gib = (bytes: number) => Math.round((bytes / 2 ** 30) * 10) / 10;
  return {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: gib(totalmem()),
    freeMemoryGiB: gib(freemem()),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

function format(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  if (unit === 'ms' || unit === 'tasks/s') return Math.round(value).toLocaleString('en-US');
  if (unit === 'polls' || unit === 'lines' || unit === 'tasks')
    return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(1);
  return value.toFixed(2);
}

const unitSuffix = (unit: string) => (unit === '×' ? '×' : ` ${unit}`);

/** The results as a plain-text table: median, min–max over runs, goal, pass/miss. */
export function table(metrics: readonly Metric[]): string {
  const rows = metrics.map((m) => [
    m.scenario,
    m.name,
    `${format(m.median, m.unit)}${unitSuffix(m.unit)}`,
    m.runs.length > 1 ? `${format(m.min, m.unit)}–${format(m.max, m.unit)}` : '',
    m.goal ? `${m.goal.op === '<=' ? '≤' : '≥'} ${format(m.goal.value, m.unit)}${unitSuffix(m.unit)}` : '',
    m.goal ? (m.pass ? 'pass' : 'MISS') : '',
  ]);
  const header = ['scenario', 'figure', 'median', 'min–max', 'goal', ''];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 2 || column === 3 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** The same table in Markdown, for the README's "Results" section. */
export function markdownTable(metrics: readonly Metric[]): string {
  const rows = metrics.map((m) =>
    [
      m.scenario,
      m.name,
      `${format(m.median, m.unit)}${unitSuffix(m.unit)}`,
      m.runs.length > 1 ? `${format(m.min, m.unit)}–${format(m.max, m.unit)}` : '',
      m.goal ? `${m.goal.op === '<=' ? '≤' : '≥'} ${format(m.goal.value, m.unit)}${unitSuffix(m.unit)}` : '',
      m.goal ? (m.pass ? 'pass' : '**miss**') : '',
    ].join(' | '),
  );
  return [
    '| Scenario | Figure | Median | Min–max | Goal | |',
    '| --- | --- | ---: | ---: | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}
