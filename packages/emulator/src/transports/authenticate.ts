import { type ApiErrorItem, apiError } from '../api-error';

export type AuthResult = { apiKey: string } | { error: ApiErrorItem };

/** Checks a key against the accepted set; the key itself never appears in the error. */
export function checkApiKey(accepted: ReadonlySet<string>, key: unknown): AuthResult {
  const context = { parameter: 'apiKey', taskType: 'authentication' };
  if (typeof key !== 'string' || key === '')
    return { error: apiError('missingApiKey', 'An API key is required.', context) };
  if (!accepted.has(key))
    return { error: apiError('invalidApiKey', 'Invalid API key. Check the key you passed.', context) };
  return { apiKey: key };
}

/** REST: `Authorization: Bearer <key>`, or a first task `{taskType: 'authentication', apiKey}`. */
export function restCredentials(
  header: string | undefined,
  tasks: unknown[],
): { key: unknown; tasks: unknown[] } {
  const first = tasks[0] as { taskType?: unknown; apiKey?: unknown } | undefined;
  if (first && typeof first === 'object' && first.taskType === 'authentication') {
    return { key: first.apiKey, tasks: tasks.slice(1) };
  }
  const bearer = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return { key: bearer?.[1]?.trim(), tasks };
}
