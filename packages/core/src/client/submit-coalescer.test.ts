import { describe, expect, it } from 'vitest';
import { createRunwareError } from '../errors/create-runware-error';
import { isRunwareError, type RunwareError } from '../errors/runware-error';
import type { ResultItem, TaskPayload } from '../spec/task';
import type { SendOptionsV1, TransportResultV1 } from '../spec/transport-v1';
import { approxJsonSize, createSubmitCoalescer } from './submit-coalescer';

interface Sent {
  tasks: readonly TaskPayload[];
  options: SendOptionsV1;
  answer(result: TransportResultV1): void;
  fail(error: unknown): void;
}

/** A send that records each request and lets the test answer it. */
function recorder() {
  const sent: Sent[] = [];
  let onSend: (() => void) | undefined;
  const send = (tasks: readonly TaskPayload[], options: SendOptionsV1) =>
    new Promise<TransportResultV1>((resolve, reject) => {
      sent.push({ tasks, options, answer: resolve, fail: reject });
      onSend?.();
    });
  /** Resolves at the next send (the window's timer, not a timed wait). */
  const nextSend = () => new Promise<void>((resolve) => (onSend = resolve));
  return { sent, send, nextSend };
}

let counter = 0;
const task = (extra: Record<string, unknown> = {}): TaskPayload => ({
  taskType: 'imageInference',
  taskUUID: `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
  deliveryMethod: 'async',
  ...extra,
});

const item = (taskUUID: string, extra: Record<string, unknown> = {}): ResultItem => ({
  taskType: 'imageInference',
  taskUUID,
  ...extra,
});
/** An item the API sent without a taskUUID (routed nowhere). */
const stray = { taskType: 'imageInference', n: 'no uuid' } as unknown as ResultItem;

const rejection = async (promise: Promise<unknown>): Promise<RunwareError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isRunwareError(error)) throw new Error(`expected a RunwareError, got ${String(error)}`);
  return error;
};

describe('createSubmitCoalescer', () => {
  it('sends the tasks queued within the window as one request, in order, when the window ends', async () => {
    const { sent, send, nextSend } = recorder();
    const coalescer = createSubmitCoalescer({ send, windowMs: 1 });
    const tasks = [task(), task(), task()];
    const calls = tasks.map((t) => coalescer.submit(t, { timeoutMs: 1000 }));
    expect(sent).toHaveLength(0);
    await nextSend();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.tasks).toEqual(tasks);
    expect(sent[0]?.options.timeoutMs).toBe(1000);
    sent[0]?.answer({ data: tasks.map((t) => item(t.taskUUID)), errors: [] });
    const answers = await Promise.all(calls);
    answers.forEach((answer, i) => {
      expect(answer.data).toEqual([item(String(tasks[i]?.taskUUID))]);
      expect(answer.errors).toEqual([]);
    });
  });

  it('gives each task its own share: its items and errors, plus the errors that name no task of the request', async () => {
    const { sent, send } = recorder();
    const coalescer = createSubmitCoalescer({ send, windowMs: 1 });
    const [a, b, c] = [task(), task(), task()];
    const calls = [a, b, c].map((t) => coalescer.submit(t));
    coalescer.flush();
    const wide = { code: 'serverBusy', message: 'busy' };
    const stranger = { code: 'x', message: 'not ours', taskUUID: 'someone-else' };
    sent[0]?.answer({
      data: [item(a.taskUUID, { n: 1 }), stray, item(c.taskUUID, { n: 3 })],
      errors: [{ code: 'invalidOutputType', message: 'bad', taskUUID: b.taskUUID }, wide, stranger],
      status: 400,
    });
    const [forA, forB, forC] = await Promise.all(calls);
    expect(forA).toEqual({ data: [item(a.taskUUID, { n: 1 })], errors: [wide, stranger], status: 400 });
    expect(forB).toEqual({
      data: [],
      errors: [{ code: 'invalidOutputType', message: 'bad', taskUUID: b.taskUUID }, wide, stranger],
      status: 400,
    });
    expect(forC?.data).toEqual([item(c.taskUUID, { n: 3 })]);
  });

  it('hands a lone task the answer and its own signal as they are', async () => {
    const { sent, send } = recorder();
    const coalescer = createSubmitCoalescer({ send, windowMs: 1 });
    const controller = new AbortController();
    const call = coalescer.submit(task(), { signal: controller.signal, timeoutMs: 7 });
    coalescer.flush();
    expect(sent[0]?.options.signal).toBe(controller.signal);
    const answer = { data: [stray], errors: [], status: 200 };
    sent[0]?.answer(answer);
    expect(await call).toBe(answer);
  });

  it('sends tasks with different timeouts in separate requests', () => {
    const { sent, send } = recorder();
    const coalescer = createSubmitCoalescer({ send, windowMs: 1 });
    const [a, b, c] = [task(), task(), task()];
    void coalescer.submit(a, { timeoutMs: 10 });
    void coalescer.submit(b, { timeoutMs: 20 });
    void coalescer.submit(c, { timeoutMs: 10 });
    coalescer.flush();
    expect(sent.map((s) => [s.options.timeoutMs, s.tasks])).toEqual([
      [10, [a, c]],
      [20, [b]],
    ]);
  });

  it('splits a queue over maxTasks and maxBytes, and still sends an oversized task alone', () => {
    const { sent, send } = recorder();
    const coalescer = createSubmitCoalescer({ send, windowMs: 1, maxTasks: 2, maxBytes: 1000 });
    const small = [task(), task(), task()];
    for (const t of small) void coalescer.submit(t);
    coalescer.flush();
    expect(sent.map((s) => s.tasks.length)).toEqual([2, 1]);

    sent.length = 0;
    const big = task({ inputs: { image: 'x'.repeat(2000) } });
    const [d, e] = [task(), task()];
    for (const t of [d, big, e]) void coalescer.submit(t);
    coalescer.flush();
    expect(sent.map((s) => s.tasks)).toEqual([[d], [big], [e]]);
  });

  it('takes a call aborted before the flush out of the request, and sends nothing when all are gone', async () => {
    const { sent, send } = recorder();
    const coalescer = createSubmitCoalescer({ send, windowMs: 1 });
    const [a, b] = [task(), task()];
    const controller = new AbortController();
    const aborted = coalescer.submit(a, { signal: controller.signal });
    void coalescer.submit(b);
    controller.abort();
    const error = await rejection(aborted);
    expect(error).toMatchObject({ code: 'aborted', taskUUID: a.taskUUID });
    coalescer.flush();
    expect(sent.map((s) => s.tasks)).toEqual([[b]]);

    sent.length = 0;
    const alone = new AbortController();
    const lone = coalescer.submit(task(), { signal: alone.signal });
    alone.abort();
    await rejection(lone);
    coalescer.flush();
    expect(sent).toHaveLength(0);
    const already = await rejection(coalescer.submit(task(), { signal: AbortSignal.abort() }));
    expect(already.code).toBe('aborted');
  });

  it('after the flush, rejects only the aborted call; the request goes on for the others', async () => {
    const { sent, send } = recorder();
    const coalescer = createSubmitCoalescer({ send, windowMs: 1 });
    const [a, b] = [task(), task()];
    const controller = new AbortController();
    const first = coalescer.submit(a, { signal: controller.signal });
    const second = coalescer.submit(b);
    coalescer.flush();
    // b has no signal: the shared request must not be cancellable by a's.
    expect(sent[0]?.options.signal).toBeUndefined();
    controller.abort('stop');
    expect(await rejection(first)).toMatchObject({ code: 'aborted', taskUUID: a.taskUUID });
    sent[0]?.answer({ data: [item(a.taskUUID), item(b.taskUUID)], errors: [] });
    expect((await second).data).toEqual([item(b.taskUUID)]);
  });

  it('aborts the shared request once every call in it has aborted', async () => {
    const { sent, send } = recorder();
    const coalescer = createSubmitCoalescer({ send, windowMs: 1 });
    const controllers = [new AbortController(), new AbortController()];
    const calls = controllers.map((c) => coalescer.submit(task(), { signal: c.signal }));
    coalescer.flush();
    const shared = sent[0]?.options.signal;
    expect(shared).toBeDefined();
    controllers[0]?.abort();
    expect(shared?.aborted).toBe(false);
    controllers[1]?.abort();
    expect(shared?.aborted).toBe(true);
    for (const call of calls) expect((await rejection(call)).code).toBe('aborted');
  });

  it('rejects every task of a failed request, each error naming its own task', async () => {
    const { sent, send } = recorder();
    const coalescer = createSubmitCoalescer({ send, windowMs: 1 });
    const [a, b] = [task(), task()];
    const calls = [a, b].map((t) => coalescer.submit(t));
    coalescer.flush();
    sent[0]?.fail(createRunwareError('timeout', 'no answer', { statusCode: 504 }));
    const errors = await Promise.all(calls.map(rejection));
    expect(errors.map((e) => [e.code, e.taskUUID, e.taskType, e.statusCode])).toEqual([
      ['timeout', a.taskUUID, 'imageInference', 504],
      ['timeout', b.taskUUID, 'imageInference', 504],
    ]);
  });

  it('rejects the tasks when send throws at once (a closed client)', async () => {
    const coalescer = createSubmitCoalescer({
      send: () => {
        throw createRunwareError('disconnected', 'closed');
      },
      windowMs: 1,
    });
    const calls = [task(), task()].map((t) => coalescer.submit(t));
    coalescer.flush();
    for (const call of calls) expect((await rejection(call)).rawCode).toBe('disconnected');
  });

  it('routes pushed items to the call of their task only', () => {
    const { sent, send } = recorder();
    const coalescer = createSubmitCoalescer({ send, windowMs: 1 });
    const [a, b] = [task(), task()];
    const seen: [string, unknown][] = [];
    void coalescer.submit(a, { onItem: (item) => seen.push(['a', item.taskUUID]) });
    void coalescer.submit(b, { onItem: (item) => seen.push(['b', item.taskUUID]) });
    coalescer.flush();
    sent[0]?.options.onItem?.(item(b.taskUUID));
    sent[0]?.options.onItem?.(item('unknown'));
    sent[0]?.options.onItem?.(item(a.taskUUID));
    expect(seen).toEqual([
      ['b', b.taskUUID],
      ['a', a.taskUUID],
    ]);
  });

  it('failQueued rejects what was not sent yet and sends nothing', async () => {
    const { sent, send } = recorder();
    const coalescer = createSubmitCoalescer({ send, windowMs: 1 });
    const calls = [task(), task()].map((t) => coalescer.submit(t));
    coalescer.failQueued(createRunwareError('disconnected', 'closed'));
    for (const call of calls) expect((await rejection(call)).rawCode).toBe('disconnected');
    coalescer.flush();
    expect(sent).toHaveLength(0);
  });
});

describe('approxJsonSize', () => {
  it('is close to the JSON length for strings and small values', () => {
    const value = { a: 'x'.repeat(1000), list: [1, true, null, { b: 'yy' }] };
    const real = JSON.stringify(value).length;
    expect(approxJsonSize(value)).toBeGreaterThanOrEqual(real);
    expect(approxJsonSize(value)).toBeLessThan(real + 100);
  });
});
