import {
  createRunwareError,
  type SendOptionsV1,
  type TaskPayload,
  type TransportResultV1,
  type TransportV1,
} from '@runware/core';
import {
  abortedError,
  contextOf,
  createCloseNotifier,
  createSafeLog,
  type FetchLike,
} from '@runware/core/transport-kit';
import { sendBatch } from './dispatch/send-batch';
import { createFetchResolver, type ResolvedFetch } from './http/fetch-resolver';
import type { RequestContext } from './http/request-context';
import { createRequestSlots } from './http/request-slots';
import { closedTransportError } from './http/rest-errors';
import { sseRequest } from './http/sse-request';
import { type LogCategory, type RestTransportOptions, resolveOptions } from './options';

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the Runware API';
  }
}

/**
 * The REST + SSE transport: plain `fetch`, so it runs in Node, browsers and edge runtimes. Each
 * `send()` is one POST of the batch, retried on network errors, timeouts, 408, 429 and 5xx
 * without ever resubmitting a task the server may already hold (see dispatch/send-batch).
 */
export function createRestTransport(options: RestTransportOptions): TransportV1 {
  const resolved = resolveOptions(options);
  const secrets = [resolved.apiKey];
  const log = createSafeLog<LogCategory>(resolved.log, secrets);
  resolved.warnDeprecated(log);
  const origin = originOf(resolved.httpBaseUrl);
  const fetchResolver = createFetchResolver(resolved.fetch, log, undefined, resolved.maxConnections);
  // Every fetch (undici's, the global one, an injected one) waits for one of `maxConnections` slots.
  const slots = createRequestSlots(resolved.maxConnections);
  // Not an AbortController: each request in flight subscribes to it (see the kit's close-signal).
  const closing = createCloseNotifier();

  /** The fetch to use, or the error that ends the call before any request. */
  async function ready(
    tasks: readonly TaskPayload[],
    signal: AbortSignal | undefined,
  ): Promise<ResolvedFetch> {
    const context = contextOf(tasks);
    const check = () => {
      if (signal?.aborted) throw abortedError(context, signal.reason);
      if (closing.closed) throw closedTransportError(context);
    };
    check();
    const resolvedFetch = await fetchResolver.get();
    if (!resolvedFetch) {
      throw createRunwareError(
        'noFetchImpl',
        'No fetch implementation: pass `fetch` to createRestTransport.',
        context,
      );
    }
    check();
    return resolvedFetch;
  }

  const contextWith = (fetch: FetchLike): RequestContext => ({
    options: resolved,
    fetch,
    slots,
    closing,
    log,
    secrets,
    origin,
  });

  return {
    specificationVersion: 'v1',
    name: 'rest',
    capabilities: { streaming: true, push: false, resume: false },

    async send(tasks: readonly TaskPayload[], sendOptions: SendOptionsV1 = {}): Promise<TransportResultV1> {
      const { fetch } = await ready(tasks, sendOptions.signal);
      return sendBatch(contextWith(fetch), tasks, sendOptions);
    },

    async stream(task: TaskPayload, sendOptions: SendOptionsV1 = {}): Promise<ReadableStream<Uint8Array>> {
      const { fetch } = await ready([task], sendOptions.signal);
      return sseRequest(contextWith(fetch), task, sendOptions);
    },

    /** Nothing to open for request/response; loads the fetch (undici on Node) ahead of time. */
    async connect(): Promise<void> {
      await fetchResolver.get();
    },

    async close(): Promise<void> {
      if (closing.closed) return;
      closing.close();
      const resolvedFetch = await fetchResolver.settled();
      await resolvedFetch?.release();
    },
  };
}
