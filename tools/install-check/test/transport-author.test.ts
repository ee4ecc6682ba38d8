import { type Consumer, consumerTsconfig } from '@runware/pack-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransportAuthorConsumer } from '../src/consumer-projects';

// The conformance suite as a transport author gets it: from the published tarballs, outside the
// workspace, driven by a runner of their own (not vitest).
describe('@runware/core/testing installed from its tarball', () => {
  let consumer: Consumer;
  beforeAll(async () => {
    const tsconfig = { ...JSON.parse(consumerTsconfig()), files: ['typed.mts'] };
    consumer = await createTransportAuthorConsumer(JSON.stringify(tsconfig));
  }, 180_000);
  afterAll(() => consumer?.cleanup());

  it('runs the whole suite against the emulator, and the built-in REST transport passes it', async () => {
    const run = await consumer.node('run-conformance.mjs');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as {
      tests: number;
      failed: string[];
    };
    expect(report.failed).toEqual([]);
    expect(report.tests).toBeGreaterThanOrEqual(20);
  });

  it('loads from CommonJS and type-checks with its public types', async () => {
    const cjs = await consumer.node('require.cjs');
    expect(cjs.stdout.trim()).toBe('function');
    const typecheck = await consumer.typecheck();
    expect(typecheck.stdout + typecheck.stderr).toBe('');
    expect(typecheck.code).toBe(0);
  });
});
