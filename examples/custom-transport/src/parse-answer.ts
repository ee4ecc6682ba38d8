import { createRunwareError, type RawApiError, type ResultItem } from '@runware/core';

export interface Answer {
  status: number;
  data: ResultItem[];
  errors: RawApiError[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One HTTP answer as `{status, data, errors}`. An error status always carries at least one error
 * (made up from the status when the body has none); a 2xx body that is not `{data?, errors?}`
 * is unreadable: RunwareError `unknown`.
 */
export function parseAnswer(status: number, text: string): Answer {
  let body: unknown;
  try {
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    body = undefined;
  }
  const ok = status >= 200 && status < 300;
  if (!isObject(body)) {
    if (ok) throw createRunwareError('unreadableAnswer', `HTTP ${status} with a body that is not JSON.`);
    return {
      status,
      data: [],
      errors: [{ code: 'httpError', message: `The service answered HTTP ${status}.` }],
    };
  }
  const data = Array.isArray(body.data) ? body.data.filter(isObject) : [];
  const errors: RawApiError[] = (Array.isArray(body.errors) ? body.errors.filter(isObject) : []).map((e) => ({
    ...e,
    code: typeof e.code === 'string' ? e.code : 'unknownError',
    message: typeof e.message === 'string' ? e.message : 'Unknown error.',
  }));
  if (!ok && errors.length === 0)
    errors.push({ code: 'httpError', message: `The service answered HTTP ${status}.` });
  return { status, data: data as ResultItem[], errors };
}
