/**
 * Hostile frames while real tasks are pending: WebSocket frames injected next to the emulator's
 * real answers, and REST answers with forged items mixed into the real body.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyUuid, forgedUuid, type HostileFrame, hostileFrame, renderFrame } from './support/arbitraries';
import {
  asCase,
  CALL_TIMEOUT_MS,
  checkSettled,
  imageTask,
  SETTLE_WITHIN_MS,
  useFixture,
} from './support/fixture';
import { fuzzParams, testTimeout, timed } from './support/fuzz-config';
import { drain, gc, settles } from './support/guards';
import type { RealAnswer, ScriptContext } from './support/hostile-server';

const fixture = useFixture();

/** Forged frames: every one names no real task (foreign, near-miss or no taskUUID). */
const forgedFrames = fc.array(hostileFrame(forgedUuid, fc.constant(false)), { minLength: 1, maxLength: 6 });
/** Hostile frames of every kind, some naming the real task with wrong types. */
const hostileFrames = fc.array(
  fc.oneof(
    {
      weight: 6,
      arbitrary: hostileFrame(anyUuid, fc.constant(false)).map(
        (f) => f as HostileFrame | { t: 'close'; code: number } | { t: 'terminate' },
      ),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        t: fc.constant('close' as const),
        code: fc.constantFrom(1000, 1001, 1008, 1011, 4000, 4999),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ t: 'terminate' as const }) },
  ),
  { minLength: 1, maxLength: 6 },
);

function wsScript(
  frames: ReadonlyArray<HostileFrame | { t: 'close'; code: number } | { t: 'terminate' }>,
  beforeForward: boolean,
) {
  return {
    ws: (ctx: ScriptContext) => ({
      beforeForward,
      frames: frames.map((f) =>
        f.t === 'close'
          ? { close: f.code }
          : f.t === 'terminate'
            ? { terminate: true as const }
            : renderFrame(f, ctx),
      ),
    }),
  };
}

/** REST: the real answer with the forged frames' items and errors mixed in, before and after. */
function mixScript(frames: readonly HostileFrame[]) {
  return {
    http: async (ctx: ScriptContext, realAnswer: () => Promise<RealAnswer>) => {
      const real = await realAnswer();
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(real.body) as Record<string, unknown>;
      } catch {
        return undefined;
      }
      const data = Array.isArray(body.data) ? [...body.data] : [];
      const errors = Array.isArray(body.errors) ? [...body.errors] : [];
      frames.forEach((frame, i) => {
        const text = renderFrame(frame, ctx);
        if (typeof text !== 'string') return;
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return;
        }
        if (typeof parsed !== 'object' || parsed === null) return;
        const p = parsed as Record<string, unknown>;
        const items = Array.isArray(p.data) ? p.data : [];
        if (i % 2 === 0) data.unshift(...items);
        else data.push(...items);
        if (Array.isArray(p.errors)) errors.push(...p.errors);
      });
      const out: Record<string, unknown> = { ...body, data };
      if (errors.length > 0) out.errors = errors;
      return {
        status: real.status,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(out),
      };
    },
  };
}

/** A real task resolved: each item must be one the emulator really sent for that task. */
/** The taskUUID of the i-th task of a case. */
const uuidOf = (tasks: readonly { taskUUID: string }[], i: number): string => tasks[i]?.taskUUID ?? '';

function assertGenuine(taskUUID: string, value: unknown, realItems: Map<string, Record<string, unknown>[]>) {
  expect(Array.isArray(value), 'run() resolves with an array').toBe(true);
  const items = value as Record<string, unknown>[];
  expect(items.length, 'one result (numberResults 1)').toBe(1);
  const real = realItems.get(taskUUID) ?? [];
  for (const item of items) {
    expect(item.taskUUID, 'the result names its own task').toBe(taskUUID);
    const genuine = real.some(
      (r) => r.imageURL !== undefined && r.imageURL === item.imageURL && r.imageUUID === item.imageUUID,
    );
    if (!genuine)
      throw new Error(
        `task ${taskUUID} resolved with an item the emulator never sent: ${JSON.stringify(item).slice(0, 300)}; real: ${JSON.stringify(real).slice(0, 300)}`,
      );
  }
}

