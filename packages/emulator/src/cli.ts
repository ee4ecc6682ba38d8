import { parseArgs } from 'node:util';
import { parseFaults } from './control/fault-spec';
import { defaultApiKey, type EmulatorOptions } from './options';
import { startEmulator } from './start-emulator';

const usage = `Usage: runware-emulator [options]

A local Runware-compatible API server. Prints one JSON line with its URLs on stdout when ready;
logs one line per request on stderr; stops on SIGINT/SIGTERM.

  --port N                 port (default 8787; 0 picks a free one)
  --host ADDR              interface (default 127.0.0.1)
  --api-key KEY            accept this key (repeatable); the default key ${defaultApiKey} is accepted too
  --only-these-keys        accept only the --api-key keys
  --seed N                 seed for outputs without a seed and for fault decisions (default 1)
  --latency TYPE=MS        first-result latency per taskType, or default=MS (repeatable)
  --concurrency N          REST requests in flight per key before 429 (default unlimited)
  --token-delay MS         delay between streamed text tokens (default 5)
  --result-ttl MS          how long results and generated media stay retrievable (default 600000)
  --session-ttl MS         how long a dropped WebSocket session waits for a resume (default 120000)
  --inactivity-timeout MS  close idle WebSockets after this long (default 120000)
  --faults JSON            faults active from the start, e.g. '[{"kind":"httpError","status":503,"rate":0.1}]'
  --quiet                  no request log
  --help`;

function numberFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new TypeError(`--${name} needs a number, got "${value}"`);
  return n;
}

export function parseCliArgs(argv: readonly string[]): EmulatorOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      'only-these-keys': { type: 'boolean' },
      seed: { type: 'string' },
      latency: { type: 'string', multiple: true },
      concurrency: { type: 'string' },
      'token-delay': { type: 'string' },
      'result-ttl': { type: 'string' },
      'session-ttl': { type: 'string' },
      'inactivity-timeout': { type: 'string' },
      faults: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const latency: Record<string, number> = {};
  for (const pair of values.latency ?? []) {
    const [taskType, ms] = pair.split('=');
    const value = numberFlag('latency', ms);
    if (!taskType || value === undefined) throw new TypeError(`--latency needs TYPE=MS, got "${pair}"`);
    latency[taskType] = value;
  }
  const options: EmulatorOptions = {
    port: numberFlag('port', values.port) ?? 8787,
    ...(values.host ? { host: values.host } : {}),
    apiKeys: values['api-key'] ?? [],
    onlyTheseKeys: values['only-these-keys'] ?? false,
    latency,
    ...(values.faults ? { faults: parseFaults(JSON.parse(values.faults)) } : {}),
  };
  const numbers = {
    seed: numberFlag('seed', values.seed),
    concurrencyLimit: numberFlag('concurrency', values.concurrency),
    tokenDelayMs: numberFlag('token-delay', values['token-delay']),
    resultTtlMs: numberFlag('result-ttl', values['result-ttl']),
    sessionTtlMs: numberFlag('session-ttl', values['session-ttl']),
    inactivityTimeoutMs: numberFlag('inactivity-timeout', values['inactivity-timeout']),
  };
  for (const [key, value] of Object.entries(numbers))
    if (value !== undefined) Object.assign(options, { [key]: value });
  if (!values.quiet) options.log = (line) => process.stderr.write(`${line}\n`);
  return options;
}

/** The `runware-emulator` command. */
export async function main(argv: readonly string[]): Promise<void> {
  let options: EmulatorOptions | 'help';
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    process.stderr.write(`runware-emulator: ${(error as Error).message}\n\n${usage}\n`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    process.stdout.write(`${usage}\n`);
    return;
  }
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    process.stderr.write(`runware-emulator: could not start: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const shutdown = () => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Handlers go in before the ready line: a caller may signal as soon as it reads that line.
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  const { httpUrl, wsUrl, schemasUrl, contentUrl, controlUrl, port } = emulator;
  process.stdout.write(`${JSON.stringify({ httpUrl, wsUrl, schemasUrl, contentUrl, controlUrl, port })}\n`);
}
