import { checkValue, expectValue, type Fail, isPlainObject } from './config-checks';
import type { RunwareDependencies } from './config-types';
import { didYouMean, suggestionSuffix } from './did-you-mean';

/** What a config may inject. */
export const dependencyKeys = ['fetch', 'WebSocket', 'files'];

/** Checks injected dependencies and returns a frozen copy holding only the ones given. */
export function checkDependencies(value: unknown, fail: Fail): RunwareDependencies {
  const given = expectValue<Record<string, unknown>>(
    'dependencies',
    value,
    isPlainObject(value),
    'an object',
    fail,
  );
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(given)) {
    const field = `dependencies.${key}`;
    const dependency = given[key];
    if (!dependencyKeys.includes(key)) {
      const suggestion = suggestionSuffix(didYouMean(key, dependencyKeys));
      fail(
        field,
        `Unknown dependency "${key}"; the known ones are ${dependencyKeys.join(', ')}.${suggestion}`,
      );
    }
    if (dependency === undefined) continue;
    // File access may be a class instance: only its two methods are checked.
    if (key === 'files') {
      expectValue(
        field,
        dependency,
        typeof dependency === 'object' && dependency !== null,
        'an object',
        fail,
      );
      for (const method of ['isFile', 'readFile'])
        checkValue(`${field}.${method}`, (dependency as Record<string, unknown>)[method], 'f', fail);
    } else checkValue(field, dependency, 'f', fail);
    out[key] = dependency;
  }
  return Object.freeze(out) as RunwareDependencies;
}
