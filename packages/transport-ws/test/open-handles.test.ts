import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { useEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

const emulator = useEmulator({ beforeAll, afterAll }, { latency: { default: 5 } });

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));

// Connects, runs a sync and an async task, leaves one pending, disconnects, and then must exit on its own.
const script = `
const { createWebSocketTransport } = await import(process.argv[1]);
const [url, apiKey] = process.argv.slice(2);
const transport = createWebSocketTransport({ apiKey, wsBaseUrl: url, heartbeatInterval: 50 });
await transport.connect();
const task = (deliveryMethod) => ({ taskType: 'imageInference', taskUUID: crypto.randomUUID(), model: 'runware:400@1', width: 16, height: 16, deliveryMethod });
const sync = await transport.send([task('sync')]);
const ack = await transport.send([task('async')]);
const pending = transport.send([task('sync')]).catch((e) => e.rawCode);
await transport.disconnect();
console.log(JSON.stringify({ sync: sync.data.length, ack: ack.data.length, pending: await pending }));
`;

it('leaves no open handle: a process that only used the transport exits promptly after disconnect', async () => {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', script, dist, emulator.wsUrl, emulator.apiKey],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const started = Date.now();
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, 5000);
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  const elapsed = Date.now() - started;
  console.info(`child process ran a task and exited ${elapsed} ms after start`);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(JSON.parse(stdout)).toEqual({ sync: 1, ack: 1, pending: 'disconnected' });
  expect(elapsed).toBeLessThan(3000);
});
