import type { Transport } from './stats';

/** One captured request, as `GET /_emulator/requests` returns it; never holds an API key. */
export interface CapturedRequest {
  id: number;
  at: string;
  transport: Transport;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

const redacted = '[redacted]';

/** Replaces every `apiKey` value (at any depth) so the log can be shown to anyone. */
export function redactKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, key === 'apiKey' ? redacted : redactKeys(inner)]),
  );
}

export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] =
      name === 'authorization' || name === 'x-api-key'
        ? redacted
        : Array.isArray(value)
          ? value.join(', ')
          : value;
  }
  return out;
}

export type NewRequest = Omit<CapturedRequest, 'id' | 'at' | 'headers'> & {
  headers?: Record<string, string | string[] | undefined>;
};

export interface RequestLog {
  add(entry: NewRequest): void;
  list(sinceId?: number): CapturedRequest[];
  clear(): void;
}

/** A bounded log of what clients sent, oldest dropped first; keys are redacted on the way in. */
export function createRequestLog(capacity = 2000): RequestLog {
  let entries: CapturedRequest[] = [];
  let nextId = 1;
  return {
    add(entry) {
      entries.push({
        ...entry,
        id: nextId++,
        at: new Date().toISOString(),
        headers: redactHeaders(entry.headers ?? {}),
        body: redactKeys(entry.body),
      });
      if (entries.length > capacity) entries = entries.slice(entries.length - capacity);
    },
    list: (sinceId = 0) => entries.filter((e) => e.id > sinceId),
    clear() {
      entries = [];
    },
  };
}
