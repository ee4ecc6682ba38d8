import type { ResultItem, TaskPayload } from '../../spec/task';
import { assert, assertEqual, resolvesWithin } from '../assertions';
import type { ConformanceContext } from '../conformance-context';
import type { SuiteRegistration } from '../conformance-suite';
import { imageTask, paramsOf } from '../task-fixtures';
import { assertDistinct, assertExactAnswer, assertPushedOnce } from './answer-checks';

/**
 * Sends a mix of sync, multi-result and async tasks over one transport (raw and through the
 * engine) and checks that each resolves once with exactly its own items. Shared by the frame
 * faults and the resume tests: whatever the socket did, the answers must look undisturbed.
 */
export async function runMixedWorkload(
  ctx: ConformanceContext,
  what: string,
  arm: () => Promise<void>,
): Promise<void> {
  const transport = await ctx.transport();
  // Authenticated first, so the fault under test meets task frames, not only the handshake.
  await resolvesWithin(transport.send([imageTask()]), ctx.limits.operationMs, `${what}: warm-up send`);
  const client = ctx.client(transport);
  const mark = await ctx.control.mark();
  await arm();
  const batches: TaskPayload[][] = [
    [imageTask({ numberResults: 3 })],
    [imageTask(), imageTask({ deliveryMethod: 'async' })],
    [imageTask({ numberResults: 2 })],
  ];
  const pushed = batches.map((): ResultItem[] => []);
  const engineTask = imageTask({ deliveryMethod: 'async', numberResults: 2 });
  const reported: ResultItem[] = [];
  const [results, engineItems] = await resolvesWithin(
    Promise.all([
      Promise.all(
        batches.map((tasks, i) => transport.send(tasks, { onItem: (item) => void pushed[i]?.push(item) })),
      ),
      client.run(paramsOf(engineTask), { onResult: (item) => void reported.push(item) }),
    ]),
    ctx.limits.operationMs,
    `${what}: sends`,
  );
  results.forEach((result, i) => {
    const tasks = batches[i] ?? [];
    assertExactAnswer(result, tasks, `${what}: send #${i}`);
    if (ctx.manifest.push) assertPushedOnce(pushed[i] ?? [], tasks, `${what}: send #${i}`);
  });
  assertEqual(engineItems.length, 2, `${what}: results of the engine's async task`);
  assert(
    engineItems.every((item) => item.taskUUID === engineTask.taskUUID),
    `${what}: the engine's results belong to its task`,
  );
  assertDistinct(engineItems, `${what}: the engine's results`);
  assertEqual(reported.length, 2, `${what}: onResult calls of the engine's async task`);
  await mark.assertSubmittedAtMostOnce([...batches.flat(), engineTask].map((task) => task.taskUUID));
}

const frameFaults = ['duplicateFrames', 'reorderFrames', 'malformedFrames'] as const;

/** Frame-level faults of the socket: duplicates, reordering and garbage must not reach callers. */
export const registerWebSocketFaultTests: SuiteRegistration = (suite) => {
  if (suite.manifest.wire !== 'websocket') return;
  suite.describe('WebSocket frame faults', () => {
    for (const kind of frameFaults) {
      suite.test(`under ${kind}, every task resolves once with exactly its own items`, async (ctx) => {
        const before = (await ctx.control.stats()).faultsApplied[kind] ?? 0;
        await runMixedWorkload(ctx, kind, () => ctx.control.addFaults([{ kind, transport: 'ws' }]));
        const fired = ((await ctx.control.stats()).faultsApplied[kind] ?? 0) - before;
        assert(fired > 0, `expected the emulator to apply ${kind}, it applied it ${fired} times`);
      });
    }
  });
};
