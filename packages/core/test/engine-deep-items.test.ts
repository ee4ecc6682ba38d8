import { describe, expect, it } from 'vitest';
import { createRunwareClient, isRunwareError } from '../src/index';
import type { ResultItem, TaskPayload } from '../src/spec/task';
import type { TransportV1 } from '../src/spec/transport-v1';

/** `{ nested: { nested: … } }`, `depth` levels deep, built without recursion. */
function deep(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { nested: value };
  return value;
}

function transportAnswering(item: (task: TaskPayload) => ResultItem): TransportV1 {
  return {
    specificationVersion: 'v1',
    name: 'scripted',
    capabilities: { streaming: false, push: false, resume: false },
    async send(tasks: TaskPayload[]) {
      return {
        data: tasks.map((task) =>
          task.taskType === 'getResponse'
            ? item({ ...task, taskType: 'imageInference' })
            : task.deliveryMethod === 'async'
              ? { taskType: task.taskType, taskUUID: task.taskUUID }
              : item(task),
        ),
        errors: [],
      };
    },
    async close() {},
  } as unknown as TransportV1;
}

describe('engine: a result item nested very deep', () => {
  for (const deliveryMethod of ['sync', 'async'] as const) {
    it(`(${deliveryMethod}) settles the call without overflowing the stack`, async () => {
      const client = createRunwareClient({
        config: { apiKey: 'k'.repeat(32), debug: true, logSink: () => {} },
        transport: transportAnswering((task) => ({
          taskType: task.taskType,
          taskUUID: task.taskUUID,
          status: 'success',
          imageURL: 'u',
          extra: deep(5000),
        })),
      } as never);
      const outcome = await client
        .run(
          { taskType: 'imageInference', model: 'runware:100@1', positivePrompt: 'x', deliveryMethod },
          { onResult: () => {} },
        )
        .then(
          (value: unknown) => ({ value }),
          (error: unknown) => ({ error }),
        );
      if (deliveryMethod === 'async') {
        // A polled answer that deep fails its task with a RunwareError, so nothing downstream
        // (JSON.stringify, structuredClone, a log sink) meets it.
        expect('error' in outcome && isRunwareError(outcome.error)).toBe(true);
        expect((outcome as { error: { rawCode: string } }).error.rawCode).toBe('responseTooDeep');
      } else if ('error' in outcome) expect(isRunwareError(outcome.error)).toBe(true);
      await client.close();
    });
  }
});
