import {
  checkUrl,
  checkValue,
  configFailure,
  expectValue,
  isPlainObject,
  type Kind,
} from '../config/config-checks';
import { createRunwareError } from '../errors/create-runware-error';

interface Named {
  /** A deprecated earlier name of the option, still read when the new one is absent. */
  alias?: string;
}

/**
 * Reads the options of a transport, registry or validator with the config's checks: every bad
 * value is an `invalidConfig` RunwareError naming the field (`parameter`), and every option may
 * keep a deprecated earlier name. The API key never appears in a message.
 */
export interface OptionReader {
  /** The raw value of `name`, or of its deprecated alias when `name` is absent. */
  value(name: string, named?: Named): unknown;
  /** Milliseconds: finite, at most 2^31 − 1; positive unless `allowZero`. */
  duration(name: string, fallback: number, named?: Named & { allowZero?: boolean }): number;
  /** A non-negative integer, or Infinity when `allowInfinity`. */
  count(name: string, fallback: number, named?: Named & { allowInfinity?: boolean }): number;
  /** A base URL with one of `schemes`, without a trailing slash. */
  url(name: string, fallback: string, schemes: readonly string[], named?: Named): string;
  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[], named?: Named): T;
  /** An optional function (a fetch, a constructor, a logger). */
  fn<T>(name: string, named?: Named): T | undefined;
  /** The required `apiKey`: a non-empty string (`missingApiKey` otherwise). */
  apiKey(): string;
  /** The deprecated names the caller used, each once. */
  readonly deprecated: readonly { alias: string; name: string }[];
  /** The API key given, if any (unchecked): what a safe log must redact. */
  readonly secrets: readonly string[];
  /** Logs one `warn` per deprecated name used; call after reading every option. */
  warnDeprecated(log: (category: 'warn', message: string, data?: unknown) => void): void;
}

export function createOptionReader(owner: string, given: unknown): OptionReader {
  const apiKey: unknown = (given as { apiKey?: unknown } | null)?.apiKey;
  const key = typeof apiKey === 'string' ? apiKey : '';
  const secrets = key === '' ? [] : [key];
  const fail = configFailure(secrets, `${owner}: `);
  const options = expectValue<Record<string, unknown>>(
    'options',
    given,
    isPlainObject(given),
    'an object',
    fail,
  );
  const deprecated: { alias: string; name: string }[] = [];
  /** The name the caller used (the one to blame for a bad value) and its value. */
  const read = (name: string, named?: Named): [string, unknown] => {
    const alias = named?.alias;
    if (options[name] !== undefined || alias === undefined || options[alias] === undefined) {
      return [name, options[name]];
    }
    if (!deprecated.some((entry) => entry.alias === alias)) deprecated.push({ alias, name });
    return [alias, options[alias]];
  };
  const check = <T>(name: string, fallback: T, named: Named | undefined, kind: Kind): T => {
    const [field, value] = read(name, named);
    return value === undefined ? fallback : checkValue(field, value, kind, fail);
  };
  return {
    value: (name, named) => read(name, named)[1],
    deprecated,
    secrets,
    warnDeprecated(log) {
      for (const { alias, name } of deprecated)
        log('warn', `${owner}: \`${alias}\` is deprecated; use \`${name}\`.`, {
          deprecated: alias,
          use: name,
        });
    },
    duration: (name, fallback, named) => check(name, fallback, named, named?.allowZero ? 'd' : 't'),
    count: (name, fallback, named) => check(name, fallback, named, named?.allowInfinity ? 'n' : 'c'),
    url(name, fallback, schemes, named) {
      const [field, value] = read(name, named);
      return checkUrl(field, value === undefined ? fallback : value, schemes, fail);
    },
    oneOf: (name, fallback, allowed, named) => check(name, fallback, named, allowed),
    fn: (name, named) => check(name, undefined, named, 'f'),
    apiKey() {
      if (key.trim() === '') {
        throw createRunwareError('missingApiKey', `${owner} needs an apiKey (a non-empty string).`, {
          parameter: 'apiKey',
        });
      }
      return key;
    },
  };
}
