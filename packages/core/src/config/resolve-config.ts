import { createRunwareError } from '../errors/create-runware-error';
import { ambientEnv, type EnvironmentVariables } from './ambient-env';
import { checkDependencies, dependencyKeys } from './check-dependencies';
import {
  checkValue,
  configFailure,
  describeValue,
  expectValue,
  type Fail,
  isPlainObject,
} from './config-checks';
import { apiKeyEnvVar } from './config-defaults';
import { type ConfigField, configFields } from './config-fields';
import type { ResolvedConfig, RunwareConfig } from './config-types';
import { didYouMean } from './did-you-mean';
import { officialSpellings, readSpelled } from './official-spellings';

const knownKeys = [
  'apiKey',
  ...Object.keys(configFields),
  'dependencies',
  ...Object.values(officialSpellings),
];

/**
 * Checks a client config, fills in defaults and the API key from RUNWARE_API_KEY, and fails fast
 * with a RunwareError naming the field (`parameter`) on anything unknown or malformed. `env`
 * defaults to the runtime's environment. No error message ever contains the API key.
 */
export function resolveConfig(
  config: RunwareConfig = {},
  env: EnvironmentVariables = ambientEnv([apiKeyEnvVar]),
): ResolvedConfig {
  const rawEnvKey: unknown = env[apiKeyEnvVar];
  const envKey = typeof rawEnvKey === 'string' ? rawEnvKey.trim() : '';
  const given: unknown = (config as { apiKey?: unknown } | null)?.apiKey;
  // Every candidate key is scrubbed from messages, even one that fails its own check.
  const fail = configFailure(typeof given === 'string' ? [given, given.trim(), envKey] : [envKey]);
  const input = expectValue<Record<string, unknown>>(
    'config',
    config,
    isPlainObject(config),
    'a plain object',
    fail,
  );
  rejectUnknownKeys(input, fail);
  const resolved: Record<string, unknown> = { apiKey: resolveApiKey(given, envKey, fail) };
  // Absent fields get their default; absent optional ones stay absent rather than undefined.
  for (const [name, [kind, fallback]] of Object.entries<ConfigField>(configFields)) {
    const [field, value] = readSpelled(input, name, fail);
    if (value !== undefined) resolved[name] = checkValue(field, value, kind, fail);
    else if (fallback !== undefined) resolved[name] = fallback;
  }
  if (input.dependencies !== undefined) resolved.dependencies = checkDependencies(input.dependencies, fail);
  return Object.freeze(resolved) as ResolvedConfig;
}

/** Names every unknown key, each with a suggestion, or lists the known ones when none is close. */
function rejectUnknownKeys(input: Record<string, unknown>, fail: Fail): void {
  const unknown = Object.keys(input).filter((key) => !knownKeys.includes(key));
  const [first] = unknown;
  if (first === undefined) return;
  // `fetch` is found as `dependencies.fetch`, by name containment.
  const candidates = [...knownKeys, ...dependencyKeys.map((key) => `dependencies.${key}`)];
  let suggested = false;
  const listed = unknown.map((key) => {
    const suggestion = didYouMean(key, candidates);
    suggested ||= suggestion !== undefined;
    return suggestion ? `"${key}" (did you mean "${suggestion}"?)` : `"${key}"`;
  });
  fail(
    first,
    `Unknown config option${unknown[1] === undefined ? '' : 's'} ${listed.join(', ')}.${
      suggested ? '' : ` Known options: ${knownKeys.join(', ')}.`
    }`,
  );
}

function resolveApiKey(given: unknown, envKey: string, fail: Fail): string {
  if (given !== undefined && typeof given !== 'string') {
    // Only the type is named: the value may be the key itself.
    fail(
      'apiKey',
      `apiKey must be a string, got ${typeof given === 'object' ? describeValue(given) : `a ${typeof given}`}.`,
    );
  }
  const key = (given as string | undefined) ?? envKey;
  if (key.trim() === '') {
    throw createRunwareError(
      'missingApiKey',
      `No API key: pass { apiKey } in the client config or set the ${apiKeyEnvVar} environment variable.`,
      { parameter: 'apiKey' },
    );
  }
  if (/\s/.test(key))
    fail('apiKey', `${given === undefined ? apiKeyEnvVar : 'apiKey'} must not contain whitespace.`);
  return key;
}
