import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRunwareError } from '../../errors/create-runware-error';
import type { RunwareError } from '../../errors/runware-error';
import type { RawApiError, ResultItem, TaskPayload } from '../../spec/task';
import type { TransportV1 } from '../../spec/transport-v1';
import type { PendingTask } from '../pending-task';
import { createPollScheduler, type PollingOptions } from './poll-scheduler';

// The scheduler on a fake clock (vi fake timers) and a scripted transport: time is exact, so the
// assertions read the fake clock, never the wall clock.

interface Poll {
  at: number;
  uuids: string[];
}

interface Script {
  /** Fake-clock time at which each task finishes. */
  finishAt: Map<string, number>;
  /** Round trip of one poll, ms. */
  rttMs: number;
  /** Throws this from the next send, once. */
  failNext?: RunwareError | undefined;
  /** Answers the next poll with these errors, once. */
  errorsNext?: RawApiError[] | undefined;
  /** Answers each next poll with the first of these (taken), before anything else. */
  answers: ({ data?: ResultItem[]; errors?: RawApiError[]; status?: number } | RunwareError)[];
  /** Extra items added to every answer for a task, after its own. */
  extraItems?: ((uuid: string) => ResultItem[]) | undefined;
}

function harness(polling: Partial<PollingOptions> = {}) {
  const polls: Poll[] = [];
  const script: Script = { finishAt: new Map(), rttMs: 5, answers: [] };
  const transport = {
    specificationVersion: 'v1',
    name: 'scripted',
    capabilities: { streaming: false, push: false, resume: false },
    async send(tasks: TaskPayload[]) {
      const sentAt = Date.now();
      polls.push({ at: sentAt, uuids: tasks.map((task) => task.taskUUID) });
      await new Promise((resolve) => setTimeout(resolve, script.rttMs));
      const failure = script.failNext;
      script.failNext = undefined;
      if (failure) throw failure;
      const scripted = script.answers.shift();
      if (scripted instanceof Error) throw scripted;
      if (scripted)
        return { data: scripted.data ?? [], errors: scripted.errors ?? [], status: scripted.status };
      const errors = script.errorsNext ?? [];
      script.errorsNext = undefined;
      // The state at the middle of the round trip.
      const seenAt = sentAt + script.rttMs / 2;
      const data: ResultItem[] = tasks.flatMap((task) => {
        const done = seenAt >= (script.finishAt.get(task.taskUUID) ?? Infinity);
        const extra = script.extraItems?.(task.taskUUID) ?? [];
        return done
          ? [
              ...extra,
              { taskType: 'imageInference', taskUUID: task.taskUUID, status: 'success', imageURL: 'u' },
            ]
          : [...extra, { taskType: 'imageInference', taskUUID: task.taskUUID, status: 'processing' }];
      });
      return { data, errors };
    },
    async close() {},
  } as unknown as TransportV1;
  const scheduler = createPollScheduler({
    transport: () => transport,
    requestTimeoutMs: 60_000,
    polling: polling as PollingOptions,
    call: (fn, item) => void fn?.(item),
    log: () => {},
  });
  const outcomes = new Map<string, { at: number; items?: ResultItem[]; error?: RunwareError }>();
  /** Adds a task that finishes `durationMs` from now. */
  const add = (uuid: string, durationMs: number, extra: Partial<TaskPayload> = {}, budget = 600_000) => {
    const now = Date.now();
    script.finishAt.set(uuid, now + durationMs);
    const task: PendingTask = {
      task: { taskType: 'imageInference', taskUUID: uuid, model: 'runware:100@1', ...extra },
      expected: 1,
      submittedAt: now,
      deadline: now + budget,
      callbacks: {},
      reported: new Set(),
      progress: new Map(),
      settle(outcome) {
        if (outcomes.has(uuid)) return;
        outcomes.set(uuid, { at: Date.now(), ...outcome });
      },
    };
    scheduler.add(task);
    return task;
  };
  const pollsOf = (uuid: string) => polls.filter((poll) => poll.uuids.includes(uuid));
  return { scheduler, polls, script, add, outcomes, pollsOf };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

const start = 1_000_000;
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('createPollScheduler: a failing cycle', () => {
  it('logs a poll cycle that throws and keeps polling the other tasks', async () => {
    const h = harness();
    // A task whose settle throws when it times out: the cycle that expires it fails.
    const broken = h.add('broken', 60_000, {}, 400);
    broken.settle = () => {
      throw new Error('a bug in settle');
    };
    h.add('fine', 1000);
    await advance(3000);
    expect(h.outcomes.get('fine')?.items).toHaveLength(1);
    expect(h.pollsOf('fine').length).toBeGreaterThan(1);
  });
});

describe('createPollScheduler: due times', () => {
  it('polls a lone task on the ladder: 320, 480, 720, 1080 ms… and resolves it on the first poll after it finished', async () => {
    const h = harness();
    h.add('a', 1000);
    await advance(2000);
    expect(h.polls.map((poll) => poll.at - start)).toEqual([320, 480, 720, 1080]);
    expect(h.outcomes.get('a')?.items).toHaveLength(1);
    expect(h.scheduler.size()).toBe(0);
  });

  it('polls a task added while a long one is pending on its own schedule, without the long one', async () => {
    const h = harness();
    h.add('long', 60_000);
    await advance(3000); // long: polled at 320 … 2430; next at 3645
    const before = h.pollsOf('long').length;
    h.add('short', 200);
    await advance(400);
    // The short task's first poll came 320 ms after it was added, and carried only it.
    expect(h.pollsOf('short')).toEqual([{ at: start + 3320, uuids: ['short'] }]);
    expect(h.outcomes.get('short')?.at).toBe(start + 3325);
    expect(h.pollsOf('long')).toHaveLength(before);
  });

  it('carries the tasks due within coalesceMs in the same poll, and only those', async () => {
    const h = harness();
    h.add('a', 10_000);
    await advance(30);
    h.add('b', 10_000); // due 30 ms after a: rides along
    await advance(100);
    h.add('c', 10_000); // due 130 ms after a: a poll of its own
    await advance(400);
    // a (next due at 480) rides along with c; b (due at 510) does not.
    expect(h.polls.slice(0, 2).map((poll) => [poll.at - start, [...poll.uuids].sort()])).toEqual([
      [320, ['a', 'b']],
      [450, ['a', 'c']],
    ]);
  });

  it('keeps one poll in flight: what falls due meanwhile goes in the next, sent when it returns', async () => {
    const h = harness();
    h.script.rttMs = 400;
    h.add('a', 10_000);
    await advance(100);
    h.add('b', 10_000); // due at 420, while a's poll (320–720) is in flight
    await advance(1100);
    // (A timer of 0 ms fires 1 ms later.) a, answered at 720, is next due at 1080, while b's poll
    // is in flight (721–1121): it goes at once after.
    expect(h.polls.slice(0, 3).map((poll) => [poll.at - start, poll.uuids])).toEqual([
      [320, ['a']],
      [721, ['b']],
      [1122, ['a']],
    ]);
  });

  it('re-arms the timer for a task due earlier than the armed one', async () => {
    const h = harness();
    h.add('long', 60_000);
    await advance(5500); // the timer is now armed for long's 8201 ms poll
    h.add('short', 100);
    await advance(330);
    expect(h.outcomes.get('short')?.at).toBe(start + 5500 + 325);
  });
});

describe('createPollScheduler: learning', () => {
  it('polls a repeated model fewer times, densely around the expected finish', async () => {
    const h = harness();
    const lags: number[] = [];
    const counts: number[] = [];
    for (let run = 0; run < 6; run++) {
      const uuid = `run-${run}`;
      const startedAt = Date.now();
      h.add(uuid, 5000);
      await advance(8000);
      counts.push(h.pollsOf(uuid).length);
      lags.push((h.outcomes.get(uuid)?.at as number) - startedAt - 5000);
    }
    // First run: the ladder (8 polls, seen 468 ms late). Then the estimate narrows run by run.
    expect(counts[0]).toBe(8);
    expect(lags[0]).toBeGreaterThan(400);
    expect(counts[1]).toBeLessThan(8);
    for (const later of counts.slice(3)) expect(later).toBeLessThan(8);
    for (const later of lags.slice(3)) expect(later).toBeLessThanOrEqual(100);
  });

  it('uses the taskType’s history for a model it has not seen', async () => {
    const h = harness();
    h.add('first', 5000, { model: 'runware:1@1' });
    await advance(8000);
    const startedAt = Date.now();
    h.add('other', 5000, { model: 'runware:2@2' });
    await advance(8000);
    expect(h.pollsOf('other').length).toBeLessThan(h.pollsOf('first').length);
    expect(h.pollsOf('other').map((poll) => poll.at - startedAt)).not.toContain(320);
  });

  it('reschedules the pending tasks of a model when one of them finishes', async () => {
    const h = harness();
    h.add('a', 3000);
    await advance(1000);
    h.add('b', 3000); // b would next be polled at 1000 + 3645 on the ladder
    await advance(2700); // a seen done at 3645: b learns it takes about 3 s
    expect(h.outcomes.get('a')).toBeDefined();
    await advance(1000);
    expect(h.outcomes.get('b')?.at).toBeLessThan(start + 1000 + 3645);
  });

  it('learns nothing with adaptive off', async () => {
    const h = harness({ adaptive: false });
    h.add('a', 1000);
    await advance(2000);
    h.add('b', 1000);
    await advance(2000);
    expect(h.pollsOf('b').map((poll) => poll.at - start - 2000)).toEqual([320, 480, 720, 1080]);
  });
});

describe('createPollScheduler: deadlines, errors, failAll and close', () => {
  it('rejects a task with timeout at its deadline', async () => {
    const h = harness();
    h.add('slow', 60_000, {}, 1000);
    await advance(1100);
    expect(h.outcomes.get('slow')?.error?.code).toBe('timeout');
    expect(h.outcomes.get('slow')?.at).toBe(start + 1000);
    expect(h.scheduler.size()).toBe(0);
  });

  it('settles a second task of a pending taskUUID with conflictTaskUUID; removing it spares the first', async () => {
    const h = harness();
    const first = h.add('a', 2000);
    let second: { items?: ResultItem[]; error?: RunwareError } | undefined;
    const twin: PendingTask = {
      ...first,
      settle: (outcome) => {
        second = outcome;
      },
    };
    h.scheduler.add(twin);
    expect(second?.error).toMatchObject({ rawCode: 'conflictTaskUUID', parameter: 'taskUUID' });
    h.scheduler.remove(twin);
    expect(h.scheduler.size()).toBe(1);
    await advance(5000);
    expect(h.outcomes.get('a')?.items).toHaveLength(1);
  });

  it('stops polling a removed task', async () => {
    const h = harness();
    const task = h.add('a', 60_000);
    await advance(500);
    h.scheduler.remove(task);
    const count = h.polls.length;
    await advance(10_000);
    expect(h.polls).toHaveLength(count);
  });

  it('retries after a retryable failed poll, and ends the polled tasks on a final one', async () => {
    const h = harness();
    h.add('a', 1000);
    h.script.failNext = createRunwareError('timeout', 'slow');
    await advance(2000);
    expect(h.outcomes.get('a')?.items).toBeDefined();
    h.add('b', 1000);
    h.script.failNext = createRunwareError('invalidApiKey', 'bad key');
    await advance(400);
    expect(h.outcomes.get('b')?.error?.code).toBe('auth');
  });

  it('fails every task of the poll on an error without a taskUUID, not the others', async () => {
    const h = harness();
    h.add('a', 60_000);
    await advance(200);
    h.add('b', 60_000);
    h.script.errorsNext = [{ code: 'invalidApiKey', message: 'no' }];
    await advance(150); // a's first poll at 320 carries a only
    expect(h.outcomes.get('a')?.error).toBeDefined();
    expect(h.outcomes.has('b')).toBe(false);
    expect(h.scheduler.size()).toBe(1);
  });

  it('failAll rejects every pending task and keeps polling later ones; close stops for good', async () => {
    const h = harness();
    h.add('a', 60_000);
    h.add('b', 60_000);
    await advance(400);
    h.scheduler.failAll(createRunwareError('disconnected', 'gone'));
    expect(h.outcomes.get('a')?.error?.code).toBe('connection');
    expect(h.outcomes.get('b')?.error?.code).toBe('connection');
    h.add('c', 100);
    await advance(400);
    expect(h.outcomes.get('c')?.items).toBeDefined();
    h.add('d', 100);
    h.scheduler.close(createRunwareError('disconnected', 'closed'));
    const count = h.polls.length;
    await advance(5000);
    expect(h.polls).toHaveLength(count);
    expect(h.outcomes.get('d')?.error).toBeDefined();
  });
});

describe('createPollScheduler: transient poll failures', () => {
  const http503 = { errors: [{ code: 'httpError', message: 'The API answered HTTP 503.' }], status: 503 };

  it('keeps a task pending through 503 answers (no taskUUID) and resolves it once polls succeed', async () => {
    const h = harness();
    h.add('a', 1000);
    h.script.answers.push(http503, http503, http503);
    await advance(20_000);
    expect(h.outcomes.get('a')?.error).toBeUndefined();
    expect(h.outcomes.get('a')?.items).toHaveLength(1);
  });

  it('keeps tasks pending through a serverError answer and a thrown connection error', async () => {
    const h = harness();
    h.add('a', 1000);
    h.script.answers.push(
      { errors: [{ code: 'serviceUnavailable', message: 'busy' }], status: 503 },
      createRunwareError('connectionFailed', 'reset'),
      createRunwareError('parseError', 'a proxy page', { statusCode: 200 }),
    );
    await advance(20_000);
    expect(h.outcomes.get('a')?.items).toHaveLength(1);
  });

  it('backs off while polls fail: each wait doubles from the normal one, up to maxIntervalMs', async () => {
    const h = harness({ adaptive: false });
    h.add('a', 60_000);
    for (let i = 0; i < 12; i++) h.script.answers.push(http503);
    await advance(40_000);
    const at = h.pollsOf('a').map((poll) => poll.at);
    const waits = at.slice(1).map((t, i) => t - (at[i] as number) - 5);
    // First poll at 320, answered at 325: the normal wait would be 480 − 325 = 155 ms.
    expect(waits[0]).toBeGreaterThanOrEqual(150);
    for (let i = 1; i < 6; i++) expect(waits[i]).toBeGreaterThanOrEqual(1.9 * (waits[i - 1] as number));
    expect(Math.max(...waits)).toBeLessThanOrEqual(5000);
    expect(waits.slice(-3)).toEqual([5000, 5000, 5000]);
    expect(h.outcomes.has('a')).toBe(false);
  });

  it('fails a task with timeout at its deadline, naming the last poll error', async () => {
    const h = harness();
    h.add('a', 60_000, {}, 10_000);
    for (let i = 0; i < 50; i++) h.script.answers.push(http503);
    await advance(11_000);
    const error = h.outcomes.get('a')?.error;
    expect(error?.code).toBe('timeout');
    expect(h.outcomes.get('a')?.at).toBe(start + 10_000);
    expect(error?.message).toContain('HTTP 503');
  });

  it('still settles on a definitive poll error: auth without a taskUUID, or an error naming the task', async () => {
    const h = harness();
    h.add('a', 60_000);
    h.script.answers.push({ errors: [{ code: 'invalidApiKey', message: 'no' }], status: 401 });
    await advance(400);
    expect(h.outcomes.get('a')?.error?.code).toBe('auth');
    h.add('b', 60_000);
    h.script.answers.push({
      errors: [{ code: 'internalServerError', message: 'lost it', taskUUID: 'b' }],
      status: 500,
    });
    await advance(400);
    expect(h.outcomes.get('b')?.error?.code).toBe('serverError');
  });
});

describe('createPollScheduler: what counts as a state (items)', () => {
  it('ignores an item without status (a late ACK) and one of another taskType', async () => {
    const h = harness();
    h.script.extraItems = (uuid) => [
      { taskType: 'imageInference', taskUUID: uuid },
      { taskType: 'videoInference', taskUUID: uuid, status: 'success', videoURL: 'v' },
    ];
    const seen: ResultItem[] = [];
    const task = h.add('a', 1000);
    task.callbacks = { onResult: (item) => void seen.push(item) };
    await advance(600);
    expect(h.outcomes.has('a')).toBe(false);
    expect(seen).toEqual([]);
    await advance(1000);
    expect(h.outcomes.get('a')?.items).toEqual([
      { taskType: 'imageInference', taskUUID: 'a', status: 'success', imageURL: 'u' },
    ]);
    expect(seen).toHaveLength(1);
  });
});
