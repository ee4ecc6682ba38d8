import { createRunwareError, type RawApiError, type RunwareError } from '@runware/core';
import { describeCause } from '@runware/core/transport-kit';

// The errors of a socket's life, which only a WebSocket transport has; the generic ones come from the kit.

export const reconnectionFailedError = (attempts: number, cause?: unknown): RunwareError =>
  createRunwareError(
    'reconnectionFailed',
    `The connection dropped and ${attempts} reconnect attempts failed.`,
    {
      cause,
    },
  );

export const connectionFailedError = (url: string, cause?: unknown): RunwareError =>
  createRunwareError('connectionFailed', `Could not connect to ${url}: ${describeCause(cause)}`, { cause });

export const authTimeoutError = (ms: number): RunwareError =>
  createRunwareError('authTimeout', `The server did not answer the authentication within ${ms} ms.`, {
    taskType: 'authentication',
  });

export const authError = (raw: RawApiError): RunwareError =>
  createRunwareError(raw.code, raw.message, {
    taskType: 'authentication',
    parameter: raw.parameter,
  });

export const noWebSocketError = (): RunwareError =>
  createRunwareError(
    'noWebSocketImpl',
    'No WebSocket implementation: pass options.WebSocket, or install `ws` on Node.',
  );

export const responseTooLargeError = (limit: number): RunwareError =>
  createRunwareError(
    'responseTooLarge',
    `A message from the server was larger than maxResponseSize (${limit} bytes) and was not read; the requests it could have answered failed.`,
  );
