// The emulator for the benchmarks, in its own process so its CPU time does not share the client's
// event loop. Takes the startEmulator options as one JSON argument, prints one JSON line with the
// URLs when ready, and stops on SIGTERM/SIGINT or when the parent closes stdin.
import { startEmulator } from '@runware/emulator';

const options = JSON.parse(process.argv[2] ?? '{}');
const emulator = await startEmulator({ port: 0, host: '127.0.0.1', ...options });
const { httpUrl, wsUrl, schemasUrl, contentUrl, controlUrl, apiKey } = emulator;
process.stdout.write(`${JSON.stringify({ httpUrl, wsUrl, schemasUrl, contentUrl, controlUrl, apiKey })}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(0), 5000);
  force.unref();
  await emulator.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
