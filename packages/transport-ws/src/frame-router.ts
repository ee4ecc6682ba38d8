import type { RawApiError, ResultItem } from '@runware/core';

/** One inbound frame, read: items and errors grouped by taskUUID, plus what concerns the socket. */
export interface ParsedFrame {
  kind: 'frame';
  /** Items per taskUUID, in arrival order. */
  items: Map<string, ResultItem[]>;
  /** Errors per taskUUID. */
  errors: Map<string, RawApiError[]>;
  /** Errors that name no task. */
  unscoped: RawApiError[];
  /** A session id from an `authentication` item. */
  sessionId: string | undefined;
  /** The frame held an authentication item (an auth reply, even one without a session id). */
  authReply: boolean;
  pong: boolean;
}

export type FrameReading = ParsedFrame | { kind: 'malformed'; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Normalises one error object; the frame's outer taskUUID/taskType fill in what it lacks. */
function toRawError(value: unknown, outer: Record<string, unknown>): RawApiError | undefined {
  if (!isRecord(value)) return undefined;
  const code =
    typeof value.code === 'string'
      ? value.code
      : typeof value.errorId === 'number' || value.error === true
        ? 'authenticationFailed'
        : undefined;
  if (!code) return undefined;
  const message =
    typeof value.message === 'string'
      ? value.message
      : typeof value.errorMessage === 'string'
        ? value.errorMessage
        : code;
  const raw: RawApiError = { ...value, code, message };
  if (raw.taskUUID === undefined && typeof outer.taskUUID === 'string') raw.taskUUID = outer.taskUUID;
  if (raw.taskType === undefined && typeof outer.taskType === 'string') raw.taskType = outer.taskType;
  if (typeof raw.taskUUID !== 'string' || raw.taskUUID.length === 0) delete raw.taskUUID;
  return raw;
}

/** The error list of a frame, whichever spelling it uses: `errors[]`, `error{}`, `error[]`, legacy `error: true`. */
function errorList(frame: Record<string, unknown>): unknown[] | undefined {
  if (Array.isArray(frame.errors)) return frame.errors;
  if (Array.isArray(frame.error)) return frame.error;
  if (isRecord(frame.error)) return [frame.error];
  if (frame.error === true) return [frame];
  return undefined;
}

const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * Reads one inbound frame. Routing is by taskUUID, never by position: items without one are
 * dropped, pongs are flagged, authentication items carry the session id.
 */
export function readFrame(text: string): FrameReading {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { kind: 'malformed', reason: 'not JSON' };
  }
  if (!isRecord(body)) return { kind: 'malformed', reason: 'not a JSON object' };
  const errors = errorList(body);
  const hasData = 'data' in body;
  if (hasData && !Array.isArray(body.data)) return { kind: 'malformed', reason: '`data` is not an array' };
  if (!hasData && !errors) return { kind: 'malformed', reason: 'neither `data` nor `errors`' };

  const frame: ParsedFrame = {
    kind: 'frame',
    items: new Map(),
    errors: new Map(),
    unscoped: [],
    sessionId: undefined,
    authReply: false,
    pong: false,
  };
  for (const item of Array.isArray(body.data) ? body.data : []) {
    if (!isRecord(item)) continue;
    if (item.taskType === 'ping') {
      frame.pong = true;
      continue;
    }
    if (item.taskType === 'authentication') {
      frame.authReply = true;
      if (typeof item.connectionSessionUUID === 'string' && item.connectionSessionUUID.length > 0)
        frame.sessionId = item.connectionSessionUUID;
      continue;
    }
    if (typeof item.taskUUID !== 'string' || typeof item.taskType !== 'string') continue;
    push(frame.items, item.taskUUID, item as ResultItem);
  }
  for (const value of errors ?? []) {
    const raw = toRawError(value, body);
    if (!raw) continue;
    if (raw.taskUUID) push(frame.errors, raw.taskUUID, raw);
    else frame.unscoped.push(raw);
  }
  return frame;
}

/** The taskUUIDs a frame speaks about, items first. */
export function taskUUIDsOf(frame: ParsedFrame): Set<string> {
  return new Set([...frame.items.keys(), ...frame.errors.keys()]);
}
