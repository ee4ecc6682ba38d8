import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchResult } from '../batch-types';
import { openResultsWriter, resultLine } from './results-writer';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'results-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const done = (index: number): BatchResult => ({
  status: 'done',
  index,
  taskUUID: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  items: [{ imageURL: 'https://x/y.png', cost: 0.5 }],
  recovered: false,
  cost: 0.5,
});
const lineNumbers = async (path: string) =>
  (await readFile(path, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { line: number }).line);

describe('results writer', () => {
  it('in input order, holds a line until every earlier entry has one', async () => {
    const path = join(dir, 'r.jsonl');
    const writer = await openResultsWriter(path, 'input');
    for (const i of [1, 2, 3, 5]) writer.expect(i);
    const later = [writer.write(done(3)), writer.write(done(5)), writer.write(done(2))];
    expect(writer.waiting).toBe(4);
    await writer.write(done(1));
    await Promise.all(later);
    await writer.close();
    expect(await lineNumbers(path)).toEqual([1, 2, 3, 5]);
  });

  it('on resume, cuts a torn line, knows the lines already written and expects only the others', async () => {
    const path = join(dir, 'r.jsonl');
    const first = await openResultsWriter(path, 'completion');
    await first.write(done(4));
    await first.write(done(2));
    await first.close();
    await appendFile(path, '{"line":7,"taskUUID":"x","sta');
    const second = await openResultsWriter(path, 'input');
    expect(second.has(4)).toBe(true);
    expect(second.has(7)).toBe(false);
    for (const i of [2, 4, 7]) second.expect(i);
    expect(second.waiting).toBe(1);
    await second.write(done(7));
    await second.close();
    expect(await lineNumbers(path)).toEqual([4, 2, 7]);
  });

  it('rejects a held line with `aborted` when the batch stops, and writes nothing for it', async () => {
    const path = join(dir, 'r.jsonl');
    const writer = await openResultsWriter(path, 'input');
    writer.expect(1);
    writer.expect(2);
    const controller = new AbortController();
    const held = writer.write(done(2), controller.signal);
    controller.abort();
    await expect(held).rejects.toMatchObject({ code: 'aborted' });
    await writer.close();
    expect(await readFile(path, 'utf8')).toBe('');
  });

  it('writes bad input as skipped and failures with their error, keeping delivered results', () => {
    expect(
      JSON.parse(
        resultLine({
          status: 'failed',
          index: 3,
          taskUUID: '',
          code: 'invalidInput',
          rawCode: 'invalidInput',
          message: 'not JSON',
          cost: 0,
        }),
      ),
    ).toEqual({
      line: 3,
      status: 'skipped',
      error: { code: 'invalidInput', rawCode: 'invalidInput', message: 'not JSON' },
    });
    const failed = JSON.parse(
      resultLine({
        status: 'failed',
        index: 4,
        taskUUID: 'u',
        code: 'provider',
        rawCode: 'inferenceError',
        message: 'one failed',
        items: [{ imageURL: 'a' }],
        cost: 0.1,
      }),
    );
    expect(failed).toMatchObject({
      line: 4,
      taskUUID: 'u',
      status: 'failed',
      results: [{ imageURL: 'a' }],
      error: { rawCode: 'inferenceError' },
    });
  });
});
