import { spawn } from 'node:child_process';
import { describePackTest, standardShippedFiles } from '@runware/pack-check/vitest';
import { expect, it } from 'vitest';

describePackTest({
  packageDir: new URL('..', import.meta.url),
  // Starts the emulator, runs a task, fetches its image, and counts the submit through /testing.
  script: {
    imports: {
      '@runware/emulator': ['startEmulator'],
      '@runware/emulator/testing': ['createEmulatorControl', 'imageTask'],
    },
    body: `
const emulator = await startEmulator({ port: 0, latency: { default: 1 } });
const task = imageTask({ width: 32, height: 32, deliveryMethod: 'sync' });
const response = await fetch(emulator.httpUrl, {
  method: 'POST',
  headers: { authorization: 'Bearer ' + emulator.apiKey },
  body: JSON.stringify([task]),
});
const body = await response.json();
const image = await fetch(body.data[0].imageURL);
const bytes = (await image.arrayBuffer()).byteLength;
const submits = await createEmulatorControl(emulator).submitsOf(task.taskUUID);
await emulator.stop();
return { status: response.status, type: image.headers.get('content-type'), large: bytes > 100, submits };
`,
  },
  expected: { status: 200, type: 'image/jpeg', large: true, submits: 1 },
  typed: `
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '@runware/emulator';
import { createEmulatorControl, type EmulatorStats, type TestEmulator, useEmulator } from '@runware/emulator/testing';
const options: EmulatorOptions = { port: 0, latency: { default: 5 } };
const running: Promise<RunningEmulator> = startEmulator(options);
const hooks = { beforeAll: (body: () => unknown) => void body, afterAll: (body: () => unknown) => void body };
const emulator: TestEmulator = useEmulator(hooks, options);
const stats: Promise<EmulatorStats> = createEmulatorControl(emulator).stats();
// @ts-expect-error fault kinds are a closed set
const bad = emulator.control.addFaults([{ kind: 'explode' }]);
export const used = [running, stats, bad];
`,
  ships: [...standardShippedFiles, 'assets', 'bin'],
  tests: (consumer) => {
    it('installs the runware-emulator command', async () => {
      const child = spawn(
        `${consumer().dir}/node_modules/.bin/runware-emulator`,
        ['--port', '0', '--quiet'],
        {
          cwd: consumer().dir,
        },
      );
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      expect(JSON.parse(line).httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    });
  },
});
