import { unusedPort as closedPort, rejectionOf, useEmulator } from '@runware/emulator/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createContentClient } from '../src/content/create-content-client';
import { isRunwareError, type RunwareError } from '../src/errors/runware-error';

const emulator = useEmulator({ beforeAll, afterAll, afterEach });
const failure = (promise: Promise<unknown>): Promise<RunwareError> => rejectionOf(promise, isRunwareError);

describe('content client: failures', () => {
  it('rejects with raw connectionFailed (code connection) when the service cannot be reached', async () => {
    const port = await closedPort();
    const content = createContentClient({ contentBaseUrl: `http://127.0.0.1:${port}/content` });
    for (const call of [
      content.listModels(),
      content.getModel('bfl-flux-1-dev'),
      content.getModelGuides('x'),
    ]) {
      const error = await failure(call);
      expect(error).toMatchObject({ code: 'connection', rawCode: 'connectionFailed' });
      expect(error.message).toContain(`127.0.0.1:${port}`);
    }
  });

  it('rejects with raw httpError and the status on 5xx, list and single calls alike', async () => {
    const content = createContentClient({ contentBaseUrl: emulator.contentUrl });
    await emulator.control.addFaults([{ kind: 'serviceError', service: 'content', count: 3 }]);
    const list = await failure(content.listCapabilities());
    expect(list).toMatchObject({ rawCode: 'httpError', statusCode: 503 });
    expect(list.message).toContain('Injected fault: content service unavailable.');
    expect(await failure(content.getModel('bfl-flux-1-dev'))).toMatchObject({
      rawCode: 'httpError',
      statusCode: 503,
    });
    const page = await failure(content.listModels({ paginate: true }));
    expect(page).toMatchObject({ rawCode: 'httpError', statusCode: 503 });
    expect(await content.listCapabilities()).not.toHaveLength(0);
  });

  it('passes on the status, message and parameter of a 400', async () => {
    const content = createContentClient({ contentBaseUrl: emulator.contentUrl });
    const error = await failure(content.listModels({ creator: 'nobody-at-all' }));
    expect(error).toMatchObject({ rawCode: 'httpError', statusCode: 400, parameter: 'creator' });
    expect(error.message).toContain("Unknown creator 'nobody-at-all'");
  });

  it('treats a 404 on a list call as an error, not as empty', async () => {
    const content = createContentClient({ contentBaseUrl: `${emulator.contentUrl}/nowhere` });
    expect(await failure(content.listCreators())).toMatchObject({ rawCode: 'httpError', statusCode: 404 });
    expect(await content.getCreator('google')).toBeNull();
  });

  it('fails a call that outlasts timeoutMs with connectionFailed', async () => {
    const content = createContentClient({ contentBaseUrl: emulator.contentUrl, timeoutMs: 50 });
    await emulator.control.addFaults([{ kind: 'serviceError', service: 'content', delayMs: 1000, count: 1 }]);
    const error = await failure(content.listCapabilities());
    expect(error).toMatchObject({ rawCode: 'connectionFailed' });
    expect(error.message).toContain('no answer within 50 ms');
  });

  it('rejects a body that is not JSON, or not the expected form, with parseError', async () => {
    const html: typeof fetch = async () => new Response('<html></html>', { status: 200 });
    const notJson = createContentClient({ contentBaseUrl: emulator.contentUrl, fetch: html });
    expect(await failure(notJson.listCreators())).toMatchObject({ rawCode: 'parseError' });
    const object: typeof fetch = async () => Response.json({ models: [] });
    const wrong = createContentClient({ contentBaseUrl: emulator.contentUrl, fetch: object });
    expect(await failure(wrong.listModels())).toMatchObject({ rawCode: 'parseError' });
    expect(await failure(wrong.listModels({ paginate: true }))).toMatchObject({ rawCode: 'parseError' });
    const list: typeof fetch = async () => Response.json([]);
    const notItem = createContentClient({ contentBaseUrl: emulator.contentUrl, fetch: list });
    expect(await failure(notItem.getModel('swinir'))).toMatchObject({ rawCode: 'parseError' });
  });

  it('calls an injected fetch as a plain function, not as a method', async () => {
    const receivers: unknown[] = [];
    const strict: typeof fetch = function (this: unknown, input, init) {
      receivers.push(this);
      return fetch(input, init);
    };
    const content = createContentClient({ contentBaseUrl: emulator.contentUrl, fetch: strict });
    await content.listCapabilities();
    expect(receivers).toEqual([undefined]);
  });

  it('logs each request without secrets', async () => {
    const lines: string[] = [];
    const content = createContentClient({
      contentBaseUrl: emulator.contentUrl,
      log: (category, message) => lines.push(`${category} ${message}`),
    });
    await content.getModel('flux-1-dev');
    expect(lines).toEqual([`request GET ${emulator.contentUrl}/models/flux-1-dev`]);
  });
});
