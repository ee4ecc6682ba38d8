import {
  createRunwareError,
  type SendOptionsV1,
  type TaskPayload,
  type TransportResultV1,
  type TransportV1,
} from '@runware/core';
import {
  abortedError,
  type CloseNotifier,
  contextOf,
  createCloseNotifier,
  createSafeLog,
} from '@runware/core/transport-kit';
import { sendBatch } from './dispatch/send-batch';
import { createFetchResolver, type FetchResolver } from './http/fetch-resolver';
import type { RequestContext } from './http/request-context';
import { createRequestSlots } from './http/request-slots';
import { closedTransportError } from './http/rest-errors';
import { type LogCategory, type RestTransportOptions, resolveOptions } from './options';

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
  // Every fetch (undici's, the global one, an injected one) waits for one of `maxConnections` slots.
  const shared = { options: resolved, slots: createRequestSlots(resolved.maxConnections), log, secrets };

  /**
   * What `close()` ends: the close notifier requests in flight watch (not an AbortController: each
   * request subscribes, see the kit's close-signal) and the fetch with its pooled sockets. REST is
   * stateless, so a send after `close()` starts a new generation instead of failing.
   */
  interface Generation {
    closing: CloseNotifier;
    resolver: FetchResolver;
  }
  const newGeneration = (): Generation => ({
    closing: createCloseNotifier(),
    resolver: createFetchResolver(resolved.fetch, log, undefined, resolved.maxConnections),
  });
  let generation = newGeneration();
  const current = (): Generation => {
    if (generation.closing.closed) generation = newGeneration();
    return generation;
  };

  /**
   * What a request needs (the fetch to use and the close it answers to), or the error that ends
   * the call before any request.
   */
  async function ready(
    tasks: readonly TaskPayload[],
    signal: AbortSignal | undefined,
  ): Promise<RequestContext> {
    const context = contextOf(tasks);
    const checkAbort = () => {
      if (signal?.aborted) throw abortedError(context, signal.reason);
    };
    checkAbort();
    const { closing, resolver } = current();
    const resolvedFetch = await resolver.get();
    if (!resolvedFetch) {
      throw createRunwareError(
        'noFetchImpl',
        'No fetch implementation: pass `fetch` to createRestTransport.',
        context,
      );
    }
    checkAbort();
    // A close() while the fetch was being chosen ends this call, like one in flight.
    if (closing.closed) throw closedTransportError(context);
    return { ...shared, fetch: resolvedFetch.fetch, closing };
  }

  return {
    specificationVersion: 'v1',
    name: 'rest',
    capabilities: { streaming: true, push: false, resume: false },

    async send(tasks: readonly TaskPayload[], sendOptions: SendOptionsV1 = {}): Promise<TransportResultV1> {
      return sendBatch(await ready(tasks, sendOptions.signal), tasks, sendOptions);
    },

    async stream(task: TaskPayload, sendOptions: SendOptionsV1 = {}): Promise<ReadableStream<Uint8Array>> {
      // Loaded on the first stream only, so apps that never stream do not load the SSE request.
      const [{ sseRequest }, ctx] = await Promise.all([
        import('./http/sse-request'),
        ready([task], sendOptions.signal),
      ]);
      return sseRequest(ctx, task, sendOptions);
    },

    /** Nothing to open for request/response; loads the fetch (undici on Node) ahead of time. */
    async connect(): Promise<void> {
      await current().resolver.get();
    },

    /** Ends the requests in flight and releases the pooled sockets; the next call starts afresh. */
    async close(): Promise<void> {
      const { closing, resolver } = generation;
      if (closing.closed) return;
      closing.close();
      await (await resolver.settled())?.release();
    },
  };
}
