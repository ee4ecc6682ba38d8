import { createRunwareError, type RawApiError, type RunwareError } from '@runware/core';

export const disconnectedError = (): RunwareError =>
  createRunwareError('disconnected', 'The WebSocket transport was disconnected before the task completed.');

export const reconnectionFailedError = (attempts: number, cause?: unknown): RunwareError =>
  createRunwareError(
    'reconnectionFailed',
    `The connection dropped and ${attempts} reconnect attempts failed.`,
    {
      cause,
    },
  );

export const connectionFailedError = (url: string, cause?: unknown): RunwareError =>
  createRunwareError('connectionFailed', `Could not connect to ${url}: ${describe(cause)}`, { cause });

export const authTimeoutError = (ms: number): RunwareError =>
  createRunwareError('authTimeout', `The server did not answer the authentication within ${ms} ms.`, {
    taskType: 'authentication',
  });

export const authError = (raw: RawApiError): RunwareError =>
  createRunwareError(raw.code, raw.message, {
    taskType: 'authentication',
    parameter: raw.parameter,
    documentation: raw.documentation,
  });

export const timeoutError = (ms: number, taskUUID: string | undefined): RunwareError =>
  createRunwareError('timeout', `No complete answer within ${ms} ms.`, { taskUUID });

export const abortedError = (reason: unknown, taskUUID: string | undefined): RunwareError =>
  createRunwareError('aborted', 'The send was aborted by the caller. The server may still run the task.', {
    taskUUID,
    cause: reason,
  });

export const noWebSocketError = (): RunwareError =>
  createRunwareError(
    'noWebSocketImpl',
    'No WebSocket implementation: pass options.WebSocket, or install `ws` on Node.',
  );

function describe(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'object' && cause !== null && 'message' in cause) return String(cause.message);
  return cause === undefined ? 'connection closed' : String(cause);
}
