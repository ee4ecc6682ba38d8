import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BatchJournal, createFileJournal, createMemoryJournal, runBatch } from '@runware/batch';
import type { EmulatorStats } from '@runware/emulator';
import {
  batchCli,
  checkResults,
  emulatorFlags,
  lineCounter,
  readRssMiB,
  startCli,
  writeTasksFile,
} from '../batch-cli';
import { benchClient } from '../clients';
import { type BenchEmulator, withEmulator } from '../emulator-process';
import { median, metric, RunSamples, sleep } from '../metrics';
import { describeError, type ScenarioContext, type ScenarioRun } from '../scenario';

export interface BatchConfig {
  /** Tasks per measurement (N); the second RSS run has N/10. */
  tasks: number;
  /** Tasks in flight at once, in every loop and the CLI. */
  concurrency: number;
  /** Rounds of the three in-process loops per run: a run's figures are the medians of its rounds. */
  rounds: number;
}

export const batchGoals = { journalOverheadPercent: 10, peakRssMiB: 200 };

/** Tasks run on each client before the clock starts (JIT, socket, emulator caches). */
const warmUpTasks = 100;
/** A measurement or CLI run that takes longer than this has hung. */
const runTimeoutMs = 600_000;

/** The i-th task (0-based): a small sync image task, the prompt numbered like the CLI's task file. */
const taskOf = (i: number) => ({
  model: 'runware:400@1',
  positivePrompt: `bench ${i + 1}`,
  width: 64,
  height: 64,
  deliveryMethod: 'sync',
});

function* tasks(count: number) {
  for (let i = 0; i < count; i++) yield taskOf(i);
}

