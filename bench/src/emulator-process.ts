import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CapturedRequest, EmulatorOptions, EmulatorStats } from '@runware/emulator';

/** An emulator running in a child process, driven through its HTTP control API. */
export interface BenchEmulator {
  httpUrl: string;
  wsUrl: string;
  schemasUrl: string;
  contentUrl: string;
  controlUrl: string;
  apiKey: string;
  stats(): Promise<EmulatorStats>;
  /** Captured requests after `since` (the emulator keeps the last 2,000). */
  requests(since?: number): Promise<CapturedRequest[]>;
  /** The id of the last captured request: pass it to `requests()` to see only what came after. */
  mark(): Promise<number>;
  /** Drops every task, session and counter and closes every socket. */
  reset(): Promise<void>;
  /** Replaces the active faults (none: `[]`). */
  setFaults(faults: readonly unknown[]): Promise<void>;
  close(): Promise<void>;
}

type HostOptions = Omit<EmulatorOptions, 'log' | 'port' | 'host'>;

const hostScript = fileURLToPath(new URL('./emulator-host.mjs', import.meta.url));

async function control<T>(controlUrl: string, path: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(`${controlUrl}${path}`, {
    method,
    signal: AbortSignal.timeout(30_000),
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  if (!response.ok) throw new Error(`emulator control ${method} ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts `@runware/emulator` in a child process with these options (latency by taskType, …). */
export async function startEmulatorProcess(options: HostOptions = {}): Promise<BenchEmulator> {
  const child = spawn(process.execPath, [hostScript, JSON.stringify(options)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const urls = await new Promise<Record<string, string>>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('the emulator did not start within 30 s')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const newline = buffer.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      resolve(JSON.parse(buffer.slice(0, newline)));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited with ${code} before it was ready`));
    });
  });
  const controlUrl = String(urls.controlUrl);
  const requests = async (since = 0) =>
    (await control<{ requests: CapturedRequest[] }>(controlUrl, `/requests?since=${since}`)).requests;
  return {
    httpUrl: String(urls.httpUrl),
    wsUrl: String(urls.wsUrl),
    schemasUrl: String(urls.schemasUrl),
    contentUrl: String(urls.contentUrl),
    controlUrl,
    apiKey: String(urls.apiKey),
    stats: () => control<EmulatorStats>(controlUrl, '/stats'),
    requests,
    async mark() {
      const list = await requests(0);
      return list.at(-1)?.id ?? 0;
    },
    async reset() {
      await control(controlUrl, '/reset', 'POST');
    },
    async setFaults(faults) {
      await control(controlUrl, '/faults', 'DELETE');
      if (faults.length > 0) await control(controlUrl, '/faults', 'POST', { faults });
    },
    async close() {
      child.stdin?.end();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

/** Starts an emulator, runs `body`, and stops the emulator whatever happens. */
export async function withEmulator<T>(
  options: HostOptions,
  body: (emulator: BenchEmulator) => Promise<T>,
): Promise<T> {
  const emulator = await startEmulatorProcess(options);
  try {
    return await body(emulator);
  } finally {
    await emulator.close();
  }
}