/** Runs each task on its own: every call settles cleanly, and one that resolves has its own results. */
async function runEachGenuine(
  client: Awaited<ReturnType<typeof fixture.client>>,
  tasks: readonly ReturnType<typeof imageTask>[],
): Promise<void> {
  const outcomes = await Promise.all(
    tasks.map((task, i) =>
      settles(`run #${i}`, () => client.run(task, { timeout: 2 * CALL_TIMEOUT_MS }), SETTLE_WITHIN_MS),
    ),
  );
  for (const [i, o] of outcomes.entries()) {
    checkSettled(`run #${i}`, o, fixture.server.apiKey);
    if (o.status === 'resolved') assertGenuine(uuidOf(tasks, i), o.value, fixture.server.realItems);
  }
}

describe('fuzz: hostile WebSocket frames next to real pending tasks', () => {
  it(
    'every call settles, rejects only with clean RunwareErrors, no uncaught error, prototypes untouched',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          hostileFrames,
          fc.boolean(),
          fc.integer({ min: 1, max: 3 }),
          timed(4000, async (frames, before, n) => {
            await asCase(fixture, async () => {
              fixture.server.script(wsScript(frames, before));
              const client = await fixture.client('websocket');
              const outcomes = await Promise.all(
                Array.from({ length: n }, (_, i) =>
                  settles(
                    `run #${i}`,
                    () => client.run(imageTask(), { timeout: CALL_TIMEOUT_MS }),
                    SETTLE_WITHIN_MS,
                  ),
                ),
              );
              for (const [i, o] of outcomes.entries()) checkSettled(`run #${i}`, o, fixture.server.apiKey);
            });
          }),
        ),
        fuzzParams(40, 4000),
      );
      fixture.assertNoStrays();
    },
    testTimeout(4000),
  );

  it(
    'no real task resolves with a forged frame (foreign, near-miss or missing taskUUIDs)',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          forgedFrames,
          fc.boolean(),
          fc.constantFrom('sync', 'async') as fc.Arbitrary<'sync' | 'async'>,
          timed(4000, async (frames, before, delivery) => {
            await asCase(fixture, async () => {
              fixture.server.script(wsScript(frames, before));
              const client = await fixture.client('websocket');
              const tasks = [imageTask(delivery), imageTask(delivery)];
              await runEachGenuine(client, tasks);
            });
          }),
        ),
        fuzzParams(30, 4000),
      );
      fixture.assertNoStrays();
    },
    testTimeout(4000),
  );
});

describe('fuzz: REST answers with forged items mixed into the real body', () => {
  it(
    'no real task resolves with a forged item; rejections are clean RunwareErrors',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          forgedFrames,
          fc.constantFrom('sync', 'async') as fc.Arbitrary<'sync' | 'async'>,
          fc.boolean(),
          timed(4000, async (frames, delivery, batch) => {
            await asCase(fixture, async () => {
              fixture.server.script(mixScript(frames));
              const client = await fixture.client('rest');
              const tasks = [imageTask(delivery), imageTask(delivery)];
              if (batch) {
                const o = await settles(
                  'runBatch',
                  () => client.runBatch(tasks, { timeout: 2 * CALL_TIMEOUT_MS }),
                  SETTLE_WITHIN_MS,
                );
                checkSettled('runBatch', o, fixture.server.apiKey);
                if (o.status === 'resolved')
                  for (const [i, v] of (o.value as unknown[]).entries())
                    assertGenuine(uuidOf(tasks, i), v, fixture.server.realItems);
                return;
              }
              await runEachGenuine(client, tasks);
            });
          }),
        ),
        fuzzParams(30, 4000),
      );
      fixture.assertNoStrays();
    },
    testTimeout(4000),
  );
});

