import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileJournal } from './file-journal';
import { createMemoryJournal } from './memory-journal';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('file journal', () => {
  it('replays assignments and ends: finished tasks are known, unfinished ones keep their taskUUID', async () => {
    const path = join(dir, 'j');
    const first = createFileJournal(path);
    await first.load();
    await first.assign(1, 'uuid-1', 11);
    await first.assign(2, 'uuid-2', 22);
    await first.assign(3, 'uuid-3', 33);
    first.finish(1, 'done');
    first.finish(3, 'failed');
    first.finish(9, 'skipped');
    await first.close();

    const state = await createFileJournal(path).load();
    expect(state.isFinished(1)).toBe(true);
    expect(state.isFinished(3)).toBe(true);
    expect(state.isFinished(9)).toBe(true);
    expect(state.isFinished(2)).toBe(false);
    expect(state.assigned(2)).toEqual({ taskUUID: 'uuid-2', fingerprint: 22 });
    expect(state.assigned(1)).toBeUndefined();
    expect(state).toMatchObject({ finished: 3, unfinished: 1 });
  });

  it('cuts a torn last line (a write a crash interrupted) and appends after it cleanly', async () => {
    const path = join(dir, 'j');
    const first = createFileJournal(path);
    await first.load();
    await first.assign(1, 'uuid-1', 1);
    await first.close();
    await appendFile(path, '{"t":"a","i":2,"u":"uu');

    const second = createFileJournal(path);
    const state = await second.load();
    expect(state.assigned(2)).toBeUndefined();
    await second.assign(2, 'uuid-2', 2);
    await second.close();
    const text = await readFile(path, 'utf8');
    expect(text.split('\n').filter(Boolean)).toEqual([
      '{"t":"a","i":1,"u":"uuid-1","f":1}',
      '{"t":"a","i":2,"u":"uuid-2","f":2}',
    ]);
  });

  it('groups concurrent assignments into few writes and fsyncs, each acknowledged only once durable', async () => {
    const journal = createFileJournal(join(dir, 'j'));
    await journal.load();
    await Promise.all(Array.from({ length: 500 }, (_, i) => journal.assign(i, `uuid-${i}`, i)));
    expect(journal.stats.syncs).toBeGreaterThan(0);
    expect(journal.stats.syncs).toBeLessThan(50);
    expect(journal.stats.syncs).toBe(journal.stats.writes);
    await journal.close();
    const state = await createFileJournal(join(dir, 'j')).load();
    expect(state.unfinished).toBe(500);
  });

  it('ignores lines that are not records and refuses to append before load', async () => {
    const path = join(dir, 'j');
    await appendFile(path, 'garbage\n{"t":"x","i":1}\n{"t":"d","i":-1}\n{"t":"d","i":4}\n');
    const journal = createFileJournal(path);
    expect(() => journal.finish(1, 'done')).toThrow(/load/);
    const state = await journal.load();
    expect(state.finished).toBe(1);
    expect(state.isFinished(4)).toBe(true);
    await journal.close();
  });
});

describe('memory journal', () => {
  it('follows the same transitions', async () => {
    const journal = createMemoryJournal();
    const state = await journal.load();
    await journal.assign(5, 'u', 1);
    expect(state.assigned(5)).toEqual({ taskUUID: 'u', fingerprint: 1 });
    journal.finish(5, 'done');
    expect(state.isFinished(5)).toBe(true);
    expect(state.assigned(5)).toBeUndefined();
  });
});
