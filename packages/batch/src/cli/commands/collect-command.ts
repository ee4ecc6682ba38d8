import { parseArgs } from 'node:util';
import { collectResults } from '../../queue/collect-results';
import { queueHelp, queueOptions, queueTarget } from '../../queue/queue-cli-flags';
import { type CliIo, UsageError } from '../cli-io';

const help = `Usage: runware-batch collect --redis URL --out RESULTS.jsonl [options]

Writes the queue's results as JSONL (the format of \`run\`): one line per finished task, failed
task, and input line that was not a task. Lines already in RESULTS.jsonl are kept and not written
again, so collecting again appends only what finished since.

${queueHelp}

Options:
  --out FILE             the results JSONL (required)
  --wait                 first wait until no job is waiting, active or delayed
  -h, --help             this help`;

export async function collectCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      ...queueOptions,
      out: { type: 'string' },
      wait: { type: 'boolean' },
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
  if (!values.out) throw new UsageError('missing --out FILE');
  const { redisUrl, queueName } = queueTarget(values, io.env);
  let lastReport = 0;
  const summary = await collectResults({
    redisUrl,
    queueName,
    out: values.out,
    wait: values.wait === true,
    signal: io.signal,
    onWaiting: (pending) => {
      if (Date.now() - lastReport < 5_000) return;
      lastReport = Date.now();
      io.stderr.write(`waiting for ${pending} job(s)…\n`);
    },
  });
  io.stdout.write(
    `wrote ${summary.written} line(s) to ${values.out}: ${summary.done} done, ${summary.failed} failed, ` +
      `${summary.skipped} skipped${summary.alreadyWritten ? `; ${summary.alreadyWritten} already there` : ''}` +
      `${summary.pending ? `; ${summary.pending} job(s) not finished yet (collect again, or use --wait)` : ''}\n`,
  );
  return 0;
}