describe('fuzz: bounded memory under a flood of forged frames', () => {
  const MB = 1024 * 1024;
  /** Heap growth allowed over the measured rounds (the flood itself is ~4 MB per round). */
  const BOUND = 8 * MB;

  for (const transport of ['websocket', 'rest'] as const) {
    it(
      `${transport}: heapUsed after gc does not grow with the forged traffic the client has seen`,
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom<'foreign' | 'nearMiss'>('foreign', 'nearMiss'),
            timed(5000, async (kind) => {
              await asCase(fixture, async () => {
                const flood = (ctx: ScriptContext) =>
                  Array.from({ length: 1000 }, (_, i) =>
                    JSON.stringify({
                      data: [
                        {
                          taskType: 'imageInference',
                          taskUUID: kind === 'foreign' ? crypto.randomUUID() : `${ctx.taskUUIDs[0]}-${i}`,
                          imageURL: `http://forged.invalid/${'x'.repeat(4000)}`,
                        },
                      ],
                    }),
                  );
                if (transport === 'websocket')
                  fixture.server.script({ ws: (ctx) => ({ frames: flood(ctx) }) });
                else
                  fixture.server.script({
                    http: async (ctx, realAnswer) => {
                      const real = await realAnswer();
                      try {
                        const body = JSON.parse(real.body) as { data?: unknown[] };
                        const forged = flood(ctx).map((t) => (JSON.parse(t) as { data: unknown[] }).data[0]);
                        return {
                          status: real.status,
                          body: JSON.stringify({ ...body, data: [...forged, ...(body.data ?? [])] }),
                        };
                      } catch {
                        return undefined;
                      }
                    },
                  });
                const client = await fixture.client(transport);
                const round = async () => {
                  const o = await settles(
                    'run',
                    () => client.run(imageTask(), { timeout: 5 * CALL_TIMEOUT_MS }),
                    SETTLE_WITHIN_MS,
                  );
                  checkSettled('run', o, fixture.server.apiKey);
                };
                await round();
                await drain(50);
                gc();
                const before = process.memoryUsage().heapUsed;
                for (let i = 0; i < 6; i++) await round();
                await drain(50);
                gc();
                const growth = process.memoryUsage().heapUsed - before;
                fixture.server.clearRecords();
                if (growth > BOUND)
                  throw new Error(
                    `heapUsed grew by ${(growth / MB).toFixed(1)} MB over 6 flooded rounds (bound ${BOUND / MB} MB)`,
                  );
              });
            }),
          ),
          fuzzParams(2, 5000),
        );
        fixture.assertNoStrays();
      },
      testTimeout(5000),
    );
  }
});

describe('fuzz: error answers quoting the API key never surface it', () => {
  const keyErrors = fc.array(
    fc.record({
      t: fc.constant('error' as const),
      uuid: fc.oneof(fc.constant({ real: true as const }), fc.constant({ none: true as const })),
      envelope: fc.constantFrom('errors', 'error', 'errorArray', 'legacy') as fc.Arbitrary<'errors'>,
      code: fc.constantFrom(
        'invalidApiKey',
        'providerError',
        'unknownCode',
        'validationFailed',
        'rateLimitExceeded',
      ),
      message: fc.constantFrom('', 'key rejected', 'see apiKey'),
      quoteKey: fc.constant(true),
    }),
    { minLength: 1, maxLength: 3 },
  );

  it(
    'websocket: error frames quoting the key (scoped to the task or not) reject without the key',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          keyErrors,
          timed(4000, async (frames) => {
            await asCase(fixture, async () => {
              fixture.server.script(wsScript(frames, true));
              const client = await fixture.client('websocket');
              const o = await settles(
                'run',
                () => client.run(imageTask(), { timeout: CALL_TIMEOUT_MS }),
                SETTLE_WITHIN_MS,
              );
              checkSettled('run', o, fixture.server.apiKey);
            });
          }),
        ),
        fuzzParams(20, 4000),
      );
      fixture.assertNoStrays();
    },
    testTimeout(4000),
  );

  it(
    'rest: error bodies quoting the key, with any status, reject without the key',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          keyErrors,
          fc.constantFrom(200, 400, 401, 402, 403, 404, 429, 500, 503),
          fc.constantFrom('run', 'modelSearch', 'getTaskDetails', 'accountManagement', 'stream'),
          timed(4000, async (frames, status, method) => {
            await asCase(fixture, async () => {
              fixture.server.script({
                http: (ctx) => ({
                  status,
                  headers: { 'content-type': 'application/json' },
                  body: renderFrame(frames[0] as (typeof frames)[number], ctx) as string,
                }),
              });
              const client = await fixture.client('rest');
              const call = () => {
                const opts = { timeout: CALL_TIMEOUT_MS };
                switch (method) {
                  case 'run':
                    return client.run(imageTask(), opts);
                  case 'modelSearch':
                    return client.modelSearch({ search: 'flux' } as never, opts);
                  case 'getTaskDetails':
                    return client.getTaskDetails({ taskUUID: crypto.randomUUID() }, opts);
                  case 'stream':
                    return client
                      .stream(
                        {
                          taskType: 'textInference',
                          model: 'minimax:m2.7@0',
                          messages: [{ role: 'user', content: 'hi' }],
                        } as never,
                        opts,
                      )
                      .then((s) => s.result());
                  default:
                    return client.accountManagement({ operation: 'getDetails' } as never, opts);
                }
              };
              const o = await settles(method, call, SETTLE_WITHIN_MS);
              checkSettled(method, o, fixture.server.apiKey);
            });
          }),
        ),
        fuzzParams(20, 4000),
      );
      fixture.assertNoStrays();
    },
    testTimeout(4000),
  );
});
