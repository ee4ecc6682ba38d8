import type { RawApiError, ResultItem, TaskPayload } from './task';

/** What a transport can do beyond request/response; the engine and the conformance suite read it. */
export interface TransportCapabilitiesV1 {
  /** `stream()` is implemented (SSE text streaming). */
  streaming: boolean;
  /** Sync results are pushed as they finish (`onItem` fires before `send()` resolves). */
  push: boolean;
  /** The transport resumes a dropped session without losing results. */
  resume: boolean;
}

export interface SendOptionsV1 {
  /** Aborting rejects with a RunwareError of code `aborted`; nothing is re-sent afterwards. */
  signal?: AbortSignal | undefined;
  /** Per-attempt budget in ms (one HTTP request, or one sync wait on a socket). */
  timeoutMs?: number | undefined;
  /**
   * Called with each result item of a sync task as it arrives, for push transports (not ACKs, not
   * errors: the engine reports every item it gets here to `onResult`). Must not throw.
   */
  onItem?: ((item: ResultItem) => void) | undefined;
}

/** The service's answer to one `send()`: items and errors in arrival order, as the API sent them. */
export interface TransportResultV1 {
  data: ResultItem[];
  /** Errors with a `taskUUID` belong to that task; errors without one apply to the whole request. */
  errors: RawApiError[];
  /** The HTTP status, when the transport has one. */
  status?: number;
}

/**
 * A Runware transport, version 1. Implement this to carry tasks over anything (a proxy, a queue,
 * a test double); `createRunwareClient` drives it. Keep it small: the engine does taskType
 * resolution, validation, polling, callbacks and error mapping; the transport only moves tasks.
 *
 * Contract:
 * - `send(tasks)` delivers one batch and resolves with the service's answer for it. For a task
 *   with `deliveryMethod: 'sync'` the answer holds all of its result items (a push transport waits
 *   for them, calling `onItem` as each arrives); for `'async'` it holds the acknowledgement item;
 *   for `getResponse` tasks it holds the polled state. Task-level failures are `errors`, not throws.
 * - It throws only a `RunwareError` (see `createRunwareError`): `connection` when the service cannot
 *   be reached after the transport's own retries, `timeout`, `aborted`, or `unknown` for an
 *   unreadable answer.
 * - A task never runs twice. A retry reuses the task's taskUUID, and the service refuses a repeat
 *   it already accepted with `conflictTaskUUID`: after its own resend, the transport takes that as
 *   "accepted" and answers from the original run (the ACK, or the results via `getResponse`),
 *   never as an error. When the answer is lost after sending, prefer asking with `getResponse`.
 * - `stream(task)` (when `capabilities.streaming`) opens an SSE response and returns its body;
 *   errors before the stream starts are thrown as a RunwareError.
 * - `close()` releases sockets and timers; pending sends reject with code `connection`.
 */
export interface TransportV1 {
  readonly specificationVersion: 'v1';
  /** A short name for logs and errors, e.g. `rest`, `websocket`. */
  readonly name: string;
  readonly capabilities: TransportCapabilitiesV1;
  send(tasks: readonly TaskPayload[], options?: SendOptionsV1): Promise<TransportResultV1>;
  stream?(task: TaskPayload, options?: SendOptionsV1): Promise<ReadableStream<Uint8Array>>;
  /** Opens a connection ahead of the first task (a no-op for request/response transports). */
  connect?(): Promise<void>;
  /** Whether its connection is open now; left out by transports without one (REST). */
  isConnected?(): boolean;
  close(): Promise<void>;
}
