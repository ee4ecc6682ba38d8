import { expectValue, type Fail, isPlainObject } from './config-checks';
import type { RunwareDependencies } from './config-types';
import { didYouMean, suggestionSuffix } from './did-you-mean';

const dependencyKeys = ['fetch', 'WebSocket', 'files'] as const;

/** Checks injected dependencies and returns a frozen copy holding only the ones given. */
export function checkDependencies(value: unknown, fail: Fail): RunwareDependencies {
  const given = expectValue<Record<string, unknown>>(
    'dependencies',
    value,
    isPlainObject(value),
    'an object',
    fail,
  );
  for (const key of Object.keys(given)) {
    if ((dependencyKeys as readonly string[]).includes(key)) continue;
    const suggestion = didYouMean(key, dependencyKeys, { ws: 'WebSocket', fs: 'files', fileAccess: 'files' });
    fail(
      `dependencies.${key}`,
      `Unknown dependency "${key}"; the known ones are fetch, WebSocket and files.${suggestionSuffix(suggestion)}`,
    );
  }
  const out: Record<string, unknown> = {};
  for (const key of dependencyKeys) {
    const dependency = given[key];
    if (dependency === undefined) continue;
    const field = `dependencies.${key}`;
    if (key !== 'files') {
      out[key] = expectValue(field, dependency, typeof dependency === 'function', 'a function', fail);
      continue;
    }
    const access = expectValue<Record<string, unknown>>(
      field,
      dependency,
      typeof dependency === 'object' && dependency !== null,
      'an object',
      fail,
    );
    for (const method of ['isFile', 'readFile'])
      expectValue(
        `${field}.${method}`,
        access[method],
        typeof access[method] === 'function',
        'a function',
        fail,
      );
    out[key] = access;
  }
  return Object.freeze(out) as RunwareDependencies;
}
