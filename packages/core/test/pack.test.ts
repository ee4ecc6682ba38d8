import { useEmulator } from '@runware/emulator/testing';
import { describePackTest } from '@runware/pack-check/vitest';
import { afterAll, beforeAll } from 'vitest';

const emulator = useEmulator({ beforeAll, afterAll }, { latency: { default: 5 } });

describePackTest({
  packageDir: new URL('..', import.meta.url),
  // The engine over the smallest fetch transport (core alone has none): one task, then an error
  // mapped to a RunwareError; and the conformance suite's entry point from /testing.
  script: {
    imports: {
      '@runware/core': ['createRunwareClient', 'isRunwareError'],
      '@runware/core/testing': ['runTransportConformance'],
    },
    body: `
const [httpUrl, apiKey] = process.argv.slice(2);
const transport = {
  specificationVersion: 'v1',
  name: 'pack-test',
  capabilities: { streaming: false, push: false, resume: false },
  async send(tasks) {
    const response = await fetch(httpUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + apiKey }, body: JSON.stringify(tasks) });
    const body = await response.json();
    return { data: body.data ?? [], errors: body.errors ?? [], status: response.status };
  },
  async close() {},
};
const client = createRunwareClient({ config: { apiKey }, transport });
const task = { taskType: 'imageInference', model: 'runware:400@1', positivePrompt: 'a kite', width: 16, height: 16, deliveryMethod: 'sync' };
const [image] = await client.run(task);
const error = await client.run({ ...task, model: 'runware:999999@1' }).catch((caught) => caught);
await client.close();
return { taskType: image.taskType, url: typeof image.imageURL, error: isRunwareError(error) && error.code, suite: typeof runTransportConformance };
`,
  },
  args: () => [emulator.httpUrl, emulator.apiKey],
  expected: { taskType: 'imageInference', url: 'string', error: 'notFound', suite: 'function' },
  typed: `
import { createRunwareClient, type RunwareClient, type TransportV1 } from '@runware/core';
import { runTransportConformance, type TransportConformanceManifestV1 } from '@runware/core/testing';
declare const transport: TransportV1;
const client: RunwareClient = createRunwareClient({ config: { apiKey: 'k' }, transport });
const manifest: TransportConformanceManifestV1 = { streaming: false, push: false, resume: false, wire: 'rest', retries: true };
// @ts-expect-error wire is a closed set
const bad: TransportConformanceManifestV1 = { ...manifest, wire: 'carrier-pigeon' };
export const used = [client, manifest, bad, runTransportConformance];
`,
  browser: true,
});
