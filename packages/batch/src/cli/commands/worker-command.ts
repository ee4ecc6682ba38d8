import { parseArgs } from 'node:util';
import { integerFlag, queueHelp, queueOptions, queueTarget, rateFlag } from '../../queue/queue-cli-flags';
import { redisLabel } from '../../queue/queue-connection';
import { startQueueWorker } from '../../queue/queue-worker';
import { type CliIo, UsageError } from '../cli-io';
import { connectionHelp, connectionOptions, openConnection } from '../connection-flags';

const help = `Usage: runware-batch worker --redis URL [options]

Runs the tasks of a queue filled by \`runware-batch enqueue\`, until Ctrl-C (which lets the tasks in
flight end). Start as many workers as you like, on any machine. A worker that dies loses its jobs'
locks; another worker's stall check puts them back on the queue, and they are recovered by their
taskUUID (getResponse), never sent twice.

${queueHelp}

Worker:
  --concurrency N        tasks this worker runs at once (default: 8)
  --global-concurrency N tasks in flight across all workers of the queue (stored in Redis)
  --rate N/s             tasks started per second across all workers (also N/m, N/1500ms)
  --name NAME            this worker's name (shown as the jobs' processedBy)
  --lock-duration MS     a dead worker's jobs go to another after this (default: 30000)
  --stalled-interval MS  how often to look for stalled jobs (default: half the lock duration)
  --report-every N       print counts every N tasks (default: 100)

${connectionHelp}

  -h, --help             this help`;

export async function workerCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      ...queueOptions,
      ...connectionOptions,
      concurrency: { type: 'string' },
      'global-concurrency': { type: 'string' },
      rate: { type: 'string' },
      name: { type: 'string' },
      'lock-duration': { type: 'string' },
      'stalled-interval': { type: 'string' },
      'report-every': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
    strict: true,
  });
  if (values.help) {
    io.stdout.write(`${help}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected arguments: ${positionals.join(' ')}`);
  const { redisUrl, queueName } = queueTarget(values, io.env);
  const concurrency = integerFlag('concurrency', values.concurrency) ?? 8;
  const globalConcurrency = integerFlag('global-concurrency', values['global-concurrency']);
  const rate = rateFlag(values.rate);
  const lockDurationMs = integerFlag('lock-duration', values['lock-duration'], 100);
  const stalledIntervalMs = integerFlag('stalled-interval', values['stalled-interval'], 100);
  const reportEvery = integerFlag('report-every', values['report-every']) ?? 100;
  const name = values.name;

  const connection = await openConnection(values, io);
  try {
    let ended = 0;
    const worker = await startQueueWorker({
      redisUrl,
      queueName,
      client: connection.client,
      concurrency,
      globalConcurrency,
      rate,
      name,
      lockDurationMs,
      stalledIntervalMs,
      onResult: () => {
        ended += 1;
        if (ended % reportEvery === 0) io.stdout.write(`${countsLine(worker.counts)}\n`);
      },
      onError: (error) => io.stderr.write(`queue: ${error.message}\n`),
    });
    io.stdout.write(
      `worker${name ? ` ${name}` : ''} on queue ${queueName} at ${redisLabel(redisUrl)}, ` +
        `tasks to ${connection.label}, concurrency ${concurrency}` +
        `${globalConcurrency ? `, global concurrency ${globalConcurrency}` : ''}` +
        `${rate ? `, rate ${rate.max}/${rate.durationMs}ms` : ''}\n`,
    );
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      else io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    io.stdout.write('stopping: letting the tasks in flight end…\n');
    await worker.close();
    io.stdout.write(`stopped: ${countsLine(worker.counts)}\n`);
    return 0;
  } finally {
    await connection.close();
  }
}

function countsLine(counts: {
  done: number;
  failed: number;
  recovered: number;
  errors: number;
  cost: number;
}) {
  return (
    `${counts.done} done (${counts.recovered} recovered), ${counts.failed} failed` +
    `${counts.errors ? `, ${counts.errors} job error(s) retried by the queue` : ''}, cost ${counts.cost.toFixed(4)}`
  );
}
