import type { ResultItem } from '../../spec/task';
import { assert, assertEqual, quiet, rejectsWithin, resolvesWithin, show, sleep } from '../assertions';
import type { SuiteRegistration } from '../conformance-suite';
import { imageTask } from '../task-fixtures';
import { assertExactAnswer } from './answer-checks';

// Holds the async acknowledgement long enough that only an abort or a close can end the send.
const heldAck = { kind: 'ackDelay', ms: 15_000, count: 1, taskType: 'imageInference' } as const;
// Time for a request the transport should not have sent to reach the emulator anyway.
const straggleMs = 300;

/** Abort, close and many sends at once: what ends a send, and what must never mix. */
export const registerLifecycleTests: SuiteRegistration = (suite) => {
  suite.describe('abort, close and concurrency', () => {
    suite.test('a pre-aborted signal rejects with aborted and sends nothing', async (ctx) => {
      const transport = await ctx.transport();
      const mark = await ctx.control.mark();
      const controller = new AbortController();
      controller.abort();
      const task = imageTask();
      await rejectsWithin(
        transport.send([task], { signal: controller.signal }),
        ctx.limits.promptMs,
        'aborted',
        'send() with an already aborted signal',
      );
      await sleep(straggleMs);
      assertEqual(await mark.submitsOf(task.taskUUID), 0, 'submissions of a task whose signal was aborted');
    });

    suite.test('aborting mid-flight rejects promptly with aborted and resends nothing', async (ctx) => {
      const transport = await ctx.transport();
      await ctx.control.addFaults([heldAck]);
      const mark = await ctx.control.mark();
      const controller = new AbortController();
      const task = imageTask({ deliveryMethod: 'async' });
      const pending = quiet(transport.send([task], { signal: controller.signal }));
      await mark.waitForSubmit(task.taskUUID, ctx.limits.operationMs);
      controller.abort();
      await rejectsWithin(pending, ctx.limits.promptMs, 'aborted', 'send() aborted while in flight');
      await sleep(straggleMs);
      await mark.assertSubmittedAtMostOnce([task.taskUUID]);
    });

    suite.test('close() resolves, rejects a pending send with connection, and is idempotent', async (ctx) => {
      const idle = await ctx.transport();
      await resolvesWithin(idle.close(), ctx.limits.promptMs, 'close() of an unused transport');

      const transport = await ctx.transport();
      await ctx.control.addFaults([heldAck]);
      const mark = await ctx.control.mark();
      const task = imageTask({ deliveryMethod: 'async' });
      const pending = quiet(transport.send([task]));
      await mark.waitForSubmit(task.taskUUID, ctx.limits.operationMs);
      await resolvesWithin(transport.close(), ctx.limits.promptMs, 'close() with a send pending');
      await rejectsWithin(pending, ctx.limits.promptMs, 'connection', 'the send pending at close()');
      await resolvesWithin(transport.close(), ctx.limits.promptMs, 'a second close()');
      await mark.assertSubmittedAtMostOnce([task.taskUUID]);
    });

    suite.test(
      '40 concurrent sends each resolve with their own task’s answer, none submitted twice',
      async (ctx) => {
        const transport = await ctx.transport();
        const mark = await ctx.control.mark();
        const tasks = Array.from({ length: 40 }, (_, i) =>
          imageTask(i % 4 === 0 ? { deliveryMethod: 'async' } : { numberResults: 1 + (i % 2) }),
        );
        const pushed = tasks.map((): ResultItem[] => []);
        const results = await resolvesWithin(
          Promise.all(
            tasks.map((task, i) => transport.send([task], { onItem: (item) => void pushed[i]?.push(item) })),
          ),
          ctx.limits.operationMs,
          '40 concurrent sends',
        );
        results.forEach((result, i) => {
          const task = tasks[i];
          assert(task !== undefined, 'one result per send');
          assertExactAnswer(result, [task], `concurrent send #${i}`);
          const strays = (pushed[i] ?? []).filter((item) => item.taskUUID !== task.taskUUID);
          assert(strays.length === 0, `onItem of send #${i} got items of other tasks: ${show(strays)}`);
        });
        await mark.assertSubmittedAtMostOnce(tasks.map((task) => task.taskUUID));
      },
    );
  });
};
