import { createRunwareError } from '../errors/create-runware-error';
import type { RunwareError } from '../errors/runware-error';
import type { LogSink } from '../logger/log-types';
import { redactString } from '../logger/redact';
import { ambientEnv, type EnvironmentVariables } from './ambient-env';
import { checkDependencies } from './check-dependencies';
import {
  checkBoolean,
  checkCount,
  checkDuration,
  checkEnum,
  checkFunction,
  checkUrl,
  checkUserAgent,
  describeValue,
  expectValue,
  type Fail,
  isPlainObject,
} from './config-checks';
import { apiKeyEnvVar, defaultConfig } from './config-defaults';
import type {
  ConfigDefaults,
  ResolvedConfig,
  RetryStrategy,
  RunwareConfig,
  TransportType,
} from './config-types';
import { didYouMean } from './did-you-mean';
import { foldSpellings, officialSpellings } from './official-spellings';

const knownKeys: readonly string[] = [
  'apiKey',
  ...Object.keys(defaultConfig),
  'dependencies',
  'logSink',
  'userAgent',
  ...Object.values(officialSpellings),
];

/** Names other SDKs or habits use for our options. */
const keyAliases: Readonly<Record<string, string>> = {
  key: 'apiKey',
  token: 'apiKey',
  retries: 'maxRetries',
  retryCount: 'maxRetries',
  maxRetry: 'maxRetries',
  baseUrl: 'httpBaseUrl',
  url: 'httpBaseUrl',
  apiUrl: 'httpBaseUrl',
  restUrl: 'httpBaseUrl',
  wsUrl: 'wsBaseUrl',
  websocketUrl: 'wsBaseUrl',
  requestTimeout: 'timeout',
  maxReconnects: 'maxReconnectAttempts',
  maxSockets: 'maxConnections',
  maxPayload: 'maxResponseSize',
  maxBodySize: 'maxResponseSize',
  idleTimeout: 'streamIdleTimeout',
  batchWindow: 'submitBatchWindow',
  coalesceWindow: 'submitBatchWindow',
  verbose: 'debug',
  logger: 'logSink',
  onLog: 'logSink',
  validation: 'validate',
  fetch: 'dependencies.fetch',
  WebSocket: 'dependencies.WebSocket',
  files: 'dependencies.files',
};

/**
 * Checks a client config, fills in defaults and the API key from RUNWARE_API_KEY, and fails fast
 * with a RunwareError naming the field (`parameter`) on anything unknown or malformed. `env`
 * defaults to the runtime's environment. No error message ever contains the API key.
 */
export function resolveConfig(
  config: RunwareConfig = {},
  env: EnvironmentVariables = ambientEnv([apiKeyEnvVar]),
): ResolvedConfig {
  const input: unknown = config;
  const rawEnvKey: unknown = env[apiKeyEnvVar];
  const envKey = typeof rawEnvKey === 'string' ? rawEnvKey.trim() : undefined;
  const given = isPlainObject(input) ? input.apiKey : undefined;
  // Every candidate key is scrubbed from messages, even one that fails its own check.
  const secrets = typeof given === 'string' ? [given, given.trim(), envKey ?? ''] : [envKey ?? ''];
  const fail: Fail = (field, message) => {
    throw createRunwareError('invalidConfig', redactString(message, secrets), {
      parameter: redactString(field, secrets),
    });
  };

  if (!isPlainObject(input)) {
    return fail('config', `The client config must be a plain object, got ${describeValue(input)}.`);
  }
  rejectUnknownKeys(input, fail);
  const { config: folded, nameOf } = foldSpellings(input, fail);

  const apiKey = resolveApiKey(given, envKey, fail);
  /** An optional field: absent stays absent. */
  const optional = <T>(key: keyof RunwareConfig, check: (value: unknown) => T): T | undefined =>
    folded[key] === undefined ? undefined : check(folded[key]);

  // Each defaulted field: its default when absent, else its checked value (table order = check order).
  const resolved = { apiKey } as Record<string, unknown>;
  for (const key of Object.keys(fieldChecks) as (keyof ConfigDefaults)[]) {
    const value = folded[key];
    resolved[key] = value === undefined ? defaultConfig[key] : fieldChecks[key](nameOf(key), value, fail);
  }
  const dependencies = optional('dependencies', (value) => checkDependencies(value, fail));
  const logSink = optional('logSink', (value) => checkFunction<LogSink>('logSink', value, fail));
  const userAgent = optional('userAgent', (value) => checkUserAgent(nameOf('userAgent'), value, fail));
  // Absent optional fields stay absent rather than present-and-undefined.
  return Object.freeze({
    ...(resolved as Omit<ResolvedConfig, 'dependencies' | 'logSink' | 'userAgent'>),
    ...(dependencies === undefined ? {} : { dependencies }),
    ...(logSink === undefined ? {} : { logSink }),
    ...(userAgent === undefined ? {} : { userAgent }),
  });
}

