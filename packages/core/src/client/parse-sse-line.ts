import { createRunwareError } from '../errors/create-runware-error';
import { parseApiError } from '../errors/parse-api-error';
import { exceedsDepth, maxItemDepth } from './item-depth';
import type { TextUsage } from './text-stream';

/** One chunk of a streamed text answer (one SSE `data:` event). */
export interface TextStreamChunk {
  /** A text delta. */
  text?: string;
  /** A reasoning delta (reasoning models); these arrive before the text. */
  reasoningContent?: string;
  /** Set on the last chunk only: `stop`, `length`, `content_filter`, … */
  finishReason?: string;
  /** On the last chunk, when the task asked for `includeUsage`. */
  usage?: TextUsage;
  /** On the last chunk, when the task asked for `includeCost`. */
  cost?: number;
  resultIndex?: number;
  taskUUID: string;
}

/** What one event's data says: a chunk, the end (`[DONE]`), or an error event of some task. */
export type SseEvent =
  | { kind: 'chunk'; chunk: TextStreamChunk }
  | { kind: 'done' }
  | { kind: 'error'; taskUUID: string | undefined; body: Record<string, unknown> };

/** The request an event belongs to, for the errors it raises. */
interface EventContext {
  taskType?: string | undefined;
  taskUUID?: string | undefined;
}

/**
 * Reads the data of one SSE event (the text after `data:`). The one chunk parser of the SDK: the
 * text stream and `parseSseLine` both use it. Throws a RunwareError (raw `parseError`,
 * `responseTooDeep`) when the data is not a JSON object a stream can send.
 */
export function readSseData(data: string, context: EventContext = {}): SseEvent {
  if (data.trim() === '[DONE]') return { kind: 'done' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (cause) {
    throw createRunwareError('parseError', 'The stream sent an event that is not JSON.', {
      ...context,
      cause,
    });
  }
  // Valid JSON of another shape (`null`, a number, an array) is no chunk: a broken answer, which a
  // retry of the same request would not mend, so not a connection error.
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw createRunwareError('parseError', 'The stream sent an event that is not a JSON object.', context);
  if (exceedsDepth(parsed))
    throw createRunwareError(
      'responseTooDeep',
      `The stream sent an event nested more than ${maxItemDepth} levels deep.`,
      context,
    );
  const message = parsed as Record<string, unknown>;
  const taskUUID = typeof message.taskUUID === 'string' ? message.taskUUID : undefined;
  // TS checks `errors` only; Python also `error` (PROTOCOL.md §5.3): accept both.
  if (message.errors || message.error) return { kind: 'error', taskUUID, body: message };
  const delta = (typeof message.delta === 'object' && message.delta !== null ? message.delta : {}) as {
    text?: unknown;
    reasoningContent?: unknown;
  };
  const chunk: TextStreamChunk = { taskUUID: taskUUID ?? context.taskUUID ?? '' };
  if (typeof delta.text === 'string') chunk.text = delta.text;
  if (typeof delta.reasoningContent === 'string') chunk.reasoningContent = delta.reasoningContent;
  if (typeof message.finishReason === 'string') chunk.finishReason = message.finishReason;
  if (typeof message.usage === 'object' && message.usage !== null) chunk.usage = message.usage as TextUsage;
  if (typeof message.cost === 'number') chunk.cost = message.cost;
  if (typeof message.resultIndex === 'number') chunk.resultIndex = message.resultIndex;
  return { kind: 'chunk', chunk };
}

/** The data of an SSE `data:` line (the space after the colon optional); undefined for any other. */
export function sseLineData(line: string): string | undefined {
  const trimmed = line.trim();
  return trimmed.startsWith('data:') ? trimmed.slice(5) : undefined;
}

/**
 * Parses one line of a text stream (Server-Sent Events) into a chunk, as the official SDK does.
 * Returns null for a blank line, a `:` comment, a line that is not `data:` (e.g. `event:`) and
 * `data: [DONE]`. Throws a RunwareError for an error event (its first error) and for data that is
 * not a JSON object (raw `parseError`).
 *
 * @example
 * for (const line of body.split('\n')) {
 *   const chunk = parseSseLine(line);
 *   if (chunk?.text) process.stdout.write(chunk.text);
 * }
 */
export function parseSseLine(line: string): TextStreamChunk | null {
  const data = sseLineData(line);
  if (data === undefined) return null;
  const event = readSseData(data);
  if (event.kind === 'done') return null;
  if (event.kind === 'error') throw parseApiError(event.body, { taskType: 'textInference' });
  return event.chunk;
}
