import type { RawApiError, ResultItem, RunwareError, TaskPayload, TransportResultV1 } from '@runware/core';

// The records the request table keeps (sends, submits, polls). They are created and changed only by
// createRequestTable; everything else sees them through `SubmitView` and `OpenRequest`.

/**
 * Where a submitted task stands: `queued` (on no socket yet), `sent` (written, fate unknown: it may
 * never have reached the server), `known` (the server has it: an ACK, an item, an error).
 */
export type SubmitPhase = 'queued' | 'sent' | 'known';

/**
 * A submitted task, as the rest of the transport sees it: read-only. Only the request table
 * changes it, through its named operations.
 */
export interface SubmitView {
  readonly task: TaskPayload;
  /** `async`: answered by an ACK (async delivery, webhook); `sync`: by its result items. */
  readonly mode: 'sync' | 'async';
  readonly phase: SubmitPhase;
  /** A getResponse for it is outstanding on the current socket. */
  readonly probing: boolean;
  /** A known sync task also collected through getResponse: after a drop, or after a failed result. */
  readonly recovering: boolean;
  /** How many times this transport wrote it on a socket. */
  readonly submits: number;
  /** How many results the finished task lists (`expectedItems`). */
  readonly expected: number;
  /** Distinct successes reported. */
  readonly count: number;
  /** Failed result slots in the last full listing of the task's slots (a getResponse answer). */
  readonly failedListed: number;
  /** Distinct failures reported since that listing (or since the start): pushed error frames. */
  readonly failedSince: number;
  /** getResponse polls written for it since the last frame carrying its items. */
  readonly quietPolls: number;
  /** Answered (or its send() ended): nothing more is routed to it. */
  readonly done: boolean;
}

/**
 * One send() call: resolves once every one of its tasks has its answer. A class, so thousands in
 * flight share their methods instead of carrying closures each.
 */
export class Request implements OpenRequest {
  entries: Entry[] = [];
  remaining = 0;
  /** Made on the first item or error: a send in flight has none yet. */
  data: ResultItem[] | undefined;
  errors: RawApiError[] | undefined;
  settled = false;

  constructor(
    readonly callbacks: RequestCallbacks,
    private readonly failRequest: (request: Request, error: RunwareError) => void,
  ) {}

  fail(error: RunwareError): void {
    this.failRequest(this, error);
  }

  addItem(item: ResultItem): void {
    this.data ??= [];
    this.data.push(item);
  }

  addError(raw: RawApiError): void {
    this.errors ??= [];
    this.errors.push(raw);
  }

  answer(): TransportResultV1 {
    return { data: this.data ?? [], errors: this.errors ?? [] };
  }
}

/** Distinct keys seen so far: none, one (most tasks have one result), or a Set once there are more. */
export type SeenKeys = string | Set<string> | undefined;

/** `seen` with `key` added, or undefined when `key` was in it already. */
export function addKey(seen: SeenKeys, key: string): SeenKeys {
  if (seen === undefined) return key;
  if (typeof seen === 'string') return seen === key ? undefined : new Set([seen, key]);
  if (seen.has(key)) return undefined;
  seen.add(key);
  return seen;
}

export interface SubmitEntry {
  kind: 'submit';
  request: Request;
  task: TaskPayload;
  mode: 'sync' | 'async';
  phase: SubmitPhase;
  probing: boolean;
  recovering: boolean;
  submits: number;
  expected: number;
  count: number;
  failedListed: number;
  failedSince: number;
  quietPolls: number;
  seen: SeenKeys;
  errorsSeen: SeenKeys;
  done: boolean;
}

/** A getResponse the caller sent: answered by the next frame about its taskUUID. */
export interface PollEntry {
  kind: 'poll';
  request: Request;
  task: TaskPayload;
  done: boolean;
}

export type Entry = SubmitEntry | PollEntry;

export interface RequestCallbacks {
  onItem: ((item: ResultItem) => void) | undefined;
  /** Called once, when every task of the send has its answer. */
  resolve(result: TransportResultV1): void;
  /** Called once, instead of `resolve`, when the send is failed (timeout, abort, close). */
  reject(error: RunwareError): void;
}

/** A registered send(), as its caller holds it. */
export interface OpenRequest {
  /** Ends the send early: its tasks stop being routed and the caller gets `error`. */
  fail(error: RunwareError): void;
}
