import type { ResultItem } from '../../spec/task';
import { assert, assertEqual, deepEqual, resolvesWithin, show } from '../assertions';
import type { SuiteRegistration } from '../conformance-suite';
import { imageTask, invalidParameter } from '../task-fixtures';
import { assertExactAnswer } from './answer-checks';
import { runMixedWorkload } from './faults-websocket';

/** Push: sync results reach `onItem` as they finish. Resume: a dropped session loses nothing. */
export const registerPushAndResumeTests: SuiteRegistration = (suite) => {
  const { push, resume } = suite.manifest;
  if (!push && !resume) return;
  suite.describe('push and resume', () => {
    if (push) {
      suite.test('calls onItem for each result of a sync task before send() resolves', async (ctx) => {
        const transport = await ctx.transport();
        const task = imageTask({ numberResults: 3 });
        let resolved = false;
        const pushed: { item: ResultItem; early: boolean }[] = [];
        const sending = transport
          .send([task], { onItem: (item) => void pushed.push({ item, early: !resolved }) })
          .then((result) => {
            resolved = true;
            return result;
          });
        const result = await resolvesWithin(sending, ctx.limits.operationMs, 'send(sync task, onItem)');
        assertExactAnswer(result, [task], 'the pushed task');
        assertEqual(pushed.length, 3, 'onItem calls');
        assert(
          pushed.every((entry) => entry.early),
          'expected every onItem call before send() resolved, some came after',
        );
        for (const { item } of pushed)
          assert(
            result.data.some((answered) => deepEqual(answered, item)),
            `expected each pushed item in the answer, missing ${show(item)}`,
          );
      });

      suite.test('does not call onItem for acknowledgements or errors', async (ctx) => {
        const transport = await ctx.transport();
        const pushed: ResultItem[] = [];
        const accepted = imageTask({ deliveryMethod: 'async' });
        const refused = imageTask(invalidParameter);
        const result = await resolvesWithin(
          transport.send([accepted, refused], { onItem: (item) => void pushed.push(item) }),
          ctx.limits.operationMs,
          'send([async task, invalid task], onItem)',
        );
        assertEqual(
          result.errors.filter((error) => error.taskUUID === refused.taskUUID).length,
          1,
          'errors of the invalid task',
        );
        assertEqual(pushed.length, 0, `onItem calls (got ${show(pushed)})`);
      });
    }

    if (resume) {
      for (const afterFrames of [0, 3]) {
        suite.test(
          `a socket cut after ${afterFrames} frame(s) resumes, and every task completes exactly once`,
          async (ctx) => {
            const before = await ctx.control.stats();
            await runMixedWorkload(ctx, `wsClose after ${afterFrames} frame(s)`, () =>
              ctx.control.addFaults([{ kind: 'wsClose', afterFrames, count: 1, transport: 'ws' }]),
            );
            const after = await ctx.control.stats();
            assertEqual(
              (after.faultsApplied.wsClose ?? 0) - (before.faultsApplied.wsClose ?? 0),
              1,
              'sockets the emulator cut',
            );
            assert(
              after.connections.resumed > before.connections.resumed,
              `expected a resumed session, the emulator counted ${after.connections.resumed - before.connections.resumed}`,
            );
          },
        );
      }
    }
  });
};
