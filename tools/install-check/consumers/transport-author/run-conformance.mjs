// A transport author's project: @runware/core/testing, the emulator and the transport under test
// (here @runware/transport-rest) from their tarballs, run by a minimal runner instead of vitest.
import { runTransportConformance } from '@runware/core/testing';
import { startEmulator } from '@runware/emulator';
import { createRestTransport } from '@runware/transport-rest';

const tests = [];
const hooks = { beforeAll: [], afterAll: [], afterEach: [] };
const path = [];
runTransportConformance(
  {
    describe(name, body) {
      path.push(name);
      body();
      path.pop();
    },
    it: (name, body) => tests.push({ name: [...path, name].join(' > '), body }),
    beforeAll: (body) => hooks.beforeAll.push(body),
    afterAll: (body) => hooks.afterAll.push(body),
    afterEach: (body) => hooks.afterEach.push(body),
  },
  {
    createTransport: ({ apiKey, httpUrl }) =>
      createRestTransport({ apiKey, baseUrl: httpUrl, retryDelayMs: 50 }),
    manifest: { streaming: true, push: false, resume: false, wire: 'rest', retries: true },
    emulator: () => startEmulator({ port: 0 }),
  },
);

const failed = [];
for (const hook of hooks.beforeAll) await hook();
for (const test of tests) {
  try {
    await test.body();
  } catch (error) {
    failed.push(`${test.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const hook of hooks.afterEach) await hook();
}
for (const hook of hooks.afterAll) await hook();
console.log(JSON.stringify({ tests: tests.length, failed }));
