import { isRunwareError } from '../../errors/runware-error';
import { assert, assertEqual, rejectsWithin, resolvesWithin, settleWithin, show } from '../assertions';
import type { SuiteRegistration } from '../conformance-suite';
import { imageTask, invalidParameter, itemsOf, paramsOf } from '../task-fixtures';
import { assertSyncResults } from './answer-checks';

/** Task errors are answers, request errors end the call: how each reaches the caller. */
export const registerErrorTests: SuiteRegistration = (suite) => {
  suite.describe('errors', () => {
    suite.test(
      'returns a task-level error in `errors` with its taskUUID, beside the other task’s results',
      async (ctx) => {
        const transport = await ctx.transport();
        const good = imageTask();
        const bad = imageTask(invalidParameter);
        const result = await resolvesWithin(
          transport.send([good, bad]),
          ctx.limits.operationMs,
          'send([valid task, invalid task]) (a task error is an answer, not a throw)',
        );
        assertSyncResults(result.data, good, 'the valid task of the batch');
        assertEqual(itemsOf(result.data, bad).length, 0, 'result items for the invalid task');
        const own = result.errors.filter((error) => error.taskUUID === bad.taskUUID);
        assertEqual(own.length, 1, `errors carrying the invalid task's taskUUID in ${show(result.errors)}`);
        const [error] = own;
        assert(
          typeof error?.code === 'string' && error.code !== '' && typeof error.message === 'string',
          `expected a raw API error with code and message, got ${show(error)}`,
        );
        assertEqual(error.parameter, 'outputType', 'parameter of the raw error');
        assertEqual(
          result.errors.some((e) => e.taskUUID === good.taskUUID),
          false,
          'an error attributed to the valid task',
        );
      },
    );

    suite.test(
      'the engine rejects an invalid task with a validation RunwareError naming the parameter',
      async (ctx) => {
        const client = ctx.client(await ctx.transport());
        const task = imageTask(invalidParameter);
        const error = await rejectsWithin(
          client.run(paramsOf(task)),
          ctx.limits.operationMs,
          'validation',
          'client.run(invalid sync task)',
        );
        assertEqual(error.parameter, 'outputType', 'parameter of the RunwareError');
        assertEqual(error.taskUUID, task.taskUUID, 'taskUUID of the RunwareError');
        const asyncError = await rejectsWithin(
          client.run(paramsOf(imageTask({ ...invalidParameter, deliveryMethod: 'async' }))),
          ctx.limits.operationMs,
          'validation',
          'client.run(invalid async task)',
        );
        assertEqual(asyncError.parameter, 'outputType', 'parameter of the async task’s RunwareError');
      },
    );

    suite.test(
      'a wrong API key fails with a RunwareError of code auth, through the engine and raw',
      async (ctx) => {
        const apiKey = `wrong-key-${Date.now()}`;
        const client = ctx.client(await ctx.transport({ apiKey }));
        await rejectsWithin(
          client.run(paramsOf(imageTask())),
          ctx.limits.operationMs,
          'auth',
          'client.run() with a wrong API key',
        );

        // Raw, the refusal may be thrown or returned as an error of no task; never a hang or an item.
        const transport = await ctx.transport({ apiKey });
        const task = imageTask();
        const outcome = await settleWithin(transport.send([task]), ctx.limits.operationMs);
        if (outcome.kind === 'pending') throw new Error('send() with a wrong API key: still pending');
        if (outcome.kind === 'rejected') {
          assert(
            isRunwareError(outcome.error),
            `send() with a wrong API key: expected a RunwareError, got ${show(outcome.error)}`,
          );
          assertEqual(outcome.error.code, 'auth', 'code of the thrown RunwareError');
          return;
        }
        const { data, errors } = outcome.value;
        assertEqual(itemsOf(data, task).length, 0, 'result items with a wrong API key');
        assert(
          errors.some((error) => error.taskUUID !== task.taskUUID),
          `send() with a wrong API key: expected a request-wide error, got ${show(errors)}`,
        );
      },
    );
  });
};
