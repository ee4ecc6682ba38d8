import { createRunwareError, type RunwareError, type TaskPayload } from '@runware/core';

/** The server refuses frames larger than this (PROTOCOL.md: 32 MiB, `invalidRequestSize`). */
export const maxRequestSize = 32 * 1024 * 1024;

/** UTF-8 size of `text`; exact only up to `limit` (anything larger is reported as `limit + 1`). */
export function utf8Size(text: string, limit: number): number {
  // A UTF-16 unit is 1 to 3 bytes: most texts are decided without counting.
  if (text.length > limit) return limit + 1;
  if (text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
    if (bytes > limit) return limit + 1;
  }
  return bytes;
}

/** The field to blame for task `index` of a send, as the client names its params. */
const paramsField = (count: number, index: number) => (count === 1 ? 'params' : `params.${index}`);

/**
 * Serializes the tasks of one send once, before anything is registered or written: params JSON
 * cannot carry (cycles, BigInt, a throwing toJSON) and frames the server would refuse for size
 * become the caller's RunwareError at once, instead of a TypeError thrown later from a socket
 * callback or a request that waits for an answer that never comes.
 */
export function serializeTasks(tasks: readonly TaskPayload[]): string[] | RunwareError {
  const texts: string[] = [];
  let frameBytes = tasks.length + 1; // brackets and commas
  let largest = 0;
  let largestBytes = -1;
  for (const [index, task] of tasks.entries()) {
    if (typeof task !== 'object' || task === null || Array.isArray(task)) {
      return createRunwareError('invalidParams', 'Each task must be an object.', {
        parameter: paramsField(tasks.length, index),
      });
    }
    let text: string | undefined;
    try {
      text = JSON.stringify(task);
    } catch (cause) {
      return createRunwareError(
        'invalidParams',
        `The task cannot be sent as JSON: ${cause instanceof Error ? cause.message : String(cause)}.`,
        { parameter: paramsField(tasks.length, index), ...taskContext(task), cause },
      );
    }
    if (typeof text !== 'string' || !text.startsWith('{')) {
      // A toJSON that returns something else than an object.
      return createRunwareError('invalidParams', 'The task does not serialize to a JSON object.', {
        parameter: paramsField(tasks.length, index),
        ...taskContext(task),
      });
    }
    const bytes = utf8Size(text, maxRequestSize);
    if (bytes > largestBytes) {
      largest = index;
      largestBytes = bytes;
    }
    frameBytes += bytes;
    texts.push(text);
  }
  if (frameBytes > maxRequestSize) {
    const task = tasks[largest];
    return createRunwareError(
      'invalidRequestSize',
      `The request is larger than the server accepts (${maxRequestSize} bytes per frame); send large media by URL or upload it first.`,
      { parameter: paramsField(tasks.length, largest), ...taskContext(task) },
    );
  }
  return texts;
}

function taskContext(task: TaskPayload | undefined): { taskType?: string; taskUUID?: string } {
  if (typeof task !== 'object' || task === null) return {};
  return {
    taskType: typeof task.taskType === 'string' ? task.taskType : undefined,
    taskUUID: typeof task.taskUUID === 'string' ? task.taskUUID : undefined,
  };
}
