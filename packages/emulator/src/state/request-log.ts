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

/**
 * A bounded log of what clients sent, keys redacted on the way in. Bodies are kept whole (tests
 * compare them exactly), so the bound is on count and on bytes: oldest entries go first.
 */
export function createRequestLog(capacity = 2000, maxBytes = 64 * 1024 * 1024): RequestLog {
  let entries: { request: CapturedRequest; bytes: number }[] = [];
  let bytes = 0;
  let nextId = 1;
  return {
    add(entry) {
      const request: CapturedRequest = {
        ...entry,
        id: nextId++,
        at: new Date().toISOString(),
        headers: redactHeaders(entry.headers ?? {}),
        body: redactKeys(entry.body),
      };
      const size = JSON.stringify(request.body)?.length ?? 0;
      entries.push({ request, bytes: size });
      bytes += size;
      let drop = 0;
      while (drop < entries.length - 1 && (entries.length - drop > capacity || bytes > maxBytes)) {
        bytes -= entries[drop]?.bytes ?? 0;
        drop += 1;
      }
      if (drop > 0) entries = entries.slice(drop);
    },
    list: (sinceId = 0) => entries.filter((e) => e.request.id > sinceId).map((e) => e.request),
    clear() {
      entries = [];
      bytes = 0;
    },
  };
}
