import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { BatchProgress } from '../batch-types';
import { createProgressView, formatDuration, progressFigures } from './progress-view';

const snapshot = (over: Partial<BatchProgress> = {}): BatchProgress => ({
  done: 40,
  failed: 5,
  skipped: 5,
  inFlight: 8,
  concurrency: 16,
  cost: 1.25,
  elapsedMs: 9_000,
  seen: 58,
  inputDone: false,
  ...over,
});

function capture() {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { out, text: () => text };
}

describe('progress view', () => {
  it('computes rate and ETA from the tasks that ran', () => {
    const figures = progressFigures(snapshot(), 100);
    expect(figures.rate).toBe(5);
    expect(figures.etaMs).toBe(10_000);
    expect(figures.share).toBe(0.5);
    expect(formatDuration(3_725_000)).toBe('1h02m');
    expect(formatDuration(Number.NaN)).toBe('?');
  });

  it('redraws one line in place on a terminal, with a bar', () => {
    const { out, text } = capture();
    const view = createProgressView(out, { tty: true, total: 100 });
    view.update(snapshot());
    view.update(snapshot({ done: 50 }));
    view.finish(snapshot({ done: 90, inFlight: 0 }));
    expect(text().split('\r\x1b[2K').length).toBe(4);
    expect(text()).toContain('[############------------]  50%');
    expect(text()).toContain('in flight 8/16');
    expect(text()).toContain('cost $1.2500');
    expect(text().endsWith('\n')).toBe(true);
  });

  it('prints plain lines at most every interval when not on a terminal', () => {
    const { out, text } = capture();
    let now = 0;
    const view = createProgressView(out, { tty: false, total: undefined, intervalMs: 1_000, now: () => now });
    view.update(snapshot());
    now = 500;
    view.update(snapshot());
    now = 1_000;
    view.update(snapshot());
    expect(text()).not.toContain('\r');
    expect(text().split('\n').filter(Boolean)).toHaveLength(1);
    expect(text()).toMatch(/^progress: 50 · done 40 · failed 5/);
  });
});
