// The runner: loads each group of checks (a group whose named imports are missing fails to load,
// and is reported under its own name), runs every check with a time limit, and prints one JSON
// line: { total, passed, failed: [{ name, error }], slow: [{ name, ms }] }. Exit code 1 when any check failed.
import { type Check, describeError, readEnv } from './harness.js';

const groups: [string, () => Promise<{ checks: Check[] }>][] = [
  ['createClient config', () => import('./config.js')],
  ['RunwareClient', () => import('./client.js')],
  ['RunwareClient utilities', () => import('./utilities.js')],
  ['export models', () => import('./exports-models.js')],
  [
    'export architectureTaskTypes, modalityTaskTypes, operationTaskTypes',
    () => import('./exports-task-types.js'),
  ],
  ['export parseSseLine', () => import('./exports-sse.js')],
  ['export RunwareError, createRunwareError, isRunwareError', () => import('./exports-errors.js')],
  ['export parseApiError', () => import('./exports-parse-api-error.js')],
  ['export createLogger', () => import('./exports-logger.js')],
  ['export createRegistry', () => import('./exports-registry.js')],
  ['export SDK_VERSION', () => import('./exports-version.js')],
  ['export clearValidatorCache, fileToDataURI', () => import('./exports-files.js')],
  ['behaviour', () => import('./behaviour.js')],
];

const checkTimeoutMs = 20_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

async function main(): Promise<void> {
  const env = readEnv();
  const argv = (globalThis as unknown as { process: { argv: string[] } }).process.argv;
  const only = argv[2];
  const passed: string[] = [];
  const slow: { name: string; ms: number }[] = [];
  const failed: { name: string; error: string }[] = [];
  for (const [group, load] of groups) {
    let checks: Check[];
    try {
      checks = (await load()).checks;
    } catch (error) {
      failed.push({ name: `${group} › module loads`, error: describeError(error) });
      continue;
    }
    for (const { name, run } of checks) {
      if (only && !name.includes(only)) continue;
      const started = Date.now();
      try {
        await withTimeout(
          Promise.resolve().then(() => run(env)),
          checkTimeoutMs,
        );
        passed.push(name);
      } catch (error) {
        failed.push({ name, error: describeError(error) });
      }
      if (Date.now() - started > 1_000) slow.push({ name, ms: Date.now() - started });
    }
  }
  console.log(JSON.stringify({ total: passed.length + failed.length, passed, failed, slow }));
  // Clients left open (a WebSocket a failed check did not close) must not keep the process alive.
  exit(failed.length > 0 ? 1 : 0);
}

const exit = (code: number): void =>
  (globalThis as unknown as { process: { exit(code: number): void } }).process.exit(code);

main().catch((error: unknown) => {
  console.error(error);
  exit(2);
});
