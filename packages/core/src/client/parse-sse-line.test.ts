import { describe, expect, it } from 'vitest';
import { isRunwareError, type RunwareError } from '../errors/runware-error';
import { parseSseLine, readSseData } from './parse-sse-line';

function thrown(fn: () => unknown): RunwareError {
  try {
    fn();
  } catch (error) {
    if (isRunwareError(error)) return error;
    throw new Error(`expected a RunwareError, got ${String(error)}`);
  }
  throw new Error('expected a throw');
}

describe('parseSseLine', () => {
  it.each([
    '',
    '   ',
    ': keepalive',
    ':',
    'event: message',
    'id: 3',
    'retry: 100',
    'data: [DONE]',
    'data:[DONE]',
  ])('gives null for %j', (line) => {
    expect(parseSseLine(line)).toBeNull();
  });

  it('reads a text chunk, with or without the space after data:', () => {
    const chunk = { taskType: 'textInference', taskUUID: 't4', delta: { text: 'Hel' }, finishReason: null };
    expect(parseSseLine(`data: ${JSON.stringify(chunk)}`)).toEqual({ text: 'Hel', taskUUID: 't4' });
    expect(parseSseLine(`data:${JSON.stringify(chunk)}\r`)).toEqual({ text: 'Hel', taskUUID: 't4' });
  });

  it('reads a reasoning chunk', () => {
    const line =
      'data: {"taskType":"textInference","taskUUID":"t4","delta":{"reasoningContent":"Thinking…"}}';
    expect(parseSseLine(line)).toEqual({ reasoningContent: 'Thinking…', taskUUID: 't4' });
  });

  it('reads the last chunk: finish reason, usage, cost and result index', () => {
    const usage = { promptTokens: 5, completionTokens: 2, totalTokens: 7 };
    const line = `data: ${JSON.stringify({
      taskType: 'textInference',
      taskUUID: 't4',
      delta: {},
      finishReason: 'stop',
      usage,
      cost: 0.00002,
      resultIndex: 0,
    })}`;
    expect(parseSseLine(line)).toEqual({
      finishReason: 'stop',
      usage,
      cost: 0.00002,
      resultIndex: 0,
      taskUUID: 't4',
    });
  });

  it('throws raw parseError for data that is not a JSON object', () => {
    expect(thrown(() => parseSseLine('data: {broken'))).toMatchObject({
      rawCode: 'parseError',
      retryable: false,
    });
    expect(thrown(() => parseSseLine('data: [1,2]')).rawCode).toBe('parseError');
  });

  it('throws the first error of an error event, as a RunwareError', () => {
    const line =
      'data: {"errors":[{"code":"providerTimeout","message":"too slow","taskType":"textInference","taskUUID":"t4"}]}';
    expect(thrown(() => parseSseLine(line))).toMatchObject({
      code: 'timeout',
      retryable: true,
      rawCode: 'providerTimeout',
      message: 'too slow',
      taskUUID: 't4',
      taskType: 'textInference',
    });
    expect(thrown(() => parseSseLine('data: {"error":{"code":"inferenceError","message":"x"}}')).code).toBe(
      'provider',
    );
  });
});

describe('readSseData', () => {
  it('says done for [DONE], and names the task of an error event', () => {
    expect(readSseData(' [DONE] ')).toEqual({ kind: 'done' });
    expect(readSseData('{"taskUUID":"a","errors":[{"code":"x","message":"y"}]}')).toMatchObject({
      kind: 'error',
      taskUUID: 'a',
    });
  });

  it('fills a chunk without taskUUID from the context', () => {
    expect(readSseData('{"delta":{"text":"x"}}', { taskUUID: 'ctx' })).toEqual({
      kind: 'chunk',
      chunk: { text: 'x', taskUUID: 'ctx' },
    });
  });

  it('fails an event nested very deep with responseTooDeep', () => {
    const deep = `{"taskUUID":"t","usage":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    expect(thrown(() => readSseData(deep)).rawCode).toBe('responseTooDeep');
  });
});
