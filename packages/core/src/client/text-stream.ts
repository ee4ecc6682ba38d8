import { createParser } from 'eventsource-parser';
import { createRunwareError } from '../errors/create-runware-error';
import { isRunwareError, type RunwareError } from '../errors/runware-error';
import type { RawApiError, TaskPayload } from '../spec/task';
import { exceedsDepth, maxItemDepth } from './item-depth';
import { mapApiError } from './map-api-error';

export interface TextUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  thinkingTokens?: number;
}

export interface TextStreamResult {
  text: string;
  reasoningContent: string;
  /** `stop`, `length`, `content_filter`, …; null when the stream ended without one. */
  finishReason: string | null;
  usage: TextUsage | undefined;
  cost: number | undefined;
  taskUUID: string;
}

/** A streamed text answer. Every consumer (both iterables, text(), result()) sees every chunk. */
export interface TextStream {
  readonly taskUUID: string;
  /** Text deltas as they arrive. Ends cleanly on abort; throws a RunwareError on a stream error. */
  readonly textStream: AsyncIterable<string>;
  /** Reasoning deltas (reasoning models), which arrive before the text. */
  readonly reasoningStream: AsyncIterable<string>;
  /** The whole text, once the stream ends. */
  text(): Promise<string>;
  result(): Promise<TextStreamResult>;
}

type Chunk = { kind: 'text' | 'reasoning'; value: string };

/** A stream silent this long (keep-alive comments do not count) is taken for stalled. */
export const defaultStreamIdleTimeoutMs = 120_000;

/** Text and reasoning a stream may accumulate, in characters, before it is cut (64 Mi). */
export const defaultMaxStreamTextLength = 64 * 1024 * 1024;

export interface TextStreamLimits {
  /** ms without a data event before the stream fails with `timeout`; `Infinity`: never. */
  idleTimeoutMs?: number | undefined;
  /** Characters of text and reasoning kept at most; beyond, the stream fails (`responseTooLarge`). */
  maxTextLength?: number | undefined;
}

interface StreamState {
  chunks: Chunk[];
  finishReason: string | null;
  usage: TextUsage | undefined;
  cost: number | undefined;
  ended: boolean;
  aborted: boolean;
  error: RunwareError | undefined;
}

