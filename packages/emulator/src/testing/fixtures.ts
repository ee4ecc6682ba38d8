import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';

/** A task payload as tests send it: JSON fields by name. */
export type TaskFixture = { taskType: string; taskUUID: string } & Record<string, unknown>;

/** The fields every fixture of a task type starts from; a test overrides any of them. */
const fixtureFields = {
  /** A small image on a curated model, with no deliveryMethod (the API's default). */
  imageInference: { model: 'runware:400@1', positivePrompt: 'a lighthouse at dusk', width: 16, height: 16 },
  /** A streamed answer (SSE, REST only). */
  textInference: {
    model: 'google:gemma@4-31b',
    deliveryMethod: 'stream',
    messages: [{ role: 'user', content: 'Tell me about lighthouses' }],
  },
} as const;

/** A valid task of `taskType` with a fresh taskUUID, so a test counts only its own requests. */
export function fixtureTask(
  taskType: keyof typeof fixtureFields,
  extra: Record<string, unknown> = {},
): TaskFixture {
  return { taskType, taskUUID: randomUUID(), ...structuredClone(fixtureFields[taskType]), ...extra };
}

export const imageTask = (extra?: Record<string, unknown>): TaskFixture =>
  fixtureTask('imageInference', extra);
export const textTask = (extra?: Record<string, unknown>): TaskFixture => fixtureTask('textInference', extra);

/** A model the emulator does not know until a test adds it (`control.addModel(dayZeroModel)`). */
export const dayZeroModel = {
  air: 'newprovider:1@1',
  taskType: 'imageInference',
  slug: 'newprovider-one',
} as const;

/** A loopback port nothing listens on: bound, then released (for "cannot connect" tests). */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

/**
 * What `promise` rejects with; fails when it resolves, or (given `is`) when the rejection is not
 * of the expected kind, e.g. `await rejectionOf(client.run(task), isRunwareError)`.
 */
export async function rejectionOf<T = unknown>(
  promise: PromiseLike<unknown>,
  is?: (error: unknown) => error is T,
): Promise<T> {
  try {
    await promise;
  } catch (error) {
    if (!is || is(error)) return error as T;
    throw error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}
