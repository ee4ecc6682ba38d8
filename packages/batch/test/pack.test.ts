import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useEmulator } from '@runware/emulator/testing';
import { describePackTest } from '@runware/pack-check/vitest';
import { afterAll, beforeAll, expect, it } from 'vitest';

const emulator = useEmulator({ beforeAll, afterAll }, { latency: { default: 5 } });

describePackTest({
  packageDir: new URL('..', import.meta.url),
  // runBatch over the SDK from the tarballs: three tasks and one that is not a task.
  script: {
    imports: { '@runware/batch': ['runBatch'], '@runware/sdk': ['createClient'] },
    body: `
const [apiKey, httpBaseUrl, wsBaseUrl, schemasBaseUrl] = process.argv.slice(2);
const client = await createClient({ apiKey, httpBaseUrl, wsBaseUrl, schemasBaseUrl });
const tasks = [1, 2, 3].map((i) => ({ model: 'runware:400@1', positivePrompt: 'p' + i, width: 64, height: 64 }));
const summary = await runBatch(client, [...tasks, { positivePrompt: 'no model' }], { concurrency: 2 });
await client.close();
return { done: summary.done, skipped: summary.skipped, invalid: summary.invalid, cost: summary.cost > 0 };
`,
  },
  args: () => [emulator.apiKey, emulator.httpUrl, emulator.wsUrl, emulator.schemasUrl],
  expected: { done: 3, skipped: 1, invalid: 1, cost: true },
  typed: `
import { type BatchSummary, createFileJournal, type RunBatchOptions, runBatch } from '@runware/batch';
const options: RunBatchOptions = { journal: createFileJournal('j'), concurrency: 4, onResult: (r) => r.taskUUID };
// @ts-expect-error concurrency is a number
const bad: RunBatchOptions = { concurrency: 'many' };
export const used: [RunBatchOptions, RunBatchOptions, typeof runBatch, BatchSummary | undefined] = [options, bad, runBatch, undefined];
`,
  installs: { present: ['@runware/sdk', 'bullmq'] },
  tests: (installed) => {
    it('runs the installed runware-batch executable (bin link, shebang) against an embedded emulator', async () => {
      const consumer = installed();
      await writeFile(
        join(consumer.dir, 'tasks.jsonl'),
        '{"model":"runware:400@1","positivePrompt":"a","width":64,"height":64}\n',
      );
      const bin = join(consumer.dir, 'node_modules', '.bin', 'runware-batch');
      const run = await consumer.run(bin, ['run', 'tasks.jsonl', '--out', 'out.jsonl', '--emulator']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('finished: 1 done, 0 failed');
    });
  },
});
