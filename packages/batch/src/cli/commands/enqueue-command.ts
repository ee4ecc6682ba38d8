import { parseArgs } from 'node:util';
import { enqueueTasks } from '../../queue/enqueue-tasks';
import { integerFlag, queueHelp, queueOptions, queueTarget } from '../../queue/queue-cli-flags';
import { redisLabel } from '../../queue/queue-connection';
import { type CliIo, UsageError } from '../cli-io';

const help = `Usage: runware-batch enqueue FILE.jsonl --redis URL [options]

Puts every task of FILE.jsonl (one run() params object per line) on a BullMQ queue, each with a
taskUUID chosen now, for \`runware-batch worker\` processes to run. Lines that are not tasks are
reported and later written as skipped lines by \`collect\`. Enqueueing the same file again adds
only the lines not on the queue yet. The API key is never stored in Redis: workers bring theirs.

${queueHelp}

Options:
  --chunk N              jobs per Redis round trip (default: 500)
  -h, --help             this help`;

export async function enqueueCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...queueOptions, chunk: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout.write(`${help}\n`);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('missing FILE.jsonl');
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  const { redisUrl, queueName } = queueTarget(values, io.env);
  const summary = await enqueueTasks({
    redisUrl,
    queueName,
    file,
    chunkSize: integerFlag('chunk', values.chunk),
    signal: io.signal,
    onInvalid: (line, reason) => io.stderr.write(`line ${line}: ${reason} (skipped)\n`),
  });
  io.stdout.write(
    `enqueued ${summary.added} task(s) on queue ${queueName} at ${redisLabel(redisUrl)}` +
      `${summary.alreadyQueued ? `; ${summary.alreadyQueued} already queued` : ''}` +
      `${summary.invalid ? `; ${summary.invalid} bad line(s) skipped` : ''}\n`,
  );
  return 0;
}
