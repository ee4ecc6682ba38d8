import type { BatchResult } from '../batch-types';
import { type DurableAppender, openDurableAppender } from '../files/durable-appender';
import { fileExists, readLines, repairTornTail } from '../files/read-lines';
import { createIndexSet, type IndexSet } from '../journal/index-set';
import { abortError } from '../task/abortable-delay';

export type ResultsOrder = 'completion' | 'input';

export interface ResultsWriter {
  /** Whether an earlier run already wrote a line for this index (a resumed batch skips it). */
  has(index: number): boolean;
  /** Input order only: the index of the next input entry, in input order (its line waits for them). */
  expect(index: number): void;
  /**
   * Writes the result's line; resolves once it is durable. In input order a line waiting for an
   * earlier one rejects with `aborted` when `signal` fires (the batch stopped; it stays unfinished
   * in the journal and a resume recovers it).
   */
  write(result: BatchResult, signal?: AbortSignal): Promise<void>;
  /** Entries expected and not written yet (input order), for back-pressure on the input. */
  readonly waiting: number;
  close(): Promise<void>;
}

/** One results line: the input line, the taskUUID, and the items or the error. Never the API key. */
export function resultLine(result: BatchResult & { files?: string[]; downloadError?: string }): string {
  const invalid = result.status === 'failed' && result.code === 'invalidInput';
  const base = {
    line: result.index,
    taskUUID: result.taskUUID || undefined,
    status: invalid ? 'skipped' : result.status,
  };
  const body =
    result.status === 'done'
      ? { ...base, cost: result.cost, results: result.items }
      : {
          ...base,
          ...(result.items?.length ? { cost: result.cost, results: result.items } : {}),
          error: { code: result.code, rawCode: result.rawCode, message: result.message },
        };
  const saved = {
    ...(result.files ? { files: result.files } : {}),
    ...(result.downloadError ? { downloadError: result.downloadError } : {}),
  };
  return `${JSON.stringify({ ...body, ...saved })}\n`;
}

/**
 * The results JSONL. Lines go to disk in groups (one write and one fsync), each once: on resume a
 * torn last line is cut off and the lines already there are not written again. In `input` order a
 * line waits until every entry before it has one; `completion` writes each as it comes.
 */
export async function openResultsWriter(path: string, order: ResultsOrder): Promise<ResultsWriter> {
  const present: IndexSet = createIndexSet();
  if (await fileExists(path)) {
    await repairTornTail(path);
    for await (const { text } of readLines(path)) {
      const match = /^\{"line":(\d+)/.exec(text);
      if (match) present.add(Number(match[1]));
    }
  }
  const appender: DurableAppender = await openDurableAppender(path);
  // Input order: expected indices in order, and lines that arrived before their turn.
  const expected: number[] = [];
  let head = 0;
  const held = new Map<number, { text: string; resolve: () => void; reject: (e: unknown) => void }>();

  const release = () => {
    while (head < expected.length) {
      const index = expected[head] as number;
      const ready = held.get(index);
      if (!ready) break;
      held.delete(index);
      head += 1;
      appender.append(ready.text).then(ready.resolve, ready.reject);
    }
    if (head > 4096 && head * 2 > expected.length) {
      expected.splice(0, head);
      head = 0;
    }
  };

  return {
    has: (index) => present.has(index),
    expect(index) {
      if (order === 'input' && !present.has(index)) expected.push(index);
    },
    write(result, signal) {
      const text = resultLine(result);
      if (order === 'completion') {
        present.add(result.index);
        return appender.append(text);
      }
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          if (held.delete(result.index)) reject(abortError());
        };
        held.set(result.index, {
          text,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            present.add(result.index);
            resolve();
          },
          reject,
        });
        if (signal?.aborted) onAbort();
        else signal?.addEventListener('abort', onAbort, { once: true });
        release();
      });
    },
    get waiting() {
      return expected.length - head;
    },
    close: () => appender.close(),
  };
}
