/** The `runware-batch` executable: the process's streams and signals around `main`. */
import type { CliIo } from './cli-io';
import { main } from './main';

/** Ctrl-C once stops cleanly; a second Ctrl-C exits at once. */
function processIo(): CliIo {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    process.stderr.write(`\n${signal}: stopping cleanly (press Ctrl-C again to exit at once)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal };
}

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`runware-batch: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
