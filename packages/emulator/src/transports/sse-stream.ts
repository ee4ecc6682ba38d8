import type { ServerResponse } from 'node:http';
import { apiError } from '../api-error';
import type { EmulatorContext } from '../context';
import type { TaskRecord } from '../state/task-store';
import { costOf } from '../tasks/cost';
import type { JobInput } from '../tasks/job-types';
import { maxTokensOf, textAnswer, usageOf } from '../tasks/text-jobs';

const wait = (ctx: EmulatorContext, ms: number) =>
  new Promise<void>((resolve) => ctx.scheduler.after(ms, resolve));

/**
 * Streams a textInference answer as Server-Sent Events: reasoning deltas first, then one text
 * token per event, then a final chunk with finishReason (+ usage/cost when asked), then `[DONE]`.
 */
export async function streamText(
  ctx: EmulatorContext,
  res: ServerResponse,
  record: TaskRecord,
  input: JobInput,
): Promise<void> {
  const envelope = { taskType: record.taskType, taskUUID: record.taskUUID };
  const truncate = ctx.faults.take('truncateStream', { taskType: record.taskType, transport: 'rest' });
  const failure = ctx.faults.take('itemError', { taskType: record.taskType, transport: 'rest', index: 0 });
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  res.write(': keepalive\n\n');
  ctx.stats.streams.opened += 1;

  const answer = textAnswer(input, 0);
  const chunks = [
    ...answer.reasoning.map((reasoningContent) => ({ ...envelope, delta: { reasoningContent } })),
    ...answer.tokens.map((text) => ({ ...envelope, delta: { text }, finishReason: null })),
  ];
  let sent = 0;
  for (const chunk of chunks) {
    await wait(ctx, ctx.options.tokenDelayMs);
    if (closed) return;
    if (truncate && sent >= truncate.afterChunks) {
      ctx.stats.streams.truncated += 1;
      res.destroy();
      return;
    }
    if (failure && sent >= Math.floor(chunks.length / 2)) {
      const error = apiError(
        failure.code ?? 'providerTimeout',
        failure.message ?? 'The provider stopped responding (injected fault).',
        envelope,
      );
      res.end(`data: ${JSON.stringify({ errors: [error] })}\n\n`);
      ctx.tasks.update(record, 0, { state: 'error', error: { code: error.code, message: error.message } });
      return;
    }
    res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    sent += 1;
  }
  const usage = usageOf(answer);
  const finishReason = answer.tokens.length >= maxTokensOf(input.task) ? 'length' : 'stop';
  const last: Record<string, unknown> = { ...envelope, delta: {}, finishReason };
  if (input.task.includeUsage === true) last.usage = usage;
  const cost = costOf('textInference', input.task, { tokens: usage.totalTokens });
  if (input.task.includeCost === true) last.cost = cost;
  res.write(`data: ${JSON.stringify(last)}\n\n`);
  res.end('data: [DONE]\n\n');
  ctx.stats.streams.completed += 1;
  const item = {
    ...envelope,
    text: answer.tokens.join(''),
    finishReason,
    usage,
    ...(input.task.includeCost === true ? { cost } : {}),
  };
  ctx.tasks.update(record, 0, { state: 'success', item });
}
