// parseSseLine(line): one SSE line → a chunk, or null for comments, blank lines and [DONE].
import { parseSseLine, type TextStreamChunk } from '@runware/sdk';
import { type Check, check, equal, ok } from './harness.js';

const row = 'export parseSseLine';

export const checks: Check[] = [
  check(`${row} › a text delta → { text, taskUUID }`, () => {
    const line = `data: ${JSON.stringify({ taskType: 'textInference', taskUUID: 'task-1', delta: { text: 'Hel' }, finishReason: null })}`;
    const chunk: TextStreamChunk | null = parseSseLine(line);
    ok(chunk, 'null for a data line');
    equal(chunk.text, 'Hel', 'chunk.text');
    equal(chunk.taskUUID, 'task-1', 'chunk.taskUUID');
  }),
  check(`${row} › a reasoning delta → { reasoningContent }`, () => {
    const line = `data: ${JSON.stringify({ taskType: 'textInference', taskUUID: 'task-1', delta: { reasoningContent: 'Hmm ' } })}`;
    const chunk = parseSseLine(line);
    ok(chunk, 'null for a data line');
    equal(chunk.reasoningContent, 'Hmm ', 'chunk.reasoningContent');
  }),
  check(`${row} › the last chunk → { finishReason, usage, cost }`, () => {
    const usage = { promptTokens: 3, completionTokens: 5, totalTokens: 8 };
    const line = `data: ${JSON.stringify({ taskType: 'textInference', taskUUID: 'task-1', delta: {}, finishReason: 'stop', usage, cost: 0.0001 })}`;
    const chunk = parseSseLine(line);
    ok(chunk, 'null for a data line');
    equal(chunk.finishReason, 'stop', 'chunk.finishReason');
    equal(JSON.stringify(chunk.usage), JSON.stringify(usage), 'chunk.usage');
    equal(chunk.cost, 0.0001, 'chunk.cost');
  }),
  check(`${row} › null for a comment, a blank line and [DONE]`, () => {
    equal(parseSseLine(': keepalive'), null, 'comment');
    equal(parseSseLine(''), null, 'blank line');
    equal(parseSseLine('data: [DONE]'), null, '[DONE]');
  }),
];
