/**
 * The distributed mode end to end: a real redis-server, the real emulator over real sockets, and
 * the CLI in separate processes (enqueue, three workers, collect), one of them killed with SIGKILL
 * while it has tasks in flight.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageTask, startTestEmulator, type TestEmulator } from '@runware/emulator/testing';
import { type Job, Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queueConnection } from '../src/queue/queue-connection';
import type { QueueJobData, QueueJobResult } from '../src/queue/queue-job';
import { type CliRun, spawnCli, waitFor } from './support/cli-process';
import { startRedisServer, type TestRedis } from './support/redis-server';

/** A key only this test knows, looked for afterwards in Redis and in every process's output. */
const apiKey = `batch-queue-test-${randomBytes(12).toString('hex')}`;

const started: CliRun[] = [];
function cli(args: string[]): CliRun {
  const run = spawnCli(args, { RUNWARE_API_KEY: apiKey, RUNWARE_BATCH_REDIS: '' });
  started.push(run);
  return run;
}

let redis: TestRedis;
let dir: string;
const queues: Queue[] = [];
const emulators: TestEmulator[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  dir = await mkdtemp(join(tmpdir(), 'runware-batch-queue-'));
});

afterEach(async () => {
  for (const run of started.splice(0))
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
  await Promise.all(queues.splice(0).map((queue) => queue.close()));
  await Promise.all(emulators.splice(0).map((emulator) => emulator.close()));
});

