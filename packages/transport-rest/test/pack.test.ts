import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useEmulator } from '@runware/emulator/testing';
import { describePackTest } from '@runware/pack-check/vitest';
import { afterAll, beforeAll, expect, it } from 'vitest';

const emulator = useEmulator({ beforeAll, afterAll }, { latency: { default: 5 } });

describePackTest({
  packageDir: new URL('..', import.meta.url),
  // Runs one sync task, on the global fetch when undici is not installed.
  script: {
    imports: ['createRestTransport'],
    body: `
const [httpBaseUrl, apiKey] = process.argv.slice(2);
const sources = [];
const transport = createRestTransport({ apiKey, httpBaseUrl, log: (c, m, d) => { if (d && d.fetch) sources.push(d.fetch); } });
const task = { taskType: 'imageInference', taskUUID: crypto.randomUUID(), model: 'runware:400@1', width: 64, height: 64, deliveryMethod: 'sync' };
const result = await transport.send([task]);
await transport.close();
return { name: transport.name, status: result.status, items: result.data.length, sources };
`,
  },
  args: () => [emulator.httpUrl, emulator.apiKey],
  expected: { name: 'rest', status: 200, items: 1, sources: ['global'] },
  typed: `
import type { TransportV1 } from '@runware/core';
import { createRestTransport, type RestTransportOptions } from '@runware/transport-rest';
const options: RestTransportOptions = { apiKey: 'k', retryStrategy: 'linear', log: (category) => void category };
const transport: TransportV1 = createRestTransport(options);
// @ts-expect-error retryStrategy is a closed set
const bad: RestTransportOptions = { apiKey: 'k', retryStrategy: 'fibonacci' };
export const used = [transport, bad];
`,
  browser: true,
  installs: { absent: ['undici'] },
  tests: (consumer) => {
    it('keeps undici an optional peer', async () => {
      const path = join(consumer().dir, 'node_modules/@runware/transport-rest/package.json');
      const manifest = JSON.parse(await readFile(path, 'utf8'));
      expect(manifest.peerDependenciesMeta.undici.optional).toBe(true);
    });
  },
});
