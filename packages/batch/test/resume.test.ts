/**
 * A single-machine batch killed with SIGKILL at random points and resumed, against a real emulator
 * over real sockets: every task finishes exactly once, and the emulator's captured requests show
 * no taskUUID submitted twice.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32, startTestEmulator, type TestEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJournalLine } from '../src/journal/journal-replay';
import { emulatorFlags, resultLines, spawnCli, waitFor } from './support/cli-process';

let emulator: TestEmulator;
let dir: string;

beforeAll(async () => {
  // Tasks take a while, so a kill always finds some in flight (sent, maybe run, not answered).
  emulator = await startTestEmulator({ latency: { default: 150 } });
  dir = await mkdtemp(join(tmpdir(), 'runware-batch-resume-'));
});

afterAll(async () => {
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A tasks file: image tasks (some with two results), a blank line and two bad lines. */
async function writeTasks(
  path: string,
  count: number,
): Promise<{ taskLines: number[]; badLines: number[]; resultsPerLine: Map<number, number> }> {
  const lines: string[] = [];
  const taskLines: number[] = [];
  const resultsPerLine = new Map<number, number>();
  const badLines: number[] = [];
  for (let i = 0; i < count; i += 1) {
    lines.push(
      JSON.stringify({
        model: 'runware:400@1',
        positivePrompt: `item ${i}`,
        width: 64,
        height: 64,
        ...(i % 7 === 0 ? { numberResults: 2 } : {}),
      }),
    );
    taskLines.push(lines.length);
    resultsPerLine.set(lines.length, i % 7 === 0 ? 2 : 1);
    if (i === 10) {
      lines.push('{"positivePrompt": "no model"}');
      badLines.push(lines.length);
      lines.push('');
      lines.push('{not json');
      badLines.push(lines.length);
    }
  }
  await writeFile(path, `${lines.join('\n')}\n`);
  return { taskLines, badLines, resultsPerLine };
}

const connection = (transport: 'websocket' | 'rest') => emulatorFlags(emulator, transport);

/** taskUUIDs the journal assigned and never saw finish. */
async function unfinishedInJournal(path: string): Promise<string[]> {
  const assigned = new Map<number, string>();
  for (const line of (await readFile(path, 'utf8')).split('\n')) {
    const record = parseJournalLine(line);
    if (record?.t === 'a') assigned.set(record.i, record.u);
    else if (record) assigned.delete(record.i);
  }
  return [...assigned.values()];
}

describe.each(['websocket', 'rest'] as const)('kill -9 and --resume (%s)', (transport) => {
  it('finishes every task exactly once, submitting no taskUUID twice', async () => {
    await emulator.control.reset();
    const seed = Number(process.env.RUNWARE_BATCH_SEED ?? (transport === 'rest' ? 17 : 4));
    const random = mulberry32(seed);
    const tasksPath = join(dir, `tasks-${transport}.jsonl`);
    const out = join(dir, `results-${transport}.jsonl`);
    const { taskLines, badLines, resultsPerLine } = await writeTasks(tasksPath, 240);
    const expectedLines = taskLines.length + badLines.length;
    const base = ['run', tasksPath, '--out', out, '--concurrency', '24', ...connection(transport)];

    let kills = 0;
    const sentAtKill = new Set<string>();
    for (let round = 0; round < 4; round += 1) {
      const before = (await resultLines(out)).length;
      if (before >= expectedLines) break;
      const run = spawnCli(round === 0 ? base : [...base, '--resume']);
      // Kill once between 5 and 60 more lines are written (never waiting for the end).
      const target = Math.min(expectedLines - 1, before + 5 + Math.floor(random() * 55));
      await waitFor(
        async () => (await resultLines(out)).length >= target || run.child.exitCode !== null,
        'results to be written',
      );
      run.child.kill('SIGKILL');
      const exit = await run.exited;
      if (exit.signal === 'SIGKILL') kills += 1;
      // Tasks the kill caught after they reached the service and before their answer was kept.
      const submitted = await emulator.control.submitCounts();
      for (const taskUUID of await unfinishedInJournal(`${out}.journal`))
        if (submitted.has(taskUUID)) sentAtKill.add(taskUUID);
    }
    expect(kills).toBeGreaterThanOrEqual(2);

    const last = spawnCli([...base, '--resume']);
    const exit = await last.exited;
    expect(exit.stderr).not.toContain(emulator.apiKey);
    expect(exit.code, exit.stderr).toBe(0);

    // One line per input line, no repeats; every task done, every bad line skipped.
    const lines = await resultLines(out);
    const byLine = new Map<number, Record<string, unknown>>();
    for (const line of lines) {
      expect(byLine.has(line.line as number), `line ${line.line} written twice`).toBe(false);
      byLine.set(line.line as number, line);
    }
    expect([...byLine.keys()].sort((a, b) => a - b)).toEqual(
      [...taskLines, ...badLines].sort((a, b) => a - b),
    );
    for (const n of taskLines) expect(byLine.get(n)?.status, `line ${n}`).toBe('done');
    for (const n of badLines) expect(byLine.get(n)?.status, `line ${n}`).toBe('skipped');
    for (const n of taskLines) {
      const results = byLine.get(n)?.results as { taskUUID: string }[];
      expect(results, `line ${n}`).toHaveLength(resultsPerLine.get(n) ?? 0);
      for (const item of results) expect(item.taskUUID).toBe(byLine.get(n)?.taskUUID);
    }

    // The service saw each task's taskUUID submitted exactly once, and no other taskUUID.
    const submits = await emulator.control.submitCounts();
    const taskUUIDs = taskLines.map((n) => byLine.get(n)?.taskUUID as string);
    expect(new Set(taskUUIDs).size).toBe(taskLines.length);
    for (const uuid of taskUUIDs) expect(submits.get(uuid) ?? 0, uuid).toBe(1);
    expect([...submits.keys()].filter((uuid) => !taskUUIDs.includes(uuid))).toEqual([]);
    // The kills caught tasks the service had received: they were recovered, not sent again.
    expect(sentAtKill.size).toBeGreaterThan(0);
    for (const taskUUID of sentAtKill) expect(submits.get(taskUUID)).toBe(1);

    // The journal and results never hold the key.
    expect(await readFile(out, 'utf8')).not.toContain(emulator.apiKey);
    expect(await readFile(`${out}.journal`, 'utf8')).not.toContain(emulator.apiKey);
  }, 120_000);
});
