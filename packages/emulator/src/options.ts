import type { FaultSpec } from './control/fault-spec';

/** The API key every emulator accepts unless told otherwise; printed in the README. */
export const defaultApiKey = 'runware-emulator-key';

export interface EmulatorOptions {
  /** Port to listen on; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Accepted API keys, added to {@link defaultApiKey} unless `onlyTheseKeys` is set. */
  apiKeys?: readonly string[];
  /** Accept only `apiKeys`, not the default key. */
  onlyTheseKeys?: boolean;
  /** Milliseconds until a task's first result, by taskType, plus `default`. */
  latency?: Readonly<Record<string, number>>;
  /** Seeds everything the emulator makes up: outputs without a seed, fault decisions. Default 1. */
  seed?: number;
  /** Faults active from the start (see the README, "Faults"). */
  faults?: readonly FaultSpec[];
  /** Requests (REST) or tasks (WebSocket) in flight per API key before 429; 0 = unlimited. Default 0. */
  concurrencyLimit?: number;
  /** Delay between streamed text tokens, ms. Default 5. */
  tokenDelayMs?: number;
  /** How long finished tasks and generated media stay retrievable, ms. Default 10 minutes. */
  resultTtlMs?: number;
  /** How long a dropped WebSocket session keeps its undelivered frames for a resume, ms. Default 120 s. */
  sessionTtlMs?: number;
  /** Close a WebSocket after this long without inbound traffic, ms. Default 120 s. */
  inactivityTimeoutMs?: number;
  /** The server's budget for a sync task, ms. Default 120 s. */
  syncTimeoutMs?: number;
  /** Largest REST body or WebSocket frame accepted, bytes. Default 32 MiB. */
  maxPayloadBytes?: number;
  /** One compact line per request on this sink (the CLI passes stderr). Default: silent. */
  log?: (line: string) => void;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  apiKeys: ReadonlySet<string>;
  latency: Readonly<Record<string, number>>;
  seed: number;
  faults: readonly FaultSpec[];
  concurrencyLimit: number;
  tokenDelayMs: number;
  resultTtlMs: number;
  sessionTtlMs: number;
  inactivityTimeoutMs: number;
  syncTimeoutMs: number;
  maxPayloadBytes: number;
  log: (line: string) => void;
}

/** First-result latency by task type when none is configured: small, so tests stay fast. */
export const defaultLatency: Readonly<Record<string, number>> = {
  default: 20,
  imageInference: 30,
  videoInference: 60,
  audioInference: 30,
  '3dInference': 50,
  textInference: 20,
  training: 250,
  modelUpload: 40,
};

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`emulator option ${name} must be a non-negative number, got ${String(value)}`);
  }
  return value;
}

/** Fills in defaults and rejects nonsense early, naming the option. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const keys = new Set(options.onlyTheseKeys ? [] : [defaultApiKey]);
  for (const key of options.apiKeys ?? []) {
    if (typeof key !== 'string' || key.length === 0)
      throw new TypeError('emulator option apiKeys must hold non-empty strings');
    keys.add(key);
  }
  if (keys.size === 0) throw new TypeError('emulator option apiKeys is empty while onlyTheseKeys is set');
  const latency: Record<string, number> = { ...defaultLatency };
  for (const [taskType, ms] of Object.entries(options.latency ?? {}))
    latency[taskType] = nonNegative(`latency.${taskType}`, ms, 0);
  const port = nonNegative('port', options.port, 0);
  if (!Number.isInteger(port) || port > 65535)
    throw new TypeError(`emulator option port must be an integer 0–65535, got ${port}`);
  return {
    port,
    host: options.host ?? '127.0.0.1',
    apiKeys: keys,
    latency,
    seed: Math.trunc(nonNegative('seed', options.seed, 1)),
    faults: options.faults ?? [],
    concurrencyLimit: Math.trunc(nonNegative('concurrencyLimit', options.concurrencyLimit, 0)),
    tokenDelayMs: nonNegative('tokenDelayMs', options.tokenDelayMs, 5),
    resultTtlMs: nonNegative('resultTtlMs', options.resultTtlMs, 10 * 60_000),
    sessionTtlMs: nonNegative('sessionTtlMs', options.sessionTtlMs, 120_000),
    inactivityTimeoutMs: nonNegative('inactivityTimeoutMs', options.inactivityTimeoutMs, 120_000),
    syncTimeoutMs: nonNegative('syncTimeoutMs', options.syncTimeoutMs, 120_000),
    maxPayloadBytes: nonNegative('maxPayloadBytes', options.maxPayloadBytes, 32 * 1024 * 1024),
    log: options.log ?? (() => {}),
  };
}

export function latencyFor(options: ResolvedOptions, taskType: string): number {
  return options.latency[taskType] ?? options.latency.default ?? 20;
}
