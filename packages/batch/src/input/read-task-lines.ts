import type { BatchItem } from '../batch-item';
import { toBatchItem } from '../batch-item';
import { readLines } from '../files/read-lines';

/**
 * The tasks of a JSONL file, streamed: one item per non-blank line, indexed by its 1-based line
 * number. A line that is not JSON, or not a task, becomes an `invalid` item naming the problem.
 */
export async function* readTaskLines(path: string): AsyncGenerator<BatchItem> {
  for await (const { line, text } of readLines(path)) {
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { index: line, invalid: `not JSON (${(error as Error).message})` };
      continue;
    }
    yield toBatchItem(line, value);
  }
}
