export interface GuardStreamOptions {
  /** What a read failure (abort, close, a cut connection) becomes for the consumer. */
  toError: (cause: unknown) => unknown;
  /** Runs once when the stream ends, fails or is cancelled: release timers and listeners here. */
  onEnd?: () => void;
}

/**
 * Hands a response body on through a thin wrapper: read failures reach the consumer as
 * `toError(cause)` (a RunwareError, not a runtime's own error), and `onEnd` runs once however the
 * stream finishes, so nothing the request held outlives it.
 */
export const guardStream = (
  body: ReadableStream<Uint8Array>,
  options: GuardStreamOptions,
): ReadableStream<Uint8Array> => relayStream(body, options);

/**
 * Kit-internal: what guardStream and limitStream share. Reads `body` as the consumer pulls (at
 * most `highWaterMark` chunks ahead, 1 when undefined); `check` sees each chunk and may throw to
 * fail the read, after which the source is cancelled.
 */
export function relayStream(
  body: ReadableStream<Uint8Array>,
  options: Partial<GuardStreamOptions> & { check?: (chunk: Uint8Array) => void },
  highWaterMark?: number,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    options.onEnd?.();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            end();
            controller.close();
          } else {
            options.check?.(value);
            controller.enqueue(value);
          }
        } catch (cause) {
          // Frees the connection when `check` refused a chunk (a failed source has nothing to cancel).
          void reader.cancel().catch(() => {});
          const error = options.toError ? options.toError(cause) : cause;
          end();
          controller.error(error);
        }
      },
      async cancel(reason) {
        end();
        await reader.cancel(reason).catch(() => {});
      },
    },
    { highWaterMark },
  );
}