afterAll(async () => {
  await redis?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function openQueue(name: string): Queue<QueueJobData, QueueJobResult> {
  const queue = new Queue<QueueJobData, QueueJobResult>(name, { connection: queueConnection(redis.url) });
  queues.push(queue);
  return queue;
}

/** A JSONL of `count` small image tasks (every 10th asks for 2 results), with bad lines where asked. */
async function writeTasks(file: string, count: number, bad: Record<number, string> = {}): Promise<number[]> {
  const lines: string[] = [];
  const taskLines: number[] = [];
  for (let i = 0; i < count; i += 1) {
    while (bad[lines.length + 1] !== undefined) lines.push(bad[lines.length + 1] as string);
    const { taskUUID: _, ...task } = imageTask({
      width: 64,
      height: 64,
      positivePrompt: `lighthouse ${i}`,
      ...(i % 10 === 3 ? { numberResults: 2 } : {}),
    });
    lines.push(JSON.stringify(task));
    taskLines.push(lines.length);
  }
  await writeFile(file, `${lines.join('\n')}\n`);
  return taskLines;
}

function workerArgs(emulator: TestEmulator, queueName: string, name: string, extra: string[] = []): string[] {
  return [
    'worker',
    '--redis',
    redis.url,
    '--queue',
    queueName,
    '--transport',
    'rest',
    '--http-base-url',
    emulator.httpUrl,
    '--schemas-base-url',
    emulator.schemasUrl,
    '--name',
    name,
    '--lock-duration',
    '2000',
    '--stalled-interval',
    '1000',
    '--report-every',
    '10',
    ...extra,
  ];
}

/** Every string stored in Redis, whatever the key's type. */
async function everythingInRedis(queue: Queue): Promise<string> {
  const client = await queue.client;
  const keys = (await client.runCommand('keys', ['*'])) as string[];
  const parts: string[] = [];
  for (const key of keys) {
    const type = (await client.runCommand('type', [key])) as string;
    const read: Record<string, [string, unknown[]]> = {
      string: ['get', [key]],
      hash: ['hgetall', [key]],
      list: ['lrange', [key, 0, -1]],
      set: ['smembers', [key]],
      zset: ['zrange', [key, 0, -1]],
      stream: ['xrange', [key, '-', '+']],
    };
    const command = read[type];
    if (command) parts.push(key, JSON.stringify(await client.runCommand(command[0], command[1])));
  }
  return parts.join('\n');
}

describe('runware-batch enqueue / worker / collect on BullMQ', () => {
  it('runs every task exactly once across three workers while one is killed with SIGKILL', async () => {
    const emulator = await startTestEmulator({
      apiKeys: [apiKey],
      onlyTheseKeys: true,
      latency: { imageInference: 300 },
    });
    emulators.push(emulator);
    const queueName = 'kill-test';
    const input = join(dir, 'tasks.jsonl');
    const out = join(dir, 'results.jsonl');
    const taskLines = await writeTasks(input, 150, {
      41: 'this is not JSON {',
      92: '{"positivePrompt":"no model"}',
    });
    const queueArgs = ['--redis', redis.url, '--queue', queueName];

    const enqueue = cli(['enqueue', input, ...queueArgs]);
    expect((await enqueue.exited).code, enqueue.output().stderr).toBe(0);
    expect(enqueue.output().stderr).toMatch(/^line 41: not JSON/m);
    expect(enqueue.output().stderr).toMatch(/^line 92: the task has no model/m);
    expect(enqueue.output().stdout).toContain('enqueued 150 task(s)');

    const queue = openQueue(queueName);
    const jobs = (await queue.getJobs(['waiting'], 0, -1)) as Job<QueueJobData, QueueJobResult>[];
    expect(jobs.map((job) => job.data.line).sort((a, b) => a - b)).toEqual(taskLines);
    const uuidOfLine = new Map(jobs.map((job) => [job.data.line, job.data.taskUUID]));
    expect(new Set(uuidOfLine.values()).size).toBe(150);

    // The same file again adds nothing and keeps the taskUUIDs.
    const again = cli(['enqueue', input, ...queueArgs]);
    expect((await again.exited).code, again.output().stderr).toBe(0);
    expect(again.output().stdout).toContain('enqueued 0 task(s)');
    expect(again.output().stdout).toContain('150 already queued');
    const jobsAfter = (await queue.getJobs(['waiting'], 0, -1)) as Job<QueueJobData, QueueJobResult>[];
    expect(new Map(jobsAfter.map((job) => [job.data.line, job.data.taskUUID]))).toEqual(uuidOfLine);

    const workers = ['w0', 'w1', 'w2'].map((name) =>
      cli(workerArgs(emulator, queueName, name, ['--concurrency', '4'])),
    );
    const [victim, ...survivors] = workers as [CliRun, CliRun, CliRun];

    // Once some tasks are done, kill w0 while it holds jobs (their tasks sent, not answered yet).
    let victimJobs: string[] = [];
    await waitFor(async () => {
      if (((await queue.getJobCounts('completed')).completed ?? 0) < 15) return false;
      const active = await queue.getJobs(['active']);
      victimJobs = active.filter((job) => job?.processedBy === 'w0').map((job) => job.id as string);
      return victimJobs.length > 0;
    }, 'w0 to hold jobs after 15 completions');
    victim.child.kill('SIGKILL');
    expect((await victim.exited).signal).toBe('SIGKILL');
    // What had reached the service when the worker died (its other jobs may not have been sent yet).
    const submittedAtKill = await emulator.control.submitCounts();

    await waitFor(
      async () => ((await queue.getJobCounts('completed')).completed ?? 0) === 150,
      'the two other workers to finish every job',
      40_000,
    );
    expect((await queue.getJobCounts('failed')).failed).toBe(0);

    // The killed worker's jobs stalled and were recovered by another worker, not sent again.
    const handedOver = await Promise.all(victimJobs.map((id) => queue.getJob(id)));
    const recoveredByOthers = handedOver.filter(
      (job) =>
        job && job.stalledCounter > 0 && job.processedBy !== 'w0' && job.returnvalue?.status === 'done',
    );
    expect(recoveredByOthers.length).toBeGreaterThan(0);
    // A handed-over job the service had already received was recovered, never sent again.
    for (const job of recoveredByOthers)
      if (job && submittedAtKill.has(job.data.taskUUID))
        expect(job.returnvalue, job.data.taskUUID).toMatchObject({ status: 'done', recovered: true });

    // Ctrl-C-like stop: the survivors end cleanly.
    for (const worker of survivors) worker.child.kill('SIGTERM');
    for (const worker of survivors) expect((await worker.exited).code, worker.output().stderr).toBe(0);

    const collect = cli(['collect', ...queueArgs, '--out', out, '--wait']);
    expect((await collect.exited).code, collect.output().stderr).toBe(0);
    const results = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(results.map((r) => r.line).sort((a, b) => Number(a) - Number(b))).toEqual(
      [...taskLines, 41, 92].sort((a, b) => a - b),
    );
    for (const result of results) {
      if (result.line === 41 || result.line === 92) {
        expect(result).toMatchObject({ status: 'skipped', error: { code: 'invalidInput' } });
        continue;
      }
      expect(result.status).toBe('done');
      expect(result.taskUUID).toBe(uuidOfLine.get(result.line as number));
      const expected = taskLines.indexOf(result.line as number) % 10 === 3 ? 2 : 1;
      expect((result.results as unknown[]).length).toBe(expected);
    }

    // Collecting again writes nothing new.
    const recollect = cli(['collect', ...queueArgs, '--out', out]);
    expect((await recollect.exited).code, recollect.output().stderr).toBe(0);
    expect(recollect.output().stdout).toContain('wrote 0 line(s)');
    expect((await readFile(out, 'utf8')).trim().split('\n')).toHaveLength(152);

    // Every enqueued taskUUID reached the service exactly once: none twice, none missing.
    const submits = await emulator.control.submitCounts();
    expect(new Set(submits.keys())).toEqual(new Set(uuidOfLine.values()));
    for (const [taskUUID, count] of submits) expect(count, taskUUID).toBe(1);
    // The handed-over jobs were asked about (getResponse) before anything else.
    const polled = await Promise.all(
      recoveredByOthers
        .filter((job) => submittedAtKill.has((job as Job<QueueJobData>).data.taskUUID))
        .map((job) => emulator.control.pollsOf((job as Job<QueueJobData>).data.taskUUID)),
    );
    expect(polled.every((n) => n > 0)).toBe(true);

    // The API key is nowhere in Redis nor in any output.
    expect(await everythingInRedis(queue)).not.toContain(apiKey);
    for (const run of started) expect(run.output().stdout + run.output().stderr).not.toContain(apiKey);
  });

  it('holds a global concurrency across workers', async () => {
    const emulator = await startTestEmulator({
      apiKeys: [apiKey],
      onlyTheseKeys: true,
      latency: { imageInference: 150 },
    });
    emulators.push(emulator);
    const queueName = 'global-concurrency-test';
    const input = join(dir, 'limited.jsonl');
    await writeTasks(input, 24);
    const queue = openQueue(queueName);
    const workers = ['g0', 'g1', 'g2'].map((name) =>
      cli(workerArgs(emulator, queueName, name, ['--concurrency', '4', '--global-concurrency', '2'])),
    );
    // All three are taking jobs before there are any.
    await waitFor(
      async () => workers.every((worker) => worker.output().stdout.includes(' on queue ')),
      'the workers',
    );
    const enqueue = cli(['enqueue', input, '--redis', redis.url, '--queue', queueName]);
    expect((await enqueue.exited).code, enqueue.output().stderr).toBe(0);
    let mostActive = 0;
    await waitFor(async () => {
      const counts = await queue.getJobCounts('active', 'completed');
      mostActive = Math.max(mostActive, counts.active ?? 0);
      return counts.completed === 24;
    }, 'every job');
    for (const worker of workers) worker.child.kill('SIGTERM');
    for (const worker of workers) expect((await worker.exited).code, worker.output().stderr).toBe(0);

    // Sampled while running, and exactly from the jobs' [processedOn, finishedOn) spans (stamped
    // by the workers in Redis): never more than 2 jobs in flight across the three workers.
    expect(mostActive).toBeLessThanOrEqual(2);
    const completed = await queue.getJobs(['completed'], 0, -1);
    const edges = completed
      .flatMap((job) => [
        [job?.processedOn ?? 0, 1],
        [job?.finishedOn ?? 0, -1],
      ])
      // At the same millisecond a job ends before the next one starts.
      .sort((x, y) => (x[0] as number) - (y[0] as number) || (x[1] as number) - (y[1] as number));
    let inFlight = 0;
    let mostInFlight = 0;
    for (const [, step] of edges) {
      inFlight += step as number;
      mostInFlight = Math.max(mostInFlight, inFlight);
    }
    expect(mostInFlight).toBe(2);
    const submits = await emulator.control.submitCounts();
    expect(submits.size).toBe(24);
    for (const count of submits.values()) expect(count).toBe(1);
    // (Which worker ran which job is BullMQ's choice: a worker that finishes a job takes the next
    // one in the same Redis call, so one worker may run them all. Without the limit, the three
    // workers run 12 at once.)
  });
});
