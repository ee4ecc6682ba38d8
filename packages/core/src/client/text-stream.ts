import { createParser } from 'eventsource-parser';
import { createRunwareError } from '../errors/create-runware-error';
import { isRunwareError, type RunwareError } from '../errors/runware-error';
import type { RawApiError, TaskPayload } from '../spec/task';
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
): TextStream {
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
  const end = (error?: RunwareError) => {
    if (state.ended) return;
    state.ended = true;
    state.error = error;
    wake();
  };

  const onEvent = (data: string) => {
    if (state.ended) return;
    if (data.trim() === '[DONE]') return end();
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(data) as Record<string, unknown>;
    } catch (cause) {
      return end(
        createRunwareError('parseError', 'The stream sent an event that is not JSON.', {
          taskType: task.taskType,
          taskUUID: task.taskUUID,
          cause,
        }),
      );
    }
    const errors = message.errors ?? message.error;
    if (errors) {
      const raw = (Array.isArray(errors) ? errors[0] : errors) as RawApiError | undefined;
      return end(
        mapApiError(raw ?? { code: 'unknownError', message: 'The stream reported an error.' }, task),
      );
    }
    const delta = (message.delta ?? {}) as { text?: unknown; reasoningContent?: unknown };
    if (typeof delta.reasoningContent === 'string' && delta.reasoningContent !== '')
      state.chunks.push({ kind: 'reasoning', value: delta.reasoningContent });
    if (typeof delta.text === 'string' && delta.text !== '')
      state.chunks.push({ kind: 'text', value: delta.text });
    if (typeof message.finishReason === 'string') state.finishReason = message.finishReason;
    if (message.usage && typeof message.usage === 'object') state.usage = message.usage as TextUsage;
    if (typeof message.cost === 'number') state.cost = message.cost;
    wake();
  };

  const parser = createParser({ onEvent: (event) => onEvent(event.data) });
  const onAbort = () => {
    state.aborted = true;
    void reader.cancel().catch(() => {});
    end();
  };
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });

  void (async () => {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
      // Ending without [DONE] is a normal end (PROTOCOL §5.3).
      end();
    } catch (cause) {
      if (state.aborted) return end();
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