/** Keeps `concurrency` calls of `one(i)` in flight until `total` have finished. */
async function pool(total: number, concurrency: number, one: (i: number) => Promise<void>): Promise<void> {
  let started = 0;
  const worker = async () => {
    while (started < total) {
      const i = started;
      started += 1;
      await one(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
}

/** Image tasks the emulator received (every task element, a refused repeat included). */
const submitted = (stats: EmulatorStats) => stats.tasks.byTaskType.imageInference ?? 0;
const conflicts = (stats: EmulatorStats) => stats.errors.conflictTaskUUID ?? 0;

type Loop = 'bare' | 'memory' | 'journal';
const loopLabel: Record<Loop, string> = {
  bare: 'bare client.run() loop',
  memory: 'runBatch, in-memory journal',
  journal: 'runBatch, file journal',
};

interface LoopResult {
  rate: number;
  journalStats?: { writes: number; syncs: number; bytes: number };
}

/** One in-process measurement: N tasks over one WebSocket client at the configured concurrency. */
async function measureLoop(
  loop: Loop,
  emulator: BenchEmulator,
  config: BatchConfig,
  journalPath: string,
  ctx: ScenarioContext,
): Promise<LoopResult> {
  await emulator.reset();
  const client = await benchClient(emulator, 'ws');
  let journal: (BatchJournal & { stats?: { writes: number; syncs: number; bytes: number } }) | undefined;
  try {
    await client.connect();
    let failed = 0;
    const warm = (i: number) =>
      client.run({ ...taskOf(i), deliveryMethod: 'sync' } as never).then(
        () => undefined,
        (error: unknown) => {
          ctx.problem(`batch ${loop} warm-up: ${describeError(error)}`);
        },
      );
    await pool(warmUpTasks, config.concurrency, warm);
    const before = await emulator.stats();
    const start = performance.now();
    if (loop === 'bare') {
      // includeCost as runBatch asks for it, so the emulator does the same work for both.
      await pool(config.tasks, config.concurrency, (i) =>
        client.run({ ...taskOf(i), deliveryMethod: 'sync', includeCost: true } as never).then(
          () => undefined,
          (error: unknown) => {
            failed += 1;
            if (failed <= 3) ctx.problem(`batch bare loop: ${describeError(error)}`);
          },
        ),
      );
    } else {
      journal = loop === 'journal' ? createFileJournal(journalPath) : createMemoryJournal();
      const summary = await runBatch(client, tasks(config.tasks), {
        journal,
        concurrency: config.concurrency,
      });
      failed = config.tasks - summary.done;
      if (summary.failed > 0 || summary.done !== config.tasks)
        ctx.problem(
          `batch ${loop}: ${summary.done} of ${config.tasks} done, ${summary.failed} failed ${JSON.stringify(summary.failedByCode)}${summary.stopped ? `, stopped: ${summary.stopped}` : ''}`,
        );
    }
    const ms = performance.now() - start;
    const after = await emulator.stats();
    const sent = submitted(after) - submitted(before);
    if (failed > 0 && loop === 'bare') ctx.problem(`batch bare loop: ${failed} of ${config.tasks} failed`);
    if (sent !== config.tasks || conflicts(after) !== conflicts(before))
      ctx.problem(
        `batch ${loop}: the emulator received ${sent} tasks for ${config.tasks} (${conflicts(after) - conflicts(before)} refused repeats)`,
      );
    const result: LoopResult = { rate: (config.tasks * 1000) / ms };
    if (journal) {
      await journal.close();
      if (journal.stats) result.journalStats = { ...journal.stats };
    }
    return result;
  } finally {
    await client.close();
  }
}

/** Waits for a CLI run, bounded; a run that hangs is killed and reported. */
async function finished(cli: ReturnType<typeof startCli>, what: string, ctx: ScenarioContext) {
  const timer = setTimeout(() => {
    ctx.problem(`${what}: still running after ${runTimeoutMs / 1000} s, killed`);
    cli.child.kill('SIGKILL');
  }, runTimeoutMs);
  const exit = await cli.exited;
  clearTimeout(timer);
  if (exit.code !== 0) ctx.problem(`${what}: exit ${exit.code ?? exit.signal}: ${cli.tail()}`);
  return exit;
}

/** `runware-batch run` over a file of `count` tasks: peak RSS (MiB) and tasks/s including start-up. */
async function cliRun(
  emulator: BenchEmulator,
  config: BatchConfig,
  dir: string,
  file: string,
  count: number,
  tag: string,
  ctx: ScenarioContext,
): Promise<{ rssMiB: number; rate: number }> {
  await emulator.reset();
  const out = join(dir, `${tag}.results.jsonl`);
  const rssOut = join(dir, `${tag}.rss`);
  const start = performance.now();
  const cli = startCli(
    ['run', file, '--out', out, '--concurrency', String(config.concurrency), ...emulatorFlags(emulator)],
    { rssOut },
  );
  await finished(cli, `batch CLI run of ${count}`, ctx);
  const ms = performance.now() - start;
  const check = await checkResults(out, count);
  if (check.missing + check.repeated + check.notDone + check.stray > 0)
    ctx.problem(`batch CLI run of ${count}: results ${JSON.stringify(check)}`);
  const stats = await emulator.stats();
  if (submitted(stats) !== count || conflicts(stats) > 0)
    ctx.problem(
      `batch CLI run of ${count}: the emulator received ${submitted(stats)} tasks (${conflicts(stats)} refused repeats)`,
    );
  const rssMiB = await readRssMiB(rssOut);
  if (!Number.isFinite(rssMiB)) ctx.problem(`batch CLI run of ${count}: no peak RSS from the probe`);
  await rm(out, { force: true });
  await rm(`${out}.journal`, { force: true });
  return { rssMiB, rate: (count * 1000) / ms };
}

interface ResumeResult {
  resumeMs: number;
  firstResultMs: number;
  /** Lines of the task file without exactly one result line, plus stray or unparsable lines. */
  badLines: number;
  /** Submissions beyond one per task, and repeats the emulator refused. */
  duplicates: number;
  recovered: number;
  atKill: number;
}

/** `run`, SIGKILL once half the results are written, then `run --resume` to the end. */
async function resumeRun(
  emulator: BenchEmulator,
  config: BatchConfig,
  dir: string,
  file: string,
  tag: string,
  ctx: ScenarioContext,
): Promise<ResumeResult> {
  await emulator.reset();
  const out = join(dir, `${tag}.results.jsonl`);
  const args = [
    'run',
    file,
    '--out',
    out,
    '--concurrency',
    String(config.concurrency),
    ...emulatorFlags(emulator),
  ];
  const half = Math.ceil(config.tasks / 2);
  const count = lineCounter(out);
  const first = startCli(args);
  let exitedEarly = false;
  void first.exited.then(() => {
    exitedEarly = true;
  });
  while (!exitedEarly && (await count()) < half) await sleep(5);
  if (exitedEarly) ctx.problem(`batch resume: the first run exited before ${half} results: ${first.tail()}`);
  first.child.kill('SIGKILL');
  await first.exited;
  const atKill = await count();

  const start = performance.now();
  const second = startCli([...args, '--resume']);
  let firstResultMs = Number.NaN;
  let done = false;
  void second.exited.then(() => {
    done = true;
  });
  while (!done) {
    if ((await count()) > atKill) {
      firstResultMs = performance.now() - start;
      break;
    }
    await sleep(2);
  }
  await finished(second, 'batch CLI run --resume', ctx);
  const resumeMs = performance.now() - start;
  if (Number.isNaN(firstResultMs) && (await count()) > atKill) firstResultMs = resumeMs;

  const check = await checkResults(out, config.tasks);
  const stats = await emulator.stats();
  const duplicates = Math.max(0, submitted(stats) - config.tasks) + conflicts(stats);
  const badLines = check.missing + check.repeated + check.stray;
  if (badLines + check.notDone > 0) ctx.problem(`batch resume: results ${JSON.stringify(check)}`);
  if (duplicates > 0 || submitted(stats) !== config.tasks)
    ctx.problem(
      `batch resume: the emulator received ${submitted(stats)} tasks for ${config.tasks} (${conflicts(stats)} refused repeats)`,
    );
  const recovered = Number(/(\d+) recovered/.exec(second.tail())?.[1] ?? Number.NaN);
  await rm(out, { force: true });
  await rm(`${out}.journal`, { force: true });
  return { resumeMs, firstResultMs, badLines, duplicates, recovered, atKill };
}

/**
 * Batches (issue 17): what the crash-safe journal costs `runBatch` (against the same loop with the
 * in-memory journal and a bare `client.run()` loop), the CLI's peak memory over a big task file,
 * and a `kill -9` at half way resumed to the end without a task sent twice.
 */
export const runBatchBench: ScenarioRun<BatchConfig> = async (config, ctx) => {
  const samples = new RunSamples();
  const small = Math.max(1, Math.round(config.tasks / 10));
  const dir = await mkdtemp(join(tmpdir(), 'runware-bench-batch-'));
  const bigFile = join(dir, 'tasks.jsonl');
  const smallFile = join(dir, 'tasks-small.jsonl');
  try {
    await writeTasksFile(bigFile, config.tasks);
    await writeTasksFile(smallFile, small);
    ctx.log(`batch: the CLI is ${batchCli().label}`);
    await withEmulator({ latency: { imageInference: 0 } }, async (emulator) => {
      for (let run = 1; run <= ctx.runs; run++) {
        const perRound: Record<Loop | 'overhead' | 'batch/bare' | 'writes' | 'syncs' | 'bytes', number[]> = {
          bare: [],
          memory: [],
          journal: [],
          overhead: [],
          'batch/bare': [],
          writes: [],
          syncs: [],
          bytes: [],
        };
        for (let round = 0; round < config.rounds; round++) {
          // The two runBatch loops always back to back (the overhead compares them), and which of the
          // three goes first alternates, so a drift of the (shared) machine favours none.
          const forward = (run + round) % 2 === 1;
          const order: Loop[] = forward ? ['bare', 'memory', 'journal'] : ['journal', 'memory', 'bare'];
          const rates: Partial<Record<Loop, number>> = {};
          for (const loop of order) {
            ctx.log(
              `batch: run ${run}/${ctx.runs}, round ${round + 1}/${config.rounds}, ${config.tasks} tasks, ${loopLabel[loop]}`,
            );
            const journalPath = join(dir, `journal-${run}-${round}.jsonl`);
            const result = await measureLoop(loop, emulator, config, journalPath, ctx);
            await rm(journalPath, { force: true });
            rates[loop] = result.rate;
            perRound[loop].push(result.rate);
            if (result.journalStats) {
              perRound.writes.push((result.journalStats.writes * 1000) / config.tasks);
              perRound.syncs.push((result.journalStats.syncs * 1000) / config.tasks);
              perRound.bytes.push(result.journalStats.bytes / config.tasks);
            }
          }
          perRound.overhead.push((1 - (rates.journal ?? Number.NaN) / (rates.memory ?? Number.NaN)) * 100);
          perRound['batch/bare'].push((rates.memory ?? Number.NaN) / (rates.bare ?? Number.NaN));
        }
        // A run's figures are the medians of its rounds.
        for (const [key, values] of Object.entries(perRound)) samples.add(key, median(values));

        ctx.log(`batch: run ${run}/${ctx.runs}, CLI run over ${small} and ${config.tasks} tasks (peak RSS)`);
        const smallRun = await cliRun(emulator, config, dir, smallFile, small, `rss-small-${run}`, ctx);
        const bigRun = await cliRun(emulator, config, dir, bigFile, config.tasks, `rss-big-${run}`, ctx);
        samples.add('rss small', smallRun.rssMiB);
        samples.add('rss big', bigRun.rssMiB);
        samples.add('cli rate', bigRun.rate);

        ctx.log(
          `batch: run ${run}/${ctx.runs}, CLI run killed at ${Math.ceil(config.tasks / 2)} results, resumed`,
        );
        const resumed = await resumeRun(emulator, config, dir, bigFile, `resume-${run}`, ctx);
        samples.add('resume', resumed.resumeMs);
        samples.add('first result', resumed.firstResultMs);
        samples.add('bad lines', resumed.badLines);
        samples.add('duplicates', resumed.duplicates);
        samples.add('recovered', resumed.recovered);
        samples.add('at kill', resumed.atKill);
      }
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const n = config.tasks.toLocaleString('en-US');
  const c = config.concurrency;
  const s = '8 batch';
  return [
    metric(s, `${loopLabel.bare}, ${n} WS sync tasks, concurrency ${c}`, 'tasks/s', samples.get('bare')),
    metric(s, `${loopLabel.memory}, same tasks`, 'tasks/s', samples.get('memory')),
    metric(s, `${loopLabel.journal} (fsync), same tasks`, 'tasks/s', samples.get('journal')),
    metric(
      s,
      'journal overhead, 1 − file/in-memory',
      '%',
      samples.get('overhead'),
      { op: '<=', value: batchGoals.journalOverheadPercent },
      'per round, from its two runBatch loops, back to back',
    ),
    metric(
      s,
      'runBatch (in-memory) / bare loop',
      '×',
      samples.get('batch/bare'),
      undefined,
      'what the batch code costs',
    ),
    metric(
      s,
      'journal write calls per 1,000 tasks',
      'writes',
      samples.get('writes'),
      undefined,
      'group commit',
    ),
    metric(s, 'journal fsyncs per 1,000 tasks', 'fsyncs', samples.get('syncs')),
    metric(s, 'journal bytes per task', 'B', samples.get('bytes')),
    metric(s, `CLI run peak RSS, ${small.toLocaleString('en-US')} tasks`, 'MiB', samples.get('rss small'), {
      op: '<=',
      value: batchGoals.peakRssMiB,
    }),
    metric(s, `CLI run peak RSS, ${n} tasks`, 'MiB', samples.get('rss big'), {
      op: '<=',
      value: batchGoals.peakRssMiB,
    }),
    metric(
      s,
      `CLI run, ${n} tasks, start to exit`,
      'tasks/s',
      samples.get('cli rate'),
      undefined,
      'results and journal fsynced',
    ),
    metric(s, 'results written when killed (kill -9)', 'lines', samples.get('at kill')),
    metric(s, 'run --resume after kill -9 at 50 %: start to exit', 'ms', samples.get('resume')),
    metric(s, 'run --resume: start to the first new result line', 'ms', samples.get('first result')),
    metric(
      s,
      'tasks recovered by getResponse, not resent',
      'tasks',
      samples.get('recovered'),
      undefined,
      'the ones in flight at the kill',
    ),
    metric(s, 'task lines without exactly one result line', 'lines', samples.get('bad lines'), {
      op: '<=',
      value: 0,
    }),
    metric(
      s,
      'tasks the emulator received twice (or refused as repeats)',
      'tasks',
      samples.get('duplicates'),
      {
        op: '<=',
        value: 0,
      },
    ),
  ];
};
