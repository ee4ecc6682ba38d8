/**
 * `runware-batch`: run a JSONL file of tasks on this machine (`run`), or through a BullMQ queue on
 * Redis across machines (`enqueue`, `worker`, `collect`).
 */
import { isRunwareError } from '@runware/sdk';
import { type CliIo, UsageError } from './cli-io';

const usage = `Usage: runware-batch <command> [options]

Commands:
  run FILE.jsonl --out RESULTS.jsonl   run every task of the file here, resumable (--resume)
  enqueue FILE.jsonl --redis URL       put every task on a BullMQ queue, taskUUIDs assigned
  worker --redis URL                   run queued tasks (start as many as you like, anywhere)
  collect --redis URL --out FILE       write the queue's results as JSONL

Run \`runware-batch <command> --help\` for a command's options.`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

// Loaded on use: `run` never pays for loading BullMQ and its Redis client.
const commands: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./commands/run-command')).runCommand,
  enqueue: async () => (await import('./commands/enqueue-command')).enqueueCommand,
  worker: async () => (await import('./commands/worker-command')).workerCommand,
  collect: async () => (await import('./commands/collect-command')).collectCommand,
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout.write(`${usage}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.stderr.write(`runware-batch: unknown command ${JSON.stringify(name)}\n\n${usage}\n`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`runware-batch ${name}: ${(error as Error).message}\n`);
      return 2;
    }
    // RunwareErrors never carry the key; other errors are printed by message only.
    const message = isRunwareError(error)
      ? `${error.code}: ${error.message}`
      : String((error as Error)?.message ?? error);
    io.stderr.write(`runware-batch ${name}: ${message}\n`);
    return 1;
  }
}
