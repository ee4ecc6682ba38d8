import type { TaskPayload } from '../../spec/task';
import type { TransportV1 } from '../../spec/transport-v1';
import { assert, assertEqual, rejectsWithin, resolvesWithin, show } from '../assertions';
import type { ConformanceContext } from '../conformance-context';
import type { SuiteRegistration } from '../conformance-suite';
import { paramsOf, textTask } from '../task-fixtures';

function streamOf(transport: TransportV1): NonNullable<TransportV1['stream']> {
  const stream = transport.stream?.bind(transport);
  if (!stream) throw new Error('the manifest says streaming, but the transport has no stream()');
  return stream;
}

/**
 * Streams `task` through the engine, expecting the stream to start, deliver some text, then fail
 * with a RunwareError (a cut or an error event after the first chunks).
 */
async function expectFailureMidStream(ctx: ConformanceContext, task: TaskPayload, what: string) {
  const client = ctx.client(await ctx.transport());
  const stream = await resolvesWithin(
    client.stream(paramsOf(task)),
    ctx.limits.operationMs,
    `${what}: client.stream() (the stream starts before the fault)`,
  );
  const chunks: string[] = [];
  const read = async () => {
    for await (const chunk of stream.textStream) chunks.push(chunk);
  };
  const error = await rejectsWithin(read(), ctx.limits.operationMs, undefined, `${what}: reading textStream`);
  assert(chunks.length > 0, `${what}: expected the chunks before the fault, got none`);
  await rejectsWithin(stream.text(), ctx.limits.promptMs, error.code, `${what}: text()`);
  return error;
}

/** SSE text streaming: a whole stream, errors before it, and errors or cuts during it. */
export const registerStreamingTests: SuiteRegistration = (suite) => {
  if (!suite.manifest.streaming) return;
  suite.describe('streaming', () => {
    suite.test('streams a text answer token by token until it ends', async (ctx) => {
      const client = ctx.client(await ctx.transport());
      const task = textTask();
      const stream = await resolvesWithin(
        client.stream(paramsOf(task)),
        ctx.limits.operationMs,
        'client.stream()',
      );
      const chunks: string[] = [];
      const read = async () => {
        for await (const chunk of stream.textStream) chunks.push(chunk);
      };
      await resolvesWithin(read(), ctx.limits.operationMs, 'reading textStream to its end');
      assert(chunks.length > 1, `expected the text in several chunks, got ${show(chunks)}`);
      const result = await resolvesWithin(stream.result(), ctx.limits.promptMs, 'stream.result()');
      assertEqual(result.text, chunks.join(''), 'result().text against the chunks');
      assert(result.text.trim() !== '', 'expected a non-empty text');
      assertEqual(result.taskUUID, task.taskUUID, 'taskUUID of the streamed answer');
      assertEqual(result.finishReason, 'length', 'finishReason with maxTokens used up');
    });

    suite.test('throws a RunwareError before the stream for a request the API refuses', async (ctx) => {
      const transport = await ctx.transport();
      const { messages: _messages, ...withoutMessages } = textTask({ deliveryMethod: 'stream' });
      const error = await rejectsWithin(
        streamOf(transport)(withoutMessages),
        ctx.limits.operationMs,
        'validation',
        'stream() of a task without messages',
      );
      assertEqual(error.parameter, 'messages', 'parameter of the RunwareError');
    });

    suite.test('a stream cut before its end rejects with a RunwareError', async (ctx) => {
      await ctx.control.addFaults([
        { kind: 'truncateStream', afterChunks: 3, count: 1, taskType: 'textInference' },
      ]);
      await expectFailureMidStream(ctx, textTask(), 'a truncated stream');
    });

    suite.test('an error event inside the stream surfaces as a RunwareError with its code', async (ctx) => {
      await ctx.control.addFaults([
        {
          kind: 'itemError',
          count: 1,
          taskType: 'textInference',
          code: 'inferenceError',
          message: 'conformance: injected',
        },
      ]);
      const error = await expectFailureMidStream(ctx, textTask(), 'a stream with an error event');
      assertEqual(error.rawCode, 'inferenceError', 'rawCode of the in-stream error');
    });
  });
};
