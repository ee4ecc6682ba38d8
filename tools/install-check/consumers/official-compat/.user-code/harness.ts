// The runner's vocabulary: named checks, tiny assertions, and where the emulator is. Every check is
// named after the row of OFFICIAL-SDK-SURFACE.md it proves, so a failure says which row broke.

export interface Env {
  apiKey: string;
  httpUrl: string;
  wsUrl: string;
  schemasUrl: string;
  contentUrl: string;
  /** The version in the installed `@runware/sdk/package.json`. */
  sdkVersion: string;
}

export interface Check {
  name: string;
  run(env: Env): Promise<void> | void;
}

export function check(name: string, run: (env: Env) => Promise<void> | void): Check {
  return { name, run };
}

/** Reads the emulator's URLs from the environment (the only thing that differs from "their" code). */
export function readEnv(): Env {
  const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
  const need = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  return {
    apiKey: need('RUNWARE_API_KEY'),
    httpUrl: need('RUNWARE_HTTP_URL'),
    wsUrl: need('RUNWARE_WS_URL'),
    schemasUrl: need('RUNWARE_SCHEMAS_URL'),
    contentUrl: need('RUNWARE_CONTENT_URL'),
    sdkVersion: need('RUNWARE_SDK_PACKAGE_VERSION'),
  };
}

/** The config fields that point a client at the emulator instead of Runware's hosts. */
export function emulatorUrls(env: Env) {
  return {
    httpBaseUrl: env.httpUrl,
    wsBaseUrl: env.wsUrl,
    schemasBaseUrl: env.schemasUrl,
    contentBaseUrl: env.contentUrl,
  };
}

const show = (value: unknown): string => {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
};

export function ok(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function equal(actual: unknown, expected: unknown, what: string): void {
  if (!Object.is(actual, expected))
    throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

export function isString(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0)
    throw new Error(`${what}: expected a non-empty string, got ${show(value)}`);
}

export function isArray(value: unknown, what: string): asserts value is unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what}: expected an array, got ${show(value)}`);
}

/** Awaits a promise that must reject, and returns what it rejected with. */
export async function rejection(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    const value = await promise;
    throw new ResolvedError(`${what}: expected a rejection, resolved with ${show(value)}`);
  } catch (error) {
    if (error instanceof ResolvedError) throw error;
    return error;
  }
}

class ResolvedError extends Error {}

/** A short description of a thrown value for the report. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${code !== undefined ? ` [${String(code)}]` : ''}: ${error.message}`;
  }
  return show(error);
}

/** A 1×1 PNG, as a data URI (what fileToDataURI makes from its bytes). */
export const pngBytes = new Uint8Array([
  137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 31, 21,
  196, 137, 0, 0, 0, 13, 73, 68, 65, 84, 120, 156, 99, 248, 255, 255, 63, 0, 5, 254, 2, 254, 167, 53, 129,
  132, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
]);

export function pngDataUri(): string {
  let binary = '';
  for (const byte of pngBytes) binary += String.fromCharCode(byte);
  return `data:image/png;base64,${btoa(binary)}`;
}

/** Every request a client sends through `dependencies.fetch`, with its URL, method and headers. */
export interface FetchSpy {
  fetch: typeof globalThis.fetch;
  calls: { url: string; method: string; headers: Headers; body: string }[];
  /** POSTs to the API (not registry, schemas or content GETs). */
  posts(httpUrl: string): { url: string; method: string; headers: Headers; body: string }[];
}

export function fetchSpy(
  answer?: (url: string, init: RequestInit | undefined, attempt: number) => Promise<Response> | undefined,
): FetchSpy {
  const calls: FetchSpy['calls'] = [];
  const spy = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    const body = typeof init?.body === 'string' ? init.body : '';
    calls.push({ url, method, headers, body });
    const replaced = answer?.(url, init, calls.length);
    if (replaced) return replaced;
    return globalThis.fetch(input, init);
  };
  return {
    fetch: spy as typeof globalThis.fetch,
    calls,
    posts: (httpUrl) => calls.filter((c) => c.method === 'POST' && c.url.startsWith(httpUrl)),
  };
}

/** `ws`, the WebSocket of Node 20 (no global one): loaded by name so no type package is needed. */
export type WebSocketClass = new (
  url: string,
  protocols?: string | string[],
) => {
  send(data: unknown): void;
};

export async function nodeWebSocket(): Promise<WebSocketClass> {
  const global = (globalThis as { WebSocket?: WebSocketClass }).WebSocket;
  if (global) return global;
  const name = 'ws';
  const loaded = (await import(name)) as { WebSocket?: WebSocketClass; default?: WebSocketClass };
  const found = loaded.WebSocket ?? loaded.default;
  if (!found) throw new Error('no WebSocket class in ws');
  return found;
}

/** A WebSocket class that counts the sockets opened with it. */
export async function countingWebSocket(): Promise<{ WebSocket: WebSocketClass; opened(): number }> {
  const Base = await nodeWebSocket();
  let opened = 0;
  class CountingWebSocket extends Base {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      opened += 1;
    }
  }
  return { WebSocket: CountingWebSocket, opened: () => opened };
}

export const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
