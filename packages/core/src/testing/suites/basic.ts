import type { ResultItem } from '../../spec/task';
import { assert, assertDeepEqual, assertEqual, resolvesWithin, show } from '../assertions';
import type { SuiteRegistration } from '../conformance-suite';
import { imageTask, itemsOf, paramsOf } from '../task-fixtures';
import { assertSyncResults } from './answer-checks';

/** Identity, sync and async delivery, batches: what every transport must do. */
export const registerBasicTests: SuiteRegistration = (suite) => {
  suite.describe('identity and delivery', () => {
    suite.test(
      'declares specificationVersion v1, a name, and the capabilities of its manifest',
      async (ctx) => {
        const transport = await ctx.transport();
        const { manifest } = ctx;
        assertEqual(transport.specificationVersion, 'v1', 'specificationVersion');
        assert(
          typeof transport.name === 'string' && transport.name.trim() !== '',
          `name: expected a non-empty string, got ${show(transport.name)}`,
        );
        assertDeepEqual(
          {
            streaming: transport.capabilities.streaming,
            push: transport.capabilities.push,
            resume: transport.capabilities.resume,
          },
          { streaming: manifest.streaming, push: manifest.push, resume: manifest.resume },
          'capabilities against the manifest',
        );
        assertEqual(typeof transport.stream === 'function', manifest.streaming, 'stream() is a function');
        assertEqual(typeof transport.send, 'function', 'typeof send');
        assertEqual(typeof transport.close, 'function', 'typeof close');
      },
    );

    suite.test('answers a sync task with its result items and no errors', async (ctx) => {
      const transport = await ctx.transport();
      const task = imageTask({ numberResults: 2 });
      const result = await resolvesWithin(transport.send([task]), ctx.limits.operationMs, 'send(sync task)');
      assertDeepEqual(result.errors, [], 'errors of a successful sync task');
      assertSyncResults(result.data, task, 'sync answer');
      assertEqual(result.data.length, 2, 'items in the answer (nothing else)');
    });

    suite.test('answers every task of a batch sent in one call', async (ctx) => {
      const transport = await ctx.transport();
      const mark = await ctx.control.mark();
      const tasks = [
        imageTask(),
        imageTask({ numberResults: 3 }),
        imageTask({ positivePrompt: 'A harbour' }),
      ];
      const result = await resolvesWithin(transport.send(tasks), ctx.limits.operationMs, 'send(batch of 3)');
      assertDeepEqual(result.errors, [], 'errors of a successful batch');
      for (const task of tasks) assertSyncResults(result.data, task, 'batch answer');
      assertEqual(result.data.length, 5, 'items in the batch answer');
      await mark.assertSubmittedAtMostOnce(tasks.map((task) => task.taskUUID));
    });

    suite.test('acknowledges an async task with one item of its taskUUID', async (ctx) => {
      const transport = await ctx.transport();
      const task = imageTask({ deliveryMethod: 'async' });
      const result = await resolvesWithin(transport.send([task]), ctx.limits.operationMs, 'send(async task)');
      assertDeepEqual(result.errors, [], 'errors of an accepted async task');
      const acks = itemsOf(result.data, task);
      assertEqual(acks.length, 1, 'acknowledgement items for the task');
      assertEqual(acks[0]?.taskType, 'imageInference', 'taskType of the acknowledgement');
    });

    suite.test('completes an async task through the engine’s getResponse polling', async (ctx) => {
      const transport = await ctx.transport();
      const client = ctx.client(transport);
      const mark = await ctx.control.mark();
      const task = imageTask({ deliveryMethod: 'async', numberResults: 2 });
      const uuid = task.taskUUID;
      const reported: ResultItem[] = [];
      const items = await resolvesWithin(
        client.run(paramsOf(task), { onResult: (item) => void reported.push(item) }),
        ctx.limits.operationMs,
        'client.run(async task)',
      );
      assertEqual(items.length, 2, 'results of the async task');
      for (const item of items) {
        assertEqual(item.taskUUID, uuid, 'taskUUID of each result');
        assert(
          typeof item.imageURL === 'string' && /^https?:\/\//.test(item.imageURL),
          `expected a result URL, got ${show(item.imageURL)}`,
        );
      }
      assertEqual(reported.length, 2, 'onResult calls');
      assert(
        (await mark.pollsOf(uuid)) > 0,
        'expected the engine to poll the task with getResponse through the transport',
      );
      await mark.assertSubmittedAtMostOnce([uuid]);
    });
  });
};
