import { combineSignals, type FetchAnswer, type FetchFailure } from '@runware/core/transport-kit';
import { BodyTooLarge, readText } from './read-body';
import { classifyFailure, type PostRequest } from './start-post';

export type AnswerOutcome =
  | FetchAnswer
  | FetchFailure
  | { kind: 'tooLarge'; status: number; body: BodyTooLarge };

/**
 * One POST whose whole answer must arrive within the request's timeout, as the kit's
 * `fetchWithTimeout`, but reading the body with a byte budget (`limit`) instead of `text()`. Never
 * throws. The deadline is raced as well as signalled, so a fetch that ignores `signal` cannot hang.
 */
export async function fetchAnswer(request: PostRequest, limit: number): Promise<AnswerOutcome> {
  const combined = combineSignals([request.signal, request.closing], request.timeoutMs);
  const { signal } = combined;
  const failure = (cause: unknown) => classifyFailure(cause, combined, request);
  if (signal.aborted) return failure(signal.reason);
  let stop: () => void = () => {};
  const cut = new Promise<never>((_, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    stop = () => signal.removeEventListener('abort', onAbort);
  });
  cut.catch(() => {});
  try {
    const response = await Promise.race([
      request.fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal,
      }),
      cut,
    ]);
    let body: { text: string } | BodyTooLarge;
    try {
      body = await Promise.race([readText(response, limit), cut]);
    } catch (cause) {
      void response.body?.cancel().catch(() => {});
      throw cause;
    }
    if (body instanceof BodyTooLarge) return { kind: 'tooLarge', status: response.status, body };
    return {
      kind: 'answer',
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      text: body.text,
    };
  } catch (cause) {
    return failure(cause);
  } finally {
    stop();
    combined.dispose();
  }
}
