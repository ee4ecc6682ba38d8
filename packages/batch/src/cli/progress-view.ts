import type { BatchProgress } from '../batch-types';

export interface ProgressView {
  update(progress: BatchProgress): void;
  /** Clears the live line (TTY) before other output, then redraws it on the next update. */
  clear(): void;
  finish(progress: BatchProgress): void;
}

const count = (n: number) => n.toLocaleString('en-US');
const money = (n: number) => `$${n.toFixed(4)}`;

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Rate, ETA and the finished share of a snapshot, given the total lines when known. */
export function progressFigures(progress: BatchProgress, total: number | undefined) {
  const finished = progress.done + progress.failed + progress.skipped;
  const rate = progress.elapsedMs > 0 ? ((progress.done + progress.failed) * 1000) / progress.elapsedMs : 0;
  const left = total === undefined ? undefined : Math.max(0, total - finished);
  const etaMs = left === undefined || rate === 0 ? Number.NaN : (left / rate) * 1000;
  return { finished, rate, etaMs, share: total ? Math.min(1, finished / total) : undefined };
}

/**
 * The live progress line on a terminal (redrawn in place: done/failed/in flight, rate, ETA, cost so
 * far), or a plain line every `intervalMs` when stdout is not a terminal (logs, CI, pipes).
 */
export function createProgressView(
  out: NodeJS.WritableStream,
  options: { tty: boolean; total: number | undefined; intervalMs?: number; now?: () => number },
): ProgressView {
  const now = options.now ?? Date.now;
  let lastPlain = now();
  let drawn = false;
  const line = (p: BatchProgress) => {
    const f = progressFigures(p, options.total);
    const of = options.total === undefined ? '' : `/${count(options.total)}`;
    return `${count(f.finished)}${of} · done ${count(p.done)} · failed ${count(p.failed)} · skipped ${count(p.skipped)} · in flight ${p.inFlight}/${p.concurrency} · ${f.rate.toFixed(1)}/s · ETA ${formatDuration(f.etaMs)} · cost ${money(p.cost)}`;
  };
  const bar = (p: BatchProgress) => {
    const share = progressFigures(p, options.total).share;
    if (share === undefined) return '';
    const width = 24;
    const full = Math.round(share * width);
    return `[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${(share * 100).toFixed(0).padStart(3)}% `;
  };
  return {
    update(p) {
      if (options.tty) {
        out.write(`\r\x1b[2K${bar(p)}${line(p)}`);
        drawn = true;
      } else if (now() - lastPlain >= (options.intervalMs ?? 5_000)) {
        lastPlain = now();
        out.write(`progress: ${line(p)}\n`);
      }
    },
    clear() {
      if (options.tty && drawn) {
        out.write('\r\x1b[2K');
        drawn = false;
      }
    },
    finish(p) {
      if (options.tty) out.write(`\r\x1b[2K${bar(p)}${line(p)}\n`);
      else out.write(`progress: ${line(p)}\n`);
    },
  };
}
