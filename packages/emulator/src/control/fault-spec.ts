/**
 * Faults the emulator can inject, set at start-up or through `POST /_emulator/faults`. Every fault
 * may carry `rate` (probability per opportunity, drawn from a PRNG seeded by the emulator seed and
 * the fault's id, so a run is reproducible), `count` (how many times it fires before it retires),
 * and filters `taskType` / `transport`.
 */
export type FaultSpec =
  /** Close every open WebSocket now, after N more outbound frames, or per frame at `rate`. */
  | (FaultCommon & {
      kind: 'wsClose';
      afterFrames?: number;
      mode?: 'terminate' | 'close';
      closeCode?: number;
    })
  /** Hold async ACKs for `ms` before sending them. */
  | (FaultCommon & { kind: 'ackDelay'; ms: number })
  /** Accept the task but never send its ACK (REST: the connection is dropped without a response). */
  | (FaultCommon & { kind: 'ackDrop' })
  /** Send outbound WebSocket frames twice. */
  | (FaultCommon & { kind: 'duplicateFrames' })
  /** Hold an outbound WebSocket frame and send it after the next one. */
  | (FaultCommon & { kind: 'reorderFrames' })
  /** Answer REST requests with this status (5xx or 429). `phase: 'after'` runs the tasks first. */
  | (FaultCommon & { kind: 'httpError'; status: number; retryAfter?: number; phase?: 'before' | 'after' })
  /** Delay the WebSocket authentication reply. */
  | (FaultCommon & { kind: 'slowAuth'; ms: number })
  /** Send a malformed frame (not JSON, or JSON of the wrong shape) before a real one. */
  | (FaultCommon & { kind: 'malformedFrames' })
  /** Cut SSE streams after this many data chunks, without `[DONE]`. */
  | (FaultCommon & { kind: 'truncateStream'; afterChunks: number })
  /** Fail result items: item `index` of each task, or each item at `rate`. */
  | (FaultCommon & { kind: 'itemError'; index?: number; code?: string; message?: string })
  /** Make the schemas or content service answer `status` (default 503), or wait `delayMs` first. */
  | (FaultCommon & {
      kind: 'serviceError';
      service: 'schemas' | 'content';
      status?: number;
      delayMs?: number;
    });

export interface FaultCommon {
  /** Probability per opportunity, 0–1. Default 1 (every time). */
  rate?: number;
  /** Fire at most this many times, then retire. Default unlimited. */
  count?: number;
  taskType?: string;
  transport?: 'rest' | 'ws';
}

export type FaultKind = FaultSpec['kind'];

export const faultKinds: readonly FaultKind[] = [
  'wsClose',
  'ackDelay',
  'ackDrop',
  'duplicateFrames',
  'reorderFrames',
  'httpError',
  'slowAuth',
  'malformedFrames',
  'truncateStream',
  'itemError',
  'serviceError',
];

function fail(index: number, message: string): never {
  throw new TypeError(`faults[${index}]: ${message}`);
}

function optionalNumber(spec: Record<string, unknown>, field: string, index: number, min = 0): void {
  const value = spec[field];
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < min)) {
    fail(index, `${field} must be a number ≥ ${min}`);
  }
}

/** Checks a fault list from the control API or options; throws a TypeError naming the bad field. */
export function parseFaults(value: unknown): FaultSpec[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item, index) => {
    if (typeof item !== 'object' || item === null) fail(index, 'expected an object');
    const spec = item as Record<string, unknown>;
    if (!faultKinds.includes(spec.kind as FaultKind))
      fail(index, `kind must be one of ${faultKinds.join(', ')}`);
    optionalNumber(spec, 'count', index, 1);
    optionalNumber(spec, 'rate', index);
    if (typeof spec.rate === 'number' && spec.rate > 1) fail(index, 'rate must be between 0 and 1');
    if (spec.transport !== undefined && spec.transport !== 'rest' && spec.transport !== 'ws') {
      fail(index, "transport must be 'rest' or 'ws'");
    }
    for (const field of ['ms', 'afterFrames', 'afterChunks', 'retryAfter', 'index', 'delayMs', 'closeCode']) {
      optionalNumber(spec, field, index);
    }
    if ((spec.kind === 'ackDelay' || spec.kind === 'slowAuth') && typeof spec.ms !== 'number')
      fail(index, 'ms is required');
    if (spec.kind === 'truncateStream' && typeof spec.afterChunks !== 'number')
      fail(index, 'afterChunks is required');
    if (spec.kind === 'httpError') {
      const status = spec.status;
      if (
        typeof status !== 'number' ||
        !(status === 429 || status === 408 || (status >= 500 && status <= 599))
      ) {
        fail(index, 'status must be 408, 429 or 5xx');
      }
      if (spec.phase !== undefined && spec.phase !== 'before' && spec.phase !== 'after')
        fail(index, "phase must be 'before' or 'after'");
    }
    if (spec.kind === 'serviceError' && spec.service !== 'schemas' && spec.service !== 'content') {
      fail(index, "service must be 'schemas' or 'content'");
    }
    return spec as unknown as FaultSpec;
  });
}