/** Reads an SSE body into a broadcast buffer that any number of consumers can replay. */
export function createTextStream(
  body: ReadableStream<Uint8Array>,
  task: TaskPayload,
  signal: AbortSignal | undefined,
  limits: TextStreamLimits = {},
): TextStream {
  const idleTimeoutMs = limits.idleTimeoutMs ?? defaultStreamIdleTimeoutMs;
  const maxTextLength = limits.maxTextLength ?? defaultMaxStreamTextLength;
  const context = { taskType: task.taskType, taskUUID: task.taskUUID };
  let textLength = 0;
  const state: StreamState = {
    chunks: [],
    finishReason: null,
    usage: undefined,
    cost: undefined,
    ended: false,
    aborted: false,
    error: undefined,
  };
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of waiters) waiter();
    waiters.clear();
  };
  const changed = () => new Promise<void>((resolve) => waiters.add(resolve));
  const reader = body.getReader();
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const end = (error?: RunwareError) => {
    if (state.ended) return;
    state.ended = true;
    state.error = error;
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    // A failed stream is not read further: cancel it, so the server's flood or silence stops here.
    if (error) void reader.cancel().catch(() => {});
    wake();
  };
  /** (Re)starts the idle timer: a stalled connection (or keep-alives only) must not hang forever. */
  const stillAlive = () => {
    if (state.ended || !Number.isFinite(idleTimeoutMs)) return;
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = setTimeout(
      () =>
        end(
          createRunwareError(
            'timeout',
            `The stream sent no data for ${idleTimeoutMs} ms (streamIdleTimeout).`,
            context,
          ),
        ),
      idleTimeoutMs,
    );
  };
  const tooLarge = () =>
    end(
      createRunwareError(
        'responseTooLarge',
        `The stream sent more than ${maxTextLength} characters; it was cut to bound memory.`,
        context,
      ),
    );

  const onEvent = (data: string) => {
    if (state.ended) return;
    stillAlive();
    if (data.trim() === '[DONE]') return end();
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch (cause) {
      return end(
        createRunwareError('parseError', 'The stream sent an event that is not JSON.', { ...context, cause }),
      );
    }
    // Valid JSON of another shape (`null`, a number, an array) is no chunk: a broken answer, which a
    // retry of the same request would not mend, so not a connection error.
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return end(
        createRunwareError('parseError', 'The stream sent an event that is not a JSON object.', context),
      );
    if (exceedsDepth(parsed))
      return end(
        createRunwareError(
          'responseTooDeep',
          `The stream sent an event nested more than ${maxItemDepth} levels deep.`,
          context,
        ),
      );
    const message = parsed as Record<string, unknown>;
    // One request streams one task: a chunk naming another is not part of this answer.
    if (typeof message.taskUUID === 'string' && message.taskUUID !== task.taskUUID) return;
    const errors = message.errors ?? message.error;
    if (errors) {
      const raw = (Array.isArray(errors) ? errors[0] : errors) as RawApiError | undefined;
      return end(
        mapApiError(
          typeof raw === 'object' && raw !== null
            ? raw
            : { code: 'unknownError', message: 'The stream reported an error.' },
          task,
        ),
      );
    }
    const delta = (typeof message.delta === 'object' && message.delta !== null ? message.delta : {}) as {
      text?: unknown;
      reasoningContent?: unknown;
    };
    const add = (kind: Chunk['kind'], value: unknown) => {
      if (typeof value !== 'string' || value === '') return true;
      textLength += value.length;
      if (textLength > maxTextLength) return false;
      state.chunks.push({ kind, value });
      return true;
    };
    if (!add('reasoning', delta.reasoningContent) || !add('text', delta.text)) return tooLarge();
    if (typeof message.finishReason === 'string') state.finishReason = message.finishReason;
    if (message.usage && typeof message.usage === 'object') state.usage = message.usage as TextUsage;
    if (typeof message.cost === 'number') state.cost = message.cost;
    wake();
  };

  const parser = createParser({
    onEvent: (event) => onEvent(event.data),
    // An event that never ends (no blank line, no newline) would grow the parser's buffer without
    // bound: the same cap holds for it. (An escaped character counts once here, so the cap is
    // at least as wide as the text it can hold.)
    maxBufferSize: maxTextLength + 64 * 1024,
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') tooLarge();
    },
  });
  const onAbort = () => {
    state.aborted = true;
    void reader.cancel().catch(() => {});
    end();
  };
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });

  stillAlive();
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done || state.ended) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
      // Ending without [DONE] is a normal end (PROTOCOL §5.3).
      end();
    } catch (cause) {
      if (state.aborted || state.ended) return end();
      end(
        isRunwareError(cause)
          ? cause
          : createRunwareError('connectionFailed', 'The stream was cut before it ended.', {
              taskType: task.taskType,
              taskUUID: task.taskUUID,
              cause,
            }),
      );
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  })();

  const iterate = (kind: Chunk['kind']): AsyncIterable<string> => ({
    async *[Symbol.asyncIterator]() {
      let cursor = 0;
      for (;;) {
        while (cursor < state.chunks.length) {
          const chunk = state.chunks[cursor++];
          if (chunk?.kind === kind) yield chunk.value;
        }
        if (state.ended) {
          if (state.error) throw state.error;
          return;
        }
        await changed();
      }
    },
  });

  const finished = async (): Promise<TextStreamResult> => {
    while (!state.ended) await changed();
    if (state.error) throw state.error;
    if (state.aborted)
      throw createRunwareError('aborted', 'The stream was aborted.', {
        taskType: task.taskType,
        taskUUID: task.taskUUID,
      });
    const join = (kind: Chunk['kind']) =>
      state.chunks
        .filter((c) => c.kind === kind)
        .map((c) => c.value)
        .join('');
    return {
      text: join('text'),
      reasoningContent: join('reasoning'),
      finishReason: state.finishReason,
      usage: state.usage,
      cost: state.cost,
      taskUUID: task.taskUUID,
    };
  };

  return {
    taskUUID: task.taskUUID,
    textStream: iterate('text'),
    reasoningStream: iterate('reasoning'),
    text: async () => (await finished()).text,
    result: finished,
  };
}
