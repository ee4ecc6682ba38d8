import { parseArgs } from 'node:util';
import type { BatchItem } from '../../batch-item';
import type { BatchResult } from '../../batch-types';
import { fileExists } from '../../files/read-lines';
import { readTaskLines } from '../../input/read-task-lines';
import { createFileJournal } from '../../journal/file-journal';
import { downloadMedia } from '../../output/download-media';
import { openResultsWriter, type ResultsOrder } from '../../output/results-writer';
import { runBatchItems } from '../../run-batch';
import { type CliIo, isTty, UsageError } from '../cli-io';
import { connectionHelp, connectionOptions, openConnection } from '../connection-flags';
import { countLines } from '../count-lines';
import { createProgressView } from '../progress-view';

const help = `Usage: runware-batch run TASKS.jsonl --out RESULTS.jsonl [options]

Runs every line of TASKS.jsonl (one run() params object per line) and writes one line per task to
RESULTS.jsonl. Each task's taskUUID goes to a journal (RESULTS.jsonl.journal) before it is sent, so
after a crash or Ctrl-C, --resume finishes the batch without paying twice for any task.

Options:
  --out FILE             results JSONL (required)
  --concurrency N        most tasks in flight (default 32; lowered for a while on rate limits)
  --resume               continue the batch of an existing journal and results file
  --order O              completion (default) or input: the order of the results lines
  --download DIR         save each result's media in DIR as line-NNNNNN-<taskUUID>-<n>.<ext>
  --journal FILE         the journal (default: RESULTS.jsonl.journal)
  --progress-interval S  seconds between progress lines when not on a terminal (default 5)

${connectionHelp}`;

export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      concurrency: { type: 'string' },
      resume: { type: 'boolean' },
      order: { type: 'string' },
      download: { type: 'string' },
      journal: { type: 'string' },
      'progress-interval': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...connectionOptions,
    },
  });
  if (values.help) {
    io.stdout.write(`${help}\n`);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError('name the tasks file: runware-batch run TASKS.jsonl --out RESULTS.jsonl');
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  if (!values.out) throw new UsageError('--out RESULTS.jsonl is required');
  const concurrency = wholeNumber(values.concurrency ?? '32', '--concurrency');
  const order = (values.order ?? 'completion') as ResultsOrder;
  if (order !== 'completion' && order !== 'input')
    throw new UsageError('--order must be completion or input');
  const intervalMs = Number(values['progress-interval'] ?? '5') * 1000;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0)
    throw new UsageError('--progress-interval must be a number of seconds > 0');
  if (!(await fileExists(file))) throw new UsageError(`no such file: ${file}`);
  const journalPath = values.journal ?? `${values.out}.journal`;
  if (!values.resume && ((await fileExists(journalPath)) || (await fileExists(values.out))))
    throw new UsageError(
      `${values.out} or its journal exists from an earlier run: pass --resume to continue it, or remove them`,
    );

  const connection = await openConnection(values, io);
  const tty = isTty(io.stdout);
  const view = createProgressView(io.stdout, { tty, total: await countLines(file), intervalMs });
  const writer = await openResultsWriter(values.out, order);
  const journal = createFileJournal(journalPath);
  const note = (text: string) => {
    view.clear();
    io.stderr.write(`${text}\n`);
  };
  io.stdout.write(
    `runware-batch: ${file} → ${values.out} on ${connection.label}, up to ${concurrency} in flight${values.resume ? ' (resuming)' : ''}\n`,
  );
  try {
    const summary = await runBatchItems(connection.client, expecting(readTaskLines(file), writer), {
      journal,
      isFinished: (index) => writer.has(index),
      concurrency,
      signal: io.signal,
      onProgress: (progress) => view.update(progress),
      progressIntervalMs: tty ? 200 : Math.min(intervalMs, 1000),
      onResult: async (result, { signal }) => {
        if (result.status === 'failed' && result.code === 'invalidInput')
          note(`line ${result.index}: skipped, ${result.message}`);
        let withFiles: BatchResult & { files?: string[]; downloadError?: string } = result;
        if (values.download && result.items?.length && result.taskUUID) {
          try {
            withFiles = {
              ...result,
              files: await downloadMedia(
                values.download,
                result.index,
                result.taskUUID,
                result.items,
                signal,
              ),
            };
          } catch (error) {
            // The task ran and was billed: its line is written, the download failure noted in it.
            withFiles = { ...result, downloadError: String((error as Error).message ?? error) };
            note(`line ${result.index}: ${withFiles.downloadError}`);
          }
        }
        await writer.write(withFiles, signal);
      },
    });
    const progress = {
      done: summary.done,
      failed: summary.failed,
      skipped: summary.skipped,
      inFlight: 0,
      concurrency,
      cost: summary.cost,
      elapsedMs: summary.elapsedMs,
      seen: summary.done + summary.failed + summary.skipped,
      inputDone: true,
    };
    view.finish(progress);
    const codes = Object.entries(summary.failedByCode)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    io.stdout.write(
      `${summary.stopped ? `stopped (${summary.stopped}): run again with --resume to finish` : 'finished'}: ${summary.done} done, ${summary.failed} failed${codes ? ` (${codes})` : ''}, ${summary.skipped} skipped${summary.invalid ? ` (${summary.invalid} invalid lines)` : ''}${summary.alreadyFinished ? ` (${summary.alreadyFinished} from earlier runs)` : ''}, ${summary.recovered} recovered without resending, cost $${summary.cost.toFixed(4)}, ${(summary.elapsedMs / 1000).toFixed(1)} s\n`,
    );
    if (summary.stopped) return summary.stopped === 'aborted' ? 130 : 1;
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await writer.close();
    await connection.close();
  }
}

/** Tells the results writer each entry's position as it is read, for `--order input`. */
async function* expecting(
  items: AsyncIterable<BatchItem>,
  writer: { expect(index: number): void },
): AsyncGenerator<BatchItem> {
  for await (const item of items) {
    writer.expect(item.index);
    yield item;
  }
}

function wholeNumber(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${flag} must be a whole number ≥ 1`);
  return value;
}