const transportAliases = { ws: 'websocket', wss: 'websocket', http: 'rest', https: 'rest' } as const;

type FieldCheck = (name: string, value: unknown, fail: Fail) => unknown;

const httpUrl: FieldCheck = (name, value, fail) => checkUrl(name, value, ['https', 'http'], fail);
const positiveDuration: FieldCheck = (name, value, fail) => checkDuration(name, value, false, fail);
// Zero is valid for a delay (retry at once; no coalescing window), unlike for a timeout.
const duration: FieldCheck = (name, value, fail) => checkDuration(name, value, true, fail);

const positiveCount: FieldCheck = (name, value, fail) =>
  expectValue(
    name,
    value,
    value === Number.POSITIVE_INFINITY || (Number.isSafeInteger(value) && (value as number) >= 1),
    'a positive integer or Infinity',
    fail,
  );

/** How each defaulted field is checked; one entry per field of `defaultConfig`. */
const fieldChecks: Record<keyof ConfigDefaults, FieldCheck> = {
  transportType: (name, value, fail) =>
    checkEnum<TransportType>(name, value, ['websocket', 'rest'], transportAliases, fail),
  httpBaseUrl: httpUrl,
  wsBaseUrl: (name, value, fail) => checkUrl(name, value, ['wss', 'ws'], fail),
  schemasBaseUrl: httpUrl,
  contentBaseUrl: httpUrl,
  timeout: positiveDuration,
  pollTimeout: positiveDuration,
  authTimeout: positiveDuration,
  submitBatchWindow: duration,
  maxRetries: (name, value, fail) => checkCount(name, value, false, fail),
  retryDelay: duration,
  retryStrategy: (name, value, fail) =>
    checkEnum<RetryStrategy>(name, value, ['exponential', 'linear'], {}, fail),
  maxReconnectAttempts: (name, value, fail) => checkCount(name, value, true, fail),
  // Zero connections would never send anything; a zero-byte answer limit would refuse every answer.
  maxConnections: positiveCount,
  maxResponseSize: positiveCount,
  streamIdleTimeout: positiveDuration,
  debug: (name, value, fail) => checkBoolean(name, value, fail),
  validate: (name, value, fail) => checkBoolean(name, value, fail),
};

function rejectUnknownKeys(input: Record<string, unknown>, fail: Fail): void {
  const unknown = Object.keys(input).filter((key) => !knownKeys.includes(key));
  const first = unknown[0];
  if (first === undefined) return;
  const described = unknown.map((key) => {
    const suggestion = didYouMean(key, knownKeys, keyAliases);
    return suggestion === undefined ? `"${key}"` : `"${key}" (did you mean "${suggestion}"?)`;
  });
  const anySuggestion = described.some((text) => text.includes('did you mean'));
  const known = anySuggestion ? '' : ` Known options: ${knownKeys.join(', ')}.`;
  const noun = unknown.length === 1 ? 'option' : 'options';
  fail(first, `Unknown config ${noun} ${described.join(', ')}.${known}`);
}

function resolveApiKey(given: unknown, envKey: string | undefined, fail: Fail): string {
  const howTo = `Pass { apiKey } in the client config or set the ${apiKeyEnvVar} environment variable.`;
  if (given !== undefined) {
    if (typeof given !== 'string') {
      // Only the type is named: the value may be the key itself.
      const type = given === null ? 'null' : Array.isArray(given) ? 'an array' : `a ${typeof given}`;
      return fail('apiKey', `apiKey must be a string, got ${type}.`);
    }
    if (given.trim() === '') throw missingApiKey(`apiKey is empty. ${howTo}`);
    if (/\s/.test(given)) {
      return fail('apiKey', 'apiKey must not contain whitespace; check for a stray space or line break.');
    }
    return given;
  }
  if (envKey === undefined || envKey === '') throw missingApiKey(`No Runware API key. ${howTo}`);
  if (/\s/.test(envKey)) {
    return fail('apiKey', `${apiKeyEnvVar} must not contain whitespace inside the key.`);
  }
  return envKey;
}

function missingApiKey(message: string): RunwareError {
  return createRunwareError('missingApiKey', message, { parameter: 'apiKey' });
}
