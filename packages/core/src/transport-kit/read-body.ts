import { relayStream } from './guard-stream';

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

/**
 * Reads a body as text, counting bytes as they arrive: past `limit` the read stops and the body is
 * cancelled (which frees the connection), so an endless or huge answer never sits in memory whole.
 */
export async function readText(response: Response, limit: number): Promise<{ text: string } | BodyTooLarge> {
  const { body } = response;
  // A stated `Content-Length` over the limit is refused without reading.
  const declared = response.headers.get('content-length')?.trim() ?? '';
  if (/^\d+$/.test(declared) && +declared > limit) {
    void body?.cancel().catch(() => {});
    return new BodyTooLarge(limit, 0, +declared);
  }
  try {
    // No stream to count (a bodiless answer, or a fetch that gives none): nothing unbounded to read.
    return { text: await (body ? new Response(limitStream(body, limit)) : response).text() };
  } catch (cause) {
    if (cause instanceof BodyTooLarge) return cause;
    throw cause;
  }
}

/** `body` with a byte budget: past `limit` the source is cancelled and the read fails with BodyTooLarge. */
export function limitStream(body: ReadableStream<Uint8Array>, limit: number): ReadableStream<Uint8Array> {
  let read = 0;
  const check = (chunk: Uint8Array) => {
    read += chunk.byteLength;
    if (read > limit) throw new BodyTooLarge(limit, read);
  };
  // Pull only on demand: the count then bounds what is held, not just what was passed on.
  return limit === Infinity ? body : relayStream(body, { check }, 0);
}
