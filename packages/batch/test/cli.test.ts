/** The `runware-batch run` command as users run it: on a terminal and not, stopped with Ctrl-C, with --download. */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useEmulator } from '@runware/emulator/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { binPath, emulatorFlags, resultLines, spawnCli, waitFor } from './support/cli-process';

const emulator = useEmulator({ beforeAll, afterAll, afterEach }, { latency: { default: 40 } });
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runware-batch-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tasksFile(count: number, extra: string[] = []): Promise<string> {
  const path = join(dir, 'tasks.jsonl');
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ model: 'runware:400@1', positivePrompt: `cli ${i}`, width: 64, height: 64 }),
  );
  await writeFile(path, `${[...lines, ...extra].join('\n')}\n`);
  return path;
}

const connection = () => emulatorFlags(emulator);

/** Runs the CLI on a pseudo-terminal (util-linux `script`), so stdout is a TTY. */
function runOnTty(args: string[]): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, '--import', 'tsx', binPath, ...args]
    .map((a) => `'${a.replaceAll("'", "'\\''")}'`)
    .join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: process.cwd(),
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('runware-batch run', () => {
  it('draws a live progress bar in place on a terminal', async () => {
    const tasks = await tasksFile(60);
    const out = join(dir, 'out.jsonl');
    const { code, output } = await runOnTty([
      'run',
      tasks,
      '--out',
      out,
      '--concurrency',
      '6',
      ...connection(),
    ]);
    expect(code, output).toBe(0);
    // Redrawn in place (carriage return + erase line) more than once, with the bar and the figures.
    expect(output.split('\r\x1b[2K').length).toBeGreaterThan(3);
    expect(output).toMatch(/\[#*-*\]\s+\d+% /);
    expect(output).toContain('[########################] 100% 60/60 · done 60');
    expect(output).toMatch(/in flight \d+\/6/);
    expect(output).toMatch(/ETA \d/);
    expect(output).toMatch(/cost \$\d+\.\d{4}/);
    expect(output).not.toContain('progress: ');
    expect(await resultLines(out)).toHaveLength(60);
  });

  it('prints plain progress lines when stdout is not a terminal, and reports bad lines by number', async () => {
    const tasks = await tasksFile(50, ['{"positivePrompt":"no model"}', 'not json', '[1,2]']);
    const out = join(dir, 'out.jsonl');
    const run = spawnCli([
      'run',
      tasks,
      '--out',
      out,
      '--concurrency',
      '4',
      '--progress-interval',
      '0.2',
      ...connection(),
    ]);
    const { code, stdout, stderr } = await run.exited;
    expect(code, stderr).toBe(0);
    expect(stdout).not.toContain('\r');
    expect(stdout).not.toContain('\x1b[');
    const progress = stdout.split('\n').filter((l) => l.startsWith('progress: '));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toContain('53/53 · done 50 · failed 0 · skipped 3');
    expect(stdout).toContain('finished: 50 done, 0 failed, 3 skipped (3 invalid lines)');
    expect(stderr).toContain('line 51: skipped, the task has no model');
    expect(stderr).toMatch(/line 52: skipped, not JSON/);
    expect(stderr).toContain('line 53: skipped, a task must be a JSON object');
    const skipped = (await resultLines(out)).filter((l) => l.status === 'skipped').map((l) => l.line);
    expect(skipped.sort()).toEqual([51, 52, 53]);
  });

  it('stops cleanly on Ctrl-C with a resumable journal, and --resume finishes in input order', async () => {
    const tasks = await tasksFile(200);
    const out = join(dir, 'out.jsonl');
    const args = ['run', tasks, '--out', out, '--concurrency', '8', '--order', 'input', ...connection()];
    const run = spawnCli(args);
    await waitFor(async () => (await resultLines(out)).length >= 40, 'some results');
    run.child.kill('SIGINT');
    const stopped = await run.exited;
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toContain('stopping cleanly');
    expect(stopped.stdout).toContain('stopped (aborted): run again with --resume');
    const partial = (await resultLines(out)).map((l) => l.line as number);
    // Input order: the lines written form a prefix 1..k.
    expect(partial).toEqual(partial.map((_, i) => i + 1));
    expect(partial.length).toBeLessThan(200);

    const again = spawnCli([...args, '--resume']);
    expect((await again.exited).code).toBe(0);
    const lines = (await resultLines(out)).map((l) => l.line as number);
    expect(lines).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const submits = await emulator.control.submitCounts();
    expect(submits.size).toBe(200);
    expect([...submits.values()].every((n) => n === 1)).toBe(true);
  });

  it('refuses to overwrite an earlier run without --resume', async () => {
    const tasks = await tasksFile(3);
    const out = join(dir, 'out.jsonl');
    expect((await spawnCli(['run', tasks, '--out', out, ...connection()]).exited).code).toBe(0);
    const second = await spawnCli(['run', tasks, '--out', out, ...connection()]).exited;
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('pass --resume');
  });

  it('--download saves each result under a name made of the line and taskUUID only', async () => {
    const tasks = await tasksFile(4, [
      JSON.stringify({
        model: 'runware:400@1',
        positivePrompt: 'two',
        width: 64,
        height: 64,
        numberResults: 2,
      }),
    ]);
    const out = join(dir, 'out.jsonl');
    const media = join(dir, 'media');
    const { code, stderr } = await spawnCli([
      'run',
      tasks,
      '--out',
      out,
      '--download',
      media,
      ...connection(),
    ]).exited;
    expect(code, stderr).toBe(0);
    const files = (await readdir(media)).sort();
    expect(files).toHaveLength(6);
    for (const line of await resultLines(out)) {
      const own = files.filter((f) =>
        f.startsWith(`line-${String(line.line).padStart(6, '0')}-${line.taskUUID}-`),
      );
      expect(own.length).toBe((line.results as unknown[]).length);
      expect(line.files).toEqual(own);
    }
    for (const file of files) expect(file).toMatch(/^line-\d{6}-[0-9a-f-]{36}-\d\.(jpg|png|webp|bin)$/);
    expect((await readFile(join(media, files[0] as string))).byteLength).toBeGreaterThan(0);
  });

  it('--emulator runs a batch with no key and no network, in one command', async () => {
    const tasks = await tasksFile(5);
    const out = join(dir, 'out.jsonl');
    const { code, stdout, stderr } = await spawnCli(['run', tasks, '--out', out, '--emulator'], {
      RUNWARE_API_KEY: '',
    }).exited;
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('an embedded emulator');
    expect(await resultLines(out)).toHaveLength(5);
  });

  it('names what is wrong with the flags, exit code 2', async () => {
    const tasks = await tasksFile(1);
    const cases: [string[], RegExp][] = [
      [['run', tasks], /--out RESULTS.jsonl is required/],
      [
        ['run', tasks, '--out', join(dir, 'o'), '--concurrency', '0', ...connection()],
        /--concurrency must be a whole number/,
      ],
      [
        ['run', tasks, '--out', join(dir, 'o'), '--transport', 'smoke', ...connection()],
        /--transport must be websocket or rest/,
      ],
      [['run', join(dir, 'missing.jsonl'), '--out', join(dir, 'o')], /no such file/],
      [['run', tasks, '--out', join(dir, 'o')], /no API key/],
      [['frobnicate'], /unknown command/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await spawnCli(args, { RUNWARE_API_KEY: '' }).exited;
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
    }
  });
});
