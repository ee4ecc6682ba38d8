import type { ResultItem } from '../../spec/task';
import { assert, assertEqual, rejectsWithin, show } from '../assertions';
import type { SuiteRegistration } from '../conformance-suite';
import { imageTask, paramsOf } from '../task-fixtures';
import { assertDistinct } from './answer-checks';

const injected = { code: 'inferenceError', message: 'conformance: injected result failure' } as const;

/** Splits what onResult saw into the task's successes and failed items, checking they are its own. */
function reportedOf(reported: readonly ResultItem[], taskUUID: string, what: string) {
  const foreign = reported.filter((item) => item.taskUUID !== taskUUID);
  assert(foreign.length === 0, `${what}: onResult got items of other tasks: ${show(foreign)}`);
  const successes = reported.filter((item) => item.status !== 'error' && item.error === undefined);
  assertDistinct(successes, `${what} (onResult)`);
  for (const item of successes)
    assert(typeof item.imageURL === 'string', `${what}: expected a finished image, got ${show(item)}`);
  return { successes, failures: reported.length - successes.length };
}

/** One failed result of a task: the call rejects with its code, the other results still arrive. */
export const registerItemErrorTests: SuiteRegistration = (suite) => {
  suite.describe('failed result items', () => {
    suite.test(
      'an async task with a failed result rejects with its code after reporting the others',
      async (ctx) => {
        const client = ctx.client(await ctx.transport());
        await ctx.control.addFaults([
          { kind: 'itemError', index: 1, count: 1, taskType: 'imageInference', ...injected },
        ]);
        const task = imageTask({ deliveryMethod: 'async', numberResults: 3 });
        const reported: ResultItem[] = [];
        const error = await rejectsWithin(
          client.run(paramsOf(task), { onResult: (item) => void reported.push(item) }),
          ctx.limits.operationMs,
          'provider',
          'client.run(async task with a failed result)',
        );
        assertEqual(error.rawCode, injected.code, 'rawCode of the rejection');
        assertEqual(error.taskUUID, task.taskUUID, 'taskUUID of the rejection');
        const { successes, failures } = reportedOf(reported, task.taskUUID, 'async task');
        assertEqual(successes.length, 2, 'successful results reported through onResult');
        assertEqual(failures, 1, 'failed results reported through onResult');
      },
    );

    // Results finish in order, so a failed middle result reaches a push transport before the last
    // success: the transport must keep waiting for it instead of ending the task at the first error.
    suite.test(
      'a sync task whose middle result fails rejects with its code after reporting the others',
      async (ctx) => {
        const client = ctx.client(await ctx.transport());
        await ctx.control.addFaults([
          { kind: 'itemError', index: 1, count: 1, taskType: 'imageInference', ...injected },
        ]);
        const task = imageTask({ numberResults: 3 });
        const reported: ResultItem[] = [];
        const error = await rejectsWithin(
          client.run(paramsOf(task), { onResult: (item) => void reported.push(item) }),
          ctx.limits.operationMs,
          'provider',
          'client.run(sync task with a failed result)',
        );
        assertEqual(error.rawCode, injected.code, 'rawCode of the rejection');
        assertEqual(error.taskUUID, task.taskUUID, 'taskUUID of the rejection');
        const { successes } = reportedOf(reported, task.taskUUID, 'sync task');
        assertEqual(successes.length, 2, 'successful results reported through onResult');
      },
    );
  });
};
