import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The CLI from source, run by Node through tsx: the same `bin.ts` the package builds. */
export const binPath = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));

export interface CliRun {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed) and everything written. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  output(): { stdout: string; stderr: string };
}

export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const child = spawn(process.execPath, ['--import', 'tsx', binPath, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Lines of a results JSONL, parsed (a torn last line is left out: the CLI repairs it on resume). */
export async function resultLines(path: string): Promise<Record<string, unknown>[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return [];
  }
  const lines = text.split('\n');
  lines.pop();
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Waits until `check` holds, checking every 10 ms. */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The connection flags that point the CLI at an emulator (never the real API). */
export function emulatorFlags(
  emulator: { httpUrl: string; wsUrl: string; schemasUrl: string; apiKey: string },
  transport?: 'websocket' | 'rest',
): string[] {
  return [
    ...(transport ? ['--transport', transport] : []),
    '--http-base-url',
    emulator.httpUrl,
    '--ws-base-url',
    emulator.wsUrl,
    '--schemas-base-url',
    emulator.schemasUrl,
    '--api-key',
    emulator.apiKey,
  ];
}
