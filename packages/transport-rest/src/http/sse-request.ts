import {
  createRunwareError,
  isRunwareError,
  type RunwareError,
  type SendOptionsV1,
  type TaskPayload,
} from '@runware/core';
import { BodyTooLarge, contextOf, guardStream, limitStream, readText } from '@runware/core/transport-kit';
import { parseAnswer } from './parse-response';
import type { RequestContext } from './request-context';
import { requestHeaders } from './request-headers';
import type { ReleaseSlot } from './request-slots';
import {
  failureError,
  interruption,
  parseError,
  redactText,
  syntheticError,
  tooLargeError,
} from './rest-errors';
import { classifyFailure, type PostRequest, startPost } from './start-post';

/** A pre-stream error answer as a RunwareError: its first error, or one made up from the status. */
function answerError(
  status: number,
  statusText: string,
  text: string,
  task: TaskPayload,
  secrets: readonly string[],
): RunwareError {
  const parsed = parseAnswer(status, statusText, text);
  const first = (parsed.ok ? parsed.result.errors[0] : undefined) ?? syntheticError(status, statusText);
  return createRunwareError(first.code, redactText(first.message, secrets), {
    parameter: first.parameter,
    taskType: first.taskType ?? task.taskType,
    taskUUID: first.taskUUID ?? task.taskUUID,
    statusCode: status,
  });
}

/**
 * `stream(task)`: one POST of `[task]` asking for `text/event-stream`, never retried (a stream
 * cannot be resumed, and resubmitting would meet `conflictTaskUUID`). The timeout, only when the
 * call gives one, covers the whole stream.
 */
export async function sseRequest(
  ctx: RequestContext,
  task: TaskPayload,
  sendOptions: SendOptionsV1,
): Promise<ReadableStream<Uint8Array>> {
  const { options } = ctx;
  const context = contextOf([task]);
  // Only a timeout the call gives: a stream may rightly run longer than one request's budget.
  const timeoutMs = sendOptions.timeoutMs;
  const request = {
    fetch: ctx.fetch,
    url: options.httpBaseUrl,
    headers: requestHeaders(options, 'text/event-stream'),
    body: JSON.stringify([task]),
    timeoutMs,
    signal: sendOptions.signal,
    closing: ctx.closing,
  };
  let release: ReleaseSlot;
  try {
    release = await ctx.slots.acquire([sendOptions.signal, ctx.closing]);
  } catch (reason) {
    throw failureError(interruption(sendOptions.signal, reason), context, ctx, timeoutMs ?? 0);
  }
  // The stream holds its slot (its connection) until it ends, however it ends.
  try {
    return await openStream(ctx, task, request, release);
  } catch (error) {
    release();
    throw error;
  }
}

async function openStream(
  ctx: RequestContext,
  task: TaskPayload,
  request: PostRequest,
  release: ReleaseSlot,
): Promise<ReadableStream<Uint8Array>> {
  const context = contextOf([task]);
  const { timeoutMs } = request;
  ctx.log('request', `POST ${request.url}: stream ${task.taskType}`, { attempt: 1, tasks: 1 });
  const started = await startPost(request);
  if (!('response' in started)) throw failureError(started, context, ctx, timeoutMs ?? 0);
  const { response, combined } = started;
  const readFailure = (cause: unknown) =>
    failureError(classifyFailure(cause, combined, request), context, ctx, timeoutMs ?? 0);

  const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
  const isJson = contentType.includes('json');
  if (!response.ok || isJson) {
    // A JSON answer holds either the pre-stream error or no stream at all: read it whole (within
    // maxResponseSize).
    let text: string;
    try {
      const body = await readText(response, ctx.options.maxResponseSize);
      if (body instanceof BodyTooLarge) throw tooLargeError(context, response.status, body);
      text = body.text;
    } catch (cause) {
      throw isRunwareError(cause) ? cause : readFailure(cause);
    } finally {
      combined.dispose();
    }
    if (!response.ok) throw answerError(response.status, response.statusText, text, task, ctx.secrets);
    const parsed = parseAnswer(response.status, response.statusText, text);
    if (!parsed.ok) throw parseError(context, response.status, parsed.cause);
    if (parsed.result.errors.length > 0)
      throw answerError(response.status, response.statusText, text, task, ctx.secrets);
    throw createRunwareError('streamUnsupported', 'The API answered the stream request with JSON, not SSE.', {
      ...context,
      statusCode: response.status,
    });
  }
  // A 2xx that is not SSE (a proxy's HTML page, say) would read as a stream with no events, which
  // core takes for an empty success: refuse it before handing a body on.
  if (!contentType.includes('text/event-stream')) {
    combined.dispose();
    void response.body?.cancel().catch(() => {});
    const shown = contentType === '' ? 'no content-type' : `content-type ${contentType.split(';')[0]}`;
    throw createRunwareError(
      'unrecognizedResponse',
      `The API answered the stream request HTTP ${response.status} with ${shown}, not text/event-stream.`,
      { ...context, statusCode: response.status },
    );
  }
  if (!response.body) {
    combined.dispose();
    throw parseError(context, response.status, new Error('the SSE response has no body'));
  }
  // The stream keeps the call's signals and timer until it ends, however it ends; its bytes count
  // against maxResponseSize as one body.
  const status = response.status;
  return guardStream(limitStream(response.body, ctx.options.maxResponseSize), {
    toError: (cause) =>
      cause instanceof BodyTooLarge ? tooLargeError(context, status, cause) : readFailure(cause),
    onEnd: () => {
      combined.dispose();
      release();
    },
  });
}
