import type { ResultItem } from '../../spec/task';
import {
  assert,
  assertDeepEqual,
  assertEqual,
  assertRunwareError,
  rejectsWithin,
  resolvesWithin,
  settleWithin,
  show,
} from '../assertions';
import type { ConformanceContext } from '../conformance-context';
import type { SuiteRegistration } from '../conformance-suite';
import { imageTask, paramsOf } from '../task-fixtures';
import { assertSyncResults } from './answer-checks';

function assertImages(items: readonly ResultItem[], taskUUID: string, count: number, what: string): void {
  assertEqual(items.length, count, `${what}: results`);
  for (const item of items) {
    assertEqual(item.taskUUID, taskUUID, `${what}: taskUUID of a result`);
    assert(typeof item.imageURL === 'string', `${what}: expected an imageURL, got ${show(item)}`);
  }
}

/** How much a stats counter grew during `body`. */
async function faultsFired(
  ctx: ConformanceContext,
  kind: string,
  body: () => Promise<void>,
): Promise<number> {
  const before = (await ctx.control.stats()).faultsApplied[kind] ?? 0;
  await body();
  return ((await ctx.control.stats()).faultsApplied[kind] ?? 0) - before;
}

/** HTTP failures: retried when nothing ran, recovered without resubmitting when something did. */
export const registerRestFaultTests: SuiteRegistration = (suite) => {
  if (suite.manifest.wire !== 'rest') return;
  suite.describe('REST faults', () => {
    // Nothing ran (phase before), so sending the task again is safe: that is what a retry is.
    const turnedAway = {
      kind: 'httpError',
      status: 503,
      phase: 'before',
      count: 2,
      transport: 'rest',
    } as const;

    if (suite.manifest.retries) {
      suite.test('retries 503 answers given before the task ran, and then succeeds', async (ctx) => {
        const transport = await ctx.transport();
        const mark = await ctx.control.mark();
        const task = imageTask();
        const fired = await faultsFired(ctx, 'httpError', async () => {
          await ctx.control.addFaults([turnedAway]);
          const result = await resolvesWithin(
            transport.send([task]),
            ctx.limits.operationMs,
            'send() after 503s',
          );
          assertDeepEqual(result.errors, [], 'errors after the retries');
          assertSyncResults(result.data, task, 'answer after the retries');
        });
        assertEqual(fired, 2, '503 answers the emulator gave');
        // A 503 cannot say whether the task ran, so a transport may ask with getResponse (which can
        // meet the second 503) before resending: 2 submissions then, 3 for plain resends.
        const submits = await mark.submitsOf(task.taskUUID);
        assert(
          submits >= 2 && submits <= 3,
          `submissions of ${task.taskUUID}: expected 2 or 3, got ${submits}`,
        );
      });
    } else {
      suite.test('fails on a 503 with a RunwareError, without resending', async (ctx) => {
        const client = ctx.client(await ctx.transport());
        const mark = await ctx.control.mark();
        await ctx.control.addFaults([turnedAway]);
        const task = imageTask();
        await rejectsWithin(
          client.run(paramsOf(task)),
          ctx.limits.operationMs,
          undefined,
          'client.run() on a 503',
        );
        assertEqual(await mark.submitsOf(task.taskUUID), 1, 'submissions of a transport without retries');
      });
    }

    suite.test(
      'a 503 after the tasks ran never runs them twice, and ends in results or a RunwareError',
      async (ctx) => {
        const client = ctx.client(await ctx.transport());
        const mark = await ctx.control.mark();
        await ctx.control.addFaults([
          { kind: 'httpError', status: 503, phase: 'after', count: 1, transport: 'rest' },
        ]);
        const sync = imageTask({ numberResults: 2 });
        const async = imageTask({ deliveryMethod: 'async' });
        const outcome = await settleWithin(
          client.run([paramsOf(sync), paramsOf(async)]),
          ctx.limits.operationMs,
        );
        if (outcome.kind === 'pending')
          throw new Error('client.run() after a 503 that followed the tasks: still pending');
        if (outcome.kind === 'rejected') {
          assertRunwareError(outcome.error, undefined, 'client.run() after a 503 that followed the tasks');
          await mark.assertSubmittedAtMostOnce([sync.taskUUID, async.taskUUID]);
          return;
        }
        const [syncItems = [], asyncItems = []] = outcome.value;
        assertImages(syncItems, sync.taskUUID, 2, 'the recovered sync task');
        assertImages(asyncItems, async.taskUUID, 1, 'the recovered async task');
        // The service answered the 503 after accepting both tasks. A transport may ask with
        // getResponse, or resend and read the service's conflictTaskUUID as "already accepted";
        // either way nothing ran twice (the emulator never runs a repeat) and the caller got the
        // first run's results. A transport that resent and surfaced the conflict fails above.
        for (const task of [sync, async]) {
          const submits = await mark.submitsOf(task.taskUUID);
          assert(
            submits >= 1 && submits <= 2,
            `submissions of ${task.taskUUID}: expected 1 or 2, got ${submits}`,
          );
        }
      },
    );

    suite.test('a dropped answer (ackDrop) is recovered, never run twice', async (ctx) => {
      const client = ctx.client(await ctx.transport());
      const mark = await ctx.control.mark();
      await ctx.control.addFaults([{ kind: 'ackDrop', count: 1, transport: 'rest' }]);
      const task = imageTask({ deliveryMethod: 'async' });
      const outcome = await settleWithin(client.run(paramsOf(task)), ctx.limits.operationMs);
      if (outcome.kind === 'pending') throw new Error('client.run() after a dropped answer: still pending');
      if (outcome.kind === 'rejected') {
        // Giving up is allowed, but not after a resend whose conflictTaskUUID surfaced as an error.
        assertRunwareError(outcome.error, undefined, 'client.run() after a dropped answer');
        await mark.assertSubmittedAtMostOnce([task.taskUUID]);
        return;
      }
      assertImages(outcome.value, task.taskUUID, 1, 'the task whose answer was dropped');
      // The service may hold the task: asking (getResponse) is the cheap way; one resend read as
      // "accepted" on conflictTaskUUID is allowed too. The emulator never runs a repeat.
      const submits = await mark.submitsOf(task.taskUUID);
      assert(
        submits >= 1 && submits <= 2,
        `submissions of ${task.taskUUID}: expected 1 or 2, got ${submits}`,
      );
    });
  });
};
