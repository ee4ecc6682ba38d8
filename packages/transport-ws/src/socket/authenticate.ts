import type { RawApiError } from '@runware/core';
import type { ParsedFrame } from './parse-frame';

export type AuthReply =
  | { kind: 'ok'; sessionId: string }
  | { kind: 'failed'; error: RawApiError }
  /** Not an answer to the authentication (a pong, a stray frame): keep waiting. */
  | { kind: 'other' };

/** The first frame of every connection; with the previous session id it asks for a resume. */
export function authFrame(apiKey: string, sessionId: string | undefined): string {
  return JSON.stringify([
    { taskType: 'authentication', apiKey, ...(sessionId ? { connectionSessionUUID: sessionId } : {}) },
  ]);
}

/**
 * Reads a frame received during the handshake. Any error that names no task fails the handshake
 * (docs send `errors`, others `error`; both count), and so does a reply without a session id.
 */
export function readAuthReply(frame: ParsedFrame): AuthReply {
  const failure = frame.unscoped[0] ?? [...frame.errors.values()].flat()[0];
  if (failure) return { kind: 'failed', error: failure };
  if (frame.sessionId) return { kind: 'ok', sessionId: frame.sessionId };
  if (frame.authReply)
    return {
      kind: 'failed',
      error: {
        code: 'authFailed',
        message: 'The authentication reply carried no connectionSessionUUID.',
        taskType: 'authentication',
      },
    };
  return { kind: 'other' };
}
