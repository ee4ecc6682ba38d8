import { createRunwareError } from '../errors/create-runware-error';
import { parseApiError } from '../errors/parse-api-error';
import { isRunwareError, type RunwareError } from '../errors/runware-error';
import type { TaskPayload } from '../spec/task';
import { readSseData, type SseEvent, sseLineData } from './parse-sse-line';

export interface TextUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  thinkingTokens?: number;
}

export interface TextStreamResult {
  /** The whole answer text. */
  text: string;
  /** The reasoning (reasoning models); undefined when the model produced none. */
  reasoningContent?: string | undefined;
  /** `stop`, `length`, `content_filter`, …; null when the stream ended without one. */
  finishReason: string | null;
  /** Token counts, when the service sent them (in the last event). */
  usage: TextUsage | undefined;
  /** The task's cost in USD, when the service sent it (`includeCost`). */
  cost: number | undefined;
  /** The streamed task's taskUUID. */
  taskUUID: string;
}

/** A streamed text answer. Every consumer (both iterables, text(), result()) sees every chunk. */
export interface TextStream {
  /** The streamed task's taskUUID (assigned before it was sent). */
  readonly taskUUID: string;
  /** Text deltas as they arrive. Ends cleanly on abort; throws a RunwareError on a stream error. */
  readonly textStream: AsyncIterable<string>;
  /** Reasoning deltas (reasoning models), which arrive before the text. */
  readonly reasoningStream: AsyncIterable<string>;
  /** The whole text, once the stream ends. */
  text(): Promise<string>;
  /** Everything once the stream ends: text, reasoning, finish reason, usage and cost. */
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
  /** The curated slug of the task's model, so an in-stream error links to the model's page. */
  modelSlug?: string | undefined;
  /** The model's docs URL from `/resolve`, when validation fetched it. */
  docsUrl?: string | undefined;
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
    let event: SseEvent;
    try {
      event = readSseData(data, context);
    } catch (error) {
      return end(error as RunwareError);
    }
    if (event.kind === 'done') return end();
    const taskUUID = event.kind === 'error' ? event.taskUUID : event.chunk.taskUUID;
    // One request streams one task: an event naming another is not part of this answer.
    if (taskUUID !== undefined && taskUUID !== task.taskUUID) return;
    if (event.kind === 'error')
      return end(
        parseApiError(event.body, { ...context, modelSlug: limits.modelSlug, docsUrl: limits.docsUrl }),
      );
    const { chunk } = event;
    const add = (kind: Chunk['kind'], value: string | undefined) => {
      if (value === undefined || value === '') return true;
      textLength += value.length;
      if (textLength > maxTextLength) return false;
      state.chunks.push({ kind, value });
      return true;
    };
    if (!add('reasoning', chunk.reasoningContent) || !add('text', chunk.text)) return tooLarge();
    if (chunk.finishReason !== undefined) state.finishReason = chunk.finishReason;
    if (chunk.usage !== undefined) state.usage = chunk.usage;
    if (chunk.cost !== undefined) state.cost = chunk.cost;
    wake();
  };

  // Split into lines as the official SDKs do (PROTOCOL.md §5.3): each `data:` line is one event.
  let pending = '';
  const onLine = (line: string) => {
    const data = sseLineData(line);
    if (data !== undefined) onEvent(data);
  };
  const feed = (text: string) => {
    let start = 0;
    for (let at = text.indexOf('\n'); at !== -1 && !state.ended; at = text.indexOf('\n', start)) {
      onLine(pending + text.slice(start, at));
      pending = '';
      start = at + 1;
    }
    pending += text.slice(start);
    // A line that never ends would grow without bound: the text cap holds for it too. (An escaped
    // character counts once here, so the cap is at least as wide as the text it can hold.)
    if (pending.length > maxTextLength + 64 * 1024) tooLarge();
  };
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
        if (state.ended) break;
        if (done) {
          // The last line may lack its newline.
          onLine(pending + decoder.decode());
          break;
        }
        feed(decoder.decode(value, { stream: true }));
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
    const reasoning = join('reasoning');
    return {
      text: join('text'),
      // Undefined, not '', when there was none: the official SDK's shape.
      reasoningContent: reasoning === '' ? undefined : reasoning,
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
