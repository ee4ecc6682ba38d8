import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchEmulator } from './emulator-process';

/** The newest modification time of the files under `dir` (tests aside: they are not built), in ms. */
function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestUnder(path));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The `runware-batch` CLI of `@runware/batch`: the built one (`npm run bench` builds it), unless a
 * source file is newer than it or there is none; then its source through tsx (slower to start,
 * more memory), so a stale build is never measured.
 */
export function batchCli(): { command: string[]; label: string } {
  // Chosen once per bench process, so a rebuild during a run does not mix two CLIs in its figures.
  chosen ??= chooseCli();
  return chosen;
}

let chosen: { command: string[]; label: string } | undefined;

function chooseCli(): { command: string[]; label: string } {
  const root = dirname(createRequire(import.meta.url).resolve('@runware/batch/package.json'));
  const built = join(root, 'dist', 'cli.js');
  const source = join(root, 'src');
  if (existsSync(built) && (!existsSync(source) || statSync(built).mtimeMs >= newestUnder(source)))
    return { command: [built], label: 'dist/cli.js' };
  return {
    command: ['--import', 'tsx', join(source, 'cli', 'bin.ts')],
    label: existsSync(built)
      ? 'src/cli/bin.ts through tsx (dist/ is older than src/)'
      : 'src/cli/bin.ts through tsx',
  };
}

const benchDir = fileURLToPath(new URL('..', import.meta.url));
const rssProbe = fileURLToPath(new URL('./rss-probe.mjs', import.meta.url));

/** The connection flags that point the CLI at the emulator (never the real API). */
export const emulatorFlags = (emulator: BenchEmulator, transport: 'websocket' | 'rest' = 'websocket') => [
  '--transport',
  transport,
  '--http-base-url',
  emulator.httpUrl,
  '--ws-base-url',
  emulator.wsUrl,
  '--schemas-base-url',
  emulator.schemasUrl,
  '--api-key',
  emulator.apiKey,
];

export interface CliProcess {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed) and the signal; never rejects. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last few KB of stdout and stderr, for problem lines. */
  tail(): string;
}

/**
 * Starts `runware-batch ARGS` in a child process (with the RSS probe when `rssOut` is given, and
 * Node flags before the script with `nodeArgs`, e.g. `--cpu-prof`).
 */
export function startCli(
  args: readonly string[],
  options: { rssOut?: string; nodeArgs?: readonly string[] } = {},
): CliProcess {
  const cli = batchCli();
  const preload = options.rssOut ? ['--import', rssProbe] : [];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...preload, ...cli.command, ...args], {
    cwd: benchDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(options.rssOut ? { BENCH_RSS_OUT: options.rssOut } : {}) },
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', (error) => {
      keep(Buffer.from(String(error)));
      resolve({ code: -1, signal: null });
    });
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return { child, exited, tail: () => tail.trim().split('\n').slice(-3).join(' | ') };
}

/** Peak RSS in MiB the probe wrote, or NaN. */
export async function readRssMiB(path: string): Promise<number> {
  try {
    return Number((await readFile(path, 'utf8')).trim()) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** A JSONL file of `count` small sync image tasks, one per line (the prompt numbered, so lines differ). */
export async function writeTasksFile(path: string, count: number): Promise<void> {
  const handle = await open(path, 'w');
  try {
    const chunk: string[] = [];
    for (let i = 1; i <= count; i++) {
      chunk.push(
        `{"model":"runware:400@1","positivePrompt":"bench ${i}","width":64,"height":64,"deliveryMethod":"sync"}\n`,
      );
      if (chunk.length === 10_000 || i === count) {
        await handle.write(chunk.join(''));
        chunk.length = 0;
      }
    }
  } finally {
    await handle.close();
  }
}

/**
 * Counts the complete lines of a growing file cheaply: reads only what was appended since the last
 * call. (For a file only appended to while it is watched.)
 */
export function lineCounter(path: string): () => Promise<number> {
  let offset = 0;
  let lines = 0;
  const buffer = Buffer.alloc(1 << 20);
  return async () => {
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      return 0;
    }
    if (size <= offset) return lines;
    const handle = await open(path, 'r');
    try {
      while (offset < size) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - offset), offset);
        if (bytesRead === 0) break;
        let last = -1;
        for (let at = buffer.indexOf(10, 0); at >= 0 && at < bytesRead; at = buffer.indexOf(10, at + 1)) {
          lines += 1;
          last = at;
        }
        // Stop after the last complete line: a torn tail is read again once it is whole.
        if (last < 0) break;
        offset += last + 1;
      }
    } finally {
      await handle.close();
    }
    return lines;
  };
}

/** Per input line (1-based), how many result lines name it, and how many were not `done`. */
export async function checkResults(
  path: string,
  count: number,
): Promise<{ missing: number; repeated: number; notDone: number; stray: number }> {
  const seen = new Uint8Array(count + 1);
  let repeated = 0;
  let notDone = 0;
  let stray = 0;
  const text = existsSync(path) ? await readFile(path, 'utf8') : '';
  for (const line of text.split('\n')) {
    if (line === '') continue;
    let entry: { line?: unknown; status?: unknown };
    try {
      entry = JSON.parse(line) as { line?: unknown; status?: unknown };
    } catch {
      stray += 1;
      continue;
    }
    const index = entry.line;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 1 || index > count) {
      stray += 1;
      continue;
    }
    if (seen[index] === 1) repeated += 1;
    seen[index] = 1;
    if (entry.status !== 'done') notDone += 1;
  }
  let missing = 0;
  for (let i = 1; i <= count; i++) if (seen[i] !== 1) missing += 1;
  return { missing, repeated, notDone, stray };
}
