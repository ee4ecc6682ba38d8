/**
 * A body that passed `maxResponseSize`. Thrown (as a read failure) by {@link limitStream} and
 * returned by {@link readText}, so callers tell it from a cut connection.
 */
export class BodyTooLarge extends Error {
  constructor(
    readonly limit: number,
    /** Bytes read before giving up (0 when a `Content-Length` alone was too large). */
    readonly read: number,
    readonly declared?: number,
  ) {
    super(`the answer passed maxResponseSize (${limit} bytes)`);
    this.name = 'BodyTooLarge';
  }
}

/** The `Content-Length` of an answer, when it states one. */
function declaredLength(response: Response): number | undefined {
  const header = response.headers.get('content-length');
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header);
}

/**
 * Reads a body as text, counting bytes as they arrive: past `limit` the read stops and the body is
 * cancelled (which frees the connection), so an endless or huge answer never sits in memory whole.
 */
export async function readText(response: Response, limit: number): Promise<{ text: string } | BodyTooLarge> {
  const declared = declaredLength(response);
  if (declared !== undefined && declared > limit) {
    void response.body?.cancel().catch(() => {});
    return new BodyTooLarge(limit, 0, declared);
  }
  // No stream to count (a bodiless answer, or a fetch that gives none): nothing unbounded to read.
  if (!response.body) return { text: await response.text() };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
      if (read > limit) {
        void reader.cancel().catch(() => {});
        return new BodyTooLarge(limit, read);
      }
      parts.push(decoder.decode(value, { stream: true }));
    }
  } catch (cause) {
    void reader.cancel().catch(() => {});
    throw cause;
  }
  parts.push(decoder.decode());
  return { text: parts.join('') };
}

/** `body` with a byte budget: past `limit` the source is cancelled and the read fails with BodyTooLarge. */
export function limitStream(body: ReadableStream<Uint8Array>, limit: number): ReadableStream<Uint8Array> {
  if (limit === Number.POSITIVE_INFINITY) return body;
  const reader = body.getReader();
  let read = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        read += value.byteLength;
        if (read > limit) {
          void reader.cancel().catch(() => {});
          controller.error(new BodyTooLarge(limit, read));
          return;
        }
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason).catch(() => {}),
    },
    // Pull only on demand: the count then bounds what is held, not just what was passed on.
    { highWaterMark: 0 },
  );
}
