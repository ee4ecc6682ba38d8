import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApiErrorItem, apiError, httpStatusFor } from '../api-error';
import type { EmulatorContext } from '../context';
import { readBody, sendJson } from '../http/respond';
import { recordError, recordRequest } from '../state/stats';
import { type Submitted, submitTask } from '../tasks/engine';
import { checkApiKey, restCredentials } from './authenticate';
import { deliverWebhooks, waitForRecord } from './delivery';
import { streamText } from './sse-stream';

function sendErrors(
  ctx: EmulatorContext,
  res: ServerResponse,
  errors: ApiErrorItem[],
  data: unknown[] = [],
  headers: Record<string, string> = {},
): void {
  for (const error of errors) recordError(ctx.stats, error.code);
  const status = httpStatusFor(errors[0]?.code ?? 'internalServerError');
  sendJson(res, status, data.length > 0 ? { data, errors } : { errors }, headers);
}

function taskTypesOf(tasks: readonly unknown[]): string[] {
  return tasks.map((t) =>
    typeof t === 'object' && t !== null ? String((t as { taskType?: unknown }).taskType ?? '') : '',
  );
}

const delay = (ctx: EmulatorContext, ms: number) =>
  new Promise<void>((resolve) => ctx.scheduler.after(ms, resolve));

function track(ctx: EmulatorContext, apiKey: string, by: number): number {
  const next = (ctx.inFlight.get(apiKey) ?? 0) + by;
  if (next <= 0) ctx.inFlight.delete(apiKey);
  else ctx.inFlight.set(apiKey, next);
  return next;
}

/** `POST /v1`: a JSON array of tasks, answered with `{data}`, `{errors}` or both, or an SSE stream. */
export async function handleRest(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const read = await readBody(req, ctx.options.maxPayloadBytes);
  if (!read.ok) {
    if (read.reason === 'tooLarge')
      sendErrors(ctx, res, [
        apiError('invalidRequestSize', `The request body exceeds ${ctx.options.maxPayloadBytes} bytes.`),
      ]);
    return;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(read.body.toString('utf8'));
  } catch {
    ctx.stats.requests.rest += 1;
    sendErrors(ctx, res, [apiError('invalidJson', 'The request body is not valid JSON.')]);
    return;
  }
  ctx.requests.add({
    transport: 'rest',
    method: 'POST',
    path: req.url ?? '/v1',
    headers: req.headers,
    body: payload,
  });
  if (!Array.isArray(payload) || payload.length === 0) {
    ctx.stats.requests.rest += 1;
    sendErrors(ctx, res, [
      apiError('invalidRequestFormat', 'The request body must be a non-empty JSON array of tasks.'),
    ]);
    return;
  }
  const credentials = restCredentials(req.headers.authorization, payload);
  recordRequest(ctx.stats, 'rest', taskTypesOf(credentials.tasks));
  const auth = checkApiKey(ctx.options.apiKeys, credentials.key);
  if ('error' in auth) {
    sendErrors(ctx, res, [auth.error]);
    return;
  }
  const limit = ctx.options.concurrencyLimit;
  if (limit > 0 && track(ctx, auth.apiKey, 0) >= limit) {
    sendErrors(
      ctx,
      res,
      [apiError('rateLimitExceeded', `More than ${limit} concurrent requests for this API key.`)],
      [],
      { 'retry-after': '1' },
    );
    return;
  }
  const before = ctx.faults.take('httpError', { transport: 'rest', phase: 'before' });
  if (before) {
    sendInjectedError(ctx, res, before.status, before.retryAfter);
    return;
  }
  track(ctx, auth.apiKey, 1);
  try {
    await answer(ctx, req, res, credentials.tasks, auth.apiKey);
  } finally {
    track(ctx, auth.apiKey, -1);
  }
}

function sendInjectedError(
  ctx: EmulatorContext,
  res: ServerResponse,
  status: number,
  retryAfter: number | undefined,
): void {
  const code =
    status === 429
      ? 'rateLimitExceeded'
      : status === 408
        ? 'requestTimeout'
        : status === 503
          ? 'serviceUnavailable'
          : 'internalServerError';
  const headers: Record<string, string> =
    retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {};
  recordError(ctx.stats, code);
  sendJson(res, status, { errors: [apiError(code, `Injected fault: HTTP ${status}.`)] }, headers);
}

async function answer(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  tasks: unknown[],
  apiKey: string,
): Promise<void> {
  const caller = { transport: 'rest' as const, apiKey };
  const isStream = (t: unknown) =>
    typeof t === 'object' && t !== null && (t as { deliveryMethod?: unknown }).deliveryMethod === 'stream';
  if (tasks.some(isStream) && tasks.length > 1) {
    sendErrors(ctx, res, [
      apiError(
        'unsupportedDeliveryMethod',
        "A task with deliveryMethod 'stream' must be the only task of its request.",
        { parameter: 'deliveryMethod' },
      ),
    ]);
    return;
  }
  const outcomes: Submitted[] = tasks.map((task) => submitTask(ctx, task, caller));
  const first = outcomes[0];
  if (first?.kind === 'stream') {
    await streamText(ctx, res, first.record, first.input);
    return;
  }
  const data: unknown[] = [];
  const errors: ApiErrorItem[] = [];
  let acked = false;
  for (const outcome of outcomes) {
    if (outcome.kind === 'now') data.push(...outcome.items);
    else if (outcome.kind === 'error') errors.push(outcome.error);
    else if (outcome.kind === 'ack') {
      acked = true;
      data.push(outcome.ack);
      const webhook = outcome.record.request.webhookURL;
      if (typeof webhook === 'string') deliverWebhooks(ctx, outcome.record, webhook);
    } else if (outcome.kind === 'sync') {
      for (const result of await waitForRecord(ctx, outcome.record)) {
        if ('item' in result) data.push(result.item);
        else errors.push(result.error);
      }
    }
  }
  if (acked) {
    if (ctx.faults.take('ackDrop', { transport: 'rest' })) {
      // Accepted, but the client never hears so: the case a client must recover from without resubmitting.
      req.socket.destroy();
      return;
    }
    const held = ctx.faults.take('ackDelay', { transport: 'rest' });
    if (held) await delay(ctx, held.ms);
  }
  const after = ctx.faults.take('httpError', { transport: 'rest', phase: 'after' });
  if (after) {
    sendInjectedError(ctx, res, after.status, after.retryAfter);
    return;
  }
  if (errors.length > 0) sendErrors(ctx, res, errors, data);
  else sendJson(res, 200, { data });
}
