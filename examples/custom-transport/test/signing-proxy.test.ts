import { useEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestSigner } from '../src/request-signature';
import { type RunningSigningProxy, startSigningProxy } from '../src/signing-proxy';
import { clientId, imageTask, readAll, secret, textTask } from './support/harness';

// A key that would be easy to spot anywhere the client can look.
const apiKey = 'upstream-key-that-must-stay-in-the-proxy';
const emulator = useEmulator(
  { beforeAll, afterAll },
  { apiKeys: [apiKey], onlyTheseKeys: true, tokenDelayMs: 10 },
);
let proxy: RunningSigningProxy;

beforeAll(async () => {
  proxy = await startSigningProxy({ upstreamUrl: emulator.httpUrl, apiKey, clients: { [clientId]: secret } });
});
afterAll(async () => {
  await proxy?.stop();
});

const sign = createRequestSigner(clientId, secret);

async function post(body: string, headers: Record<string, string>, signal?: AbortSignal) {
  return fetch(proxy.url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    ...(signal ? { signal } : {}),
  });
}

const refusal = async (response: Response) => ({
  status: response.status,
  body: (await response.json()) as { errors: { code: string; reason: string }[] },
});

describe('startSigningProxy', () => {
  it('forwards a signed request with the key, and nothing of the signature', async () => {
    const mark = await emulator.control.mark();
    const body = JSON.stringify([imageTask({ deliveryMethod: 'sync' })]);
    const response = await post(body, await sign(body));
    expect(response.status).toBe(200);
    expect((await response.json()) as unknown).toMatchObject({ data: [{ taskType: 'imageInference' }] });
    const [captured] = await mark.requests();
    expect(captured?.headers.authorization).toBe('[redacted]'); // the emulator saw (and hid) a key
    expect(Object.keys(captured?.headers ?? {}).filter((name) => name.startsWith('x-'))).toEqual([]);
  });

  it('refuses a bad or missing signature with 401 invalidCredentials, before the API sees anything', async () => {
    const mark = await emulator.control.mark();
    const body = JSON.stringify([imageTask()]);
    const headers = await sign(body);
    const tampered = await post(JSON.stringify([imageTask()]), headers);
    expect(await refusal(tampered)).toEqual({
      status: 401,
      body: { errors: [expect.objectContaining({ code: 'invalidCredentials', reason: 'badSignature' })] },
    });
    const unsigned = await refusal(await post(body, {}));
    expect(unsigned.body.errors[0]?.reason).toBe('unsigned');
    const stranger = await refusal(await post(body, { ...headers, 'x-client-id': 'someone-else' }));
    expect(stranger.body.errors[0]?.reason).toBe('unknownClient');
    const wrongSecret = createRequestSigner(clientId, 'not-the-secret');
    const forged = await refusal(await post(body, await wrongSecret(body)));
    expect(forged.body.errors[0]?.reason).toBe('badSignature');
    expect(await mark.requests()).toEqual([]);
  });

  it('refuses a replayed signature, and a stale or future timestamp', async () => {
    const mark = await emulator.control.mark();
    const body = JSON.stringify([imageTask({ deliveryMethod: 'async' })]);
    const headers = await sign(body);
    expect((await post(body, headers)).status).toBe(200);
    const replay = await refusal(await post(body, headers));
    expect(replay).toMatchObject({ status: 401, body: { errors: [{ reason: 'replayed' }] } });
    for (const offset of [-6 * 60_000, 6 * 60_000]) {
      const skewed = createRequestSigner(clientId, secret, () => Date.now() + offset);
      const other = JSON.stringify([imageTask()]);
      const answer = await refusal(await post(other, await skewed(other)));
      expect(answer).toMatchObject({ status: 401, body: { errors: [{ reason: 'staleTimestamp' }] } });
    }
    expect(await mark.requests()).toHaveLength(1);
  });

  it('passes error statuses and Retry-After through', async () => {
    await emulator.control.addFaults([{ kind: 'httpError', status: 429, retryAfter: 7, count: 1 }]);
    const body = JSON.stringify([imageTask()]);
    const response = await post(body, await sign(body));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toMatchObject({ errors: [{ code: 'rateLimitExceeded' }] });
  });

  it('never shows the API key to the client: not in statuses, headers or bodies, even for key errors', async () => {
    const seen: string[] = [];
    const record = async (response: Response) => {
      seen.push(String(response.status), JSON.stringify([...response.headers]), await response.text());
    };
    for (const task of [
      imageTask({ deliveryMethod: 'sync' }),
      imageTask({ deliveryMethod: 'async' }),
      imageTask({ model: 'runware:999999@1' }),
      textTask(),
      { taskType: 'getResponse', taskUUID: crypto.randomUUID() },
    ]) {
      const body = JSON.stringify([task]);
      await record(await post(body, await sign(body)));
    }
    await record(await post('[]', {}));
    // A proxy whose key the API refuses: the client learns the key is bad, not what it is.
    const wrongKey = await startSigningProxy({
      upstreamUrl: emulator.httpUrl,
      apiKey: `${apiKey}-revoked`,
      clients: { [clientId]: secret },
    });
    try {
      const body = JSON.stringify([imageTask()]);
      const response = await fetch(wrongKey.url, { method: 'POST', body, headers: await sign(body) });
      expect(response.status).toBe(401);
      await record(response);
    } finally {
      await wrongKey.stop();
    }
    expect(seen.join('\n')).not.toContain(apiKey);
    expect(seen.join('\n')).toContain('invalidApiKey');
  });

  it('streams SSE through as it is produced', async () => {
    const body = JSON.stringify([textTask({ settings: { maxTokens: 30 } })]);
    const response = await post(body, { ...(await sign(body)), accept: 'text/event-stream' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    // The keep-alive comment arrives on its own, long before the ~300 ms of tokens are done.
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toMatch(/^: keepalive/);
    const rest = new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
    });
    const text = await readAll(rest);
    expect(text.match(/^data: /gm)?.length).toBeGreaterThan(30);
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('aborts the upstream request when the client goes away', async () => {
    const stats = async () => (await emulator.control.stats()).streams;
    const before = await stats();
    const controller = new AbortController();
    const body = JSON.stringify([textTask({ settings: { maxTokens: 40 } })]);
    const response = await post(body, await sign(body), controller.signal);
    await response.body?.getReader().read();
    controller.abort();
    // 40 tokens at 10 ms would be done in ~0.4 s: wait well past that.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const after = await stats();
    expect(after.opened - before.opened).toBe(1);
    expect(after.completed - before.completed).toBe(0);
  });
});
