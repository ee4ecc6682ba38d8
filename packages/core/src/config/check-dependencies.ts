import { describeValue, type Fail, isPlainObject } from './config-checks';
import type { RunwareDependencies } from './config-types';
import { didYouMean, suggestionSuffix } from './did-you-mean';

const dependencyKeys = ['fetch', 'WebSocket', 'files'] as const;

/** Checks injected dependencies and returns a frozen copy holding only the ones given. */
export function checkDependencies(value: unknown, fail: Fail): RunwareDependencies {
  if (!isPlainObject(value)) {
    return fail('dependencies', `dependencies must be an object, got ${describeValue(value)}.`);
  }
  for (const key of Object.keys(value)) {
    if ((dependencyKeys as readonly string[]).includes(key)) continue;
    const suggestion = didYouMean(key, dependencyKeys, { ws: 'WebSocket', fs: 'files', fileAccess: 'files' });
    fail(
      `dependencies.${key}`,
      `Unknown dependency "${key}"; the known ones are fetch, WebSocket and files.${suggestionSuffix(suggestion)}`,
    );
  }
  const out: RunwareDependencies = {};
  const { fetch, WebSocket, files } = value;
  if (fetch !== undefined) {
    if (typeof fetch !== 'function') fail('dependencies.fetch', mustBeFunction('dependencies.fetch', fetch));
    out.fetch = fetch as typeof globalThis.fetch;
  }
  if (WebSocket !== undefined) {
    if (typeof WebSocket !== 'function') {
      fail('dependencies.WebSocket', mustBeFunction('dependencies.WebSocket', WebSocket));
    }
    out.WebSocket = WebSocket as NonNullable<RunwareDependencies['WebSocket']>;
  }
  if (files !== undefined) {
    const access = files as { isFile?: unknown; readFile?: unknown } | null;
    if (typeof access !== 'object' || access === null) {
      fail('dependencies.files', `dependencies.files must be an object, got ${describeValue(files)}.`);
    }
    for (const method of ['isFile', 'readFile'] as const) {
      const field = `dependencies.files.${method}`;
      if (typeof access?.[method] !== 'function') fail(field, mustBeFunction(field, access?.[method]));
    }
    out.files = files as NonNullable<RunwareDependencies['files']>;
  }
  return Object.freeze(out);
}

function mustBeFunction(field: string, value: unknown): string {
  return `${field} must be a function, got ${describeValue(value)}.`;
}
