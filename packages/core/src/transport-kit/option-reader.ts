import {
  checkCount,
  checkDuration,
  checkEnum,
  checkFunction,
  checkUrl,
  describeValue,
  type Fail,
  isPlainObject,
} from '../config/config-checks';
import { createRunwareError } from '../errors/create-runware-error';
import { redactString } from '../logger/redact';

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

export function createOptionReader(owner: string, options: unknown): OptionReader {
  if (!isPlainObject(options)) {
    throw createRunwareError(
      'invalidConfig',
      `${owner} needs an options object, got ${describeValue(options)}.`,
      {
        parameter: 'options',
      },
    );
  }
  const key = typeof options.apiKey === 'string' ? options.apiKey : '';
  const fail: Fail = (field, message) => {
    throw createRunwareError('invalidConfig', redactString(`${owner}: ${message}`, [key]), {
      parameter: field,
    });
  };
  const deprecated: { alias: string; name: string }[] = [];
  const value = (name: string, named?: Named): unknown => {
    const current = options[name];
    if (current !== undefined || named?.alias === undefined) return current;
    const old = options[named.alias];
    if (old !== undefined && !deprecated.some((entry) => entry.alias === named.alias))
      deprecated.push({ alias: named.alias, name });
    return old;
  };
  /** The field to blame: the name the caller actually used. */
  const field = (name: string, named?: Named) =>
    options[name] === undefined && named?.alias !== undefined && options[named.alias] !== undefined
      ? named.alias
      : name;
  return {
    value,
    deprecated,
    secrets: key === '' ? [] : [key],
    warnDeprecated(log) {
      for (const { alias, name } of deprecated)
        log('warn', `${owner}: \`${alias}\` is deprecated; use \`${name}\`.`, {
          deprecated: alias,
          use: name,
        });
    },
    duration(name, fallback, named) {
      const raw = value(name, named);
      return raw === undefined
        ? fallback
        : checkDuration(field(name, named), raw, named?.allowZero ?? false, fail);
    },
    count(name, fallback, named) {
      const raw = value(name, named);
      return raw === undefined
        ? fallback
        : checkCount(field(name, named), raw, named?.allowInfinity ?? false, fail);
    },
    url(name, fallback, schemes, named) {
      const raw = value(name, named);
      return checkUrl(field(name, named), raw === undefined ? fallback : raw, schemes, fail);
    },
    oneOf(name, fallback, allowed, named) {
      const raw = value(name, named);
      return raw === undefined ? fallback : checkEnum(field(name, named), raw, allowed, {}, fail);
    },
    fn<T>(name: string, named?: Named) {
      const raw = value(name, named);
      return raw === undefined ? undefined : checkFunction<T>(field(name, named), raw, fail);
    },
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
