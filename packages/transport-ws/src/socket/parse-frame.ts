import type { RawApiError, ResultItem } from '@runware/core';
import { groupByTask, hasApiErrors, readApiErrors } from '@runware/core/transport-kit';

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

/** Frames name no HTTP status: an error without a code is an old-style authentication failure or noise. */
/** Most frames carry no error: they share one empty, never-written error map. */
const noErrors: Map<string, RawApiError[]> = new Map();
const noUnscoped: RawApiError[] = [];

const frameFallbackCode = (entry: Record<string, unknown>) =>
  typeof entry.errorId === 'number' || entry.error === true ? 'authenticationFailed' : undefined;

/**
 * Reads one inbound frame. Routing is by taskUUID, never by position: items without one are
 * dropped, pongs are flagged, authentication items carry the session id.
 */
export function parseFrame(text: string): FrameReading {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { kind: 'malformed', reason: 'not JSON' };
  }
  if (!isRecord(body)) return { kind: 'malformed', reason: 'not a JSON object' };
  const hasErrors = hasApiErrors(body);
  const hasData = 'data' in body;
  if (hasData && !Array.isArray(body.data)) return { kind: 'malformed', reason: '`data` is not an array' };
  if (!hasData && !hasErrors) return { kind: 'malformed', reason: 'neither `data` nor `errors`' };

  const taskItems: ResultItem[] = [];
  let sessionId: string | undefined;
  let authReply = false;
  let pong = false;
  for (const item of Array.isArray(body.data) ? body.data : []) {
    if (!isRecord(item)) continue;
    if (item.taskType === 'ping') {
      pong = true;
      continue;
    }
    if (item.taskType === 'authentication') {
      authReply = true;
      if (typeof item.connectionSessionUUID === 'string' && item.connectionSessionUUID.length > 0)
        sessionId = item.connectionSessionUUID;
      continue;
    }
    if (typeof item.taskType === 'string') taskItems.push(item as ResultItem);
  }
  let errors = noErrors;
  let unscoped = noUnscoped;
  if (hasErrors) {
    const scoped: RawApiError[] = [];
    unscoped = [];
    for (const raw of readApiErrors(body, { fallbackCode: frameFallbackCode }))
      (raw.taskUUID ? scoped : unscoped).push(raw);
    // groupByTask drops what names no taskUUID.
    errors = groupByTask(scoped);
  }
  return {
    kind: 'frame',
    items: groupByTask(taskItems),
    errors,
    unscoped,
    sessionId,
    authReply,
    pong,
  };
}

/** The taskUUIDs a frame speaks about, items first. */
export function taskUUIDsOf(frame: ParsedFrame): Iterable<string> {
  if (frame.errors.size === 0) return frame.items.keys();
  return new Set([...frame.items.keys(), ...frame.errors.keys()]);
}
