import { unusedPort } from '@runware/emulator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RunwareClient } from '../src/index';
import { failure, useHarness } from './support/harness';

const h = useHarness();

/** Every request the clients' fetch made (REST tasks and content calls alike). */
const fetched: { url: string; headers: Headers }[] = [];
const counting: typeof fetch = (input, init) => {
  fetched.push({ url: String(input), headers: new Headers(init?.headers) });
  return fetch(input, init);
};

const clients: Partial<Record<'rest' | 'ws', RunwareClient>> = {};
beforeAll(async () => {
  const common = {
    apiKey: h.emulator.apiKey,
    httpBaseUrl: h.emulator.httpUrl,
    schemasBaseUrl: h.emulator.schemasUrl,
    contentBaseUrl: h.emulator.contentUrl,
    retryDelay: 20,
    dependencies: { fetch: counting },
  };
  clients.rest = await createClient({ ...common, transportType: 'rest' });
  // No transportType: the default, WebSocket.
  clients.ws = await createClient({ ...common, wsBaseUrl: h.emulator.wsUrl });
});
afterAll(async () => {
  await Promise.all([clients.rest?.close(), clients.ws?.close()]);
});

function clientFor(transport: 'rest' | 'ws'): RunwareClient {
  const client = clients[transport];
  if (!client) throw new Error(`no ${transport} client`);
  return client;
}

/** Tasks the emulator received over one transport so far. */
async function tasksOver(transport: 'rest' | 'ws'): Promise<number> {
  return (await h.control.stats()).tasks.byTransport[transport];
}

const image = { model: 'runware:400@1', positivePrompt: 'a fox', width: 16, height: 16 };

describe.each(['rest', 'ws'] as const)('utility methods over %s', (transport) => {
  it('modelSearch finds models', async () => {
    const before = await tasksOver(transport);
    const [found] = await clientFor(transport).modelSearch({ search: 'community', limit: 2 });
    if (!found) throw new Error('modelSearch answered no item');
    expect(found.results).toHaveLength(2);
    expect(found.results[0]?.air).toEqual(expect.any(String));
    expect(found.totalResults).toBeGreaterThanOrEqual(2);
    expect(await tasksOver(transport)).toBe(before + 1);
  });

  it('modelUpload goes through every stage to ready', async () => {
    const stages = await clientFor(transport).modelUpload({
      category: 'checkpoint',
      architecture: 'sdxl',
      format: 'safetensors',
      name: `Mine over ${transport}`,
      version: '1',
      downloadURL: 'https://example.com/m.safetensors',
    });
    expect(stages.map((s) => s.status)).toEqual(['validated', 'downloaded', 'optimized', 'stored', 'ready']);
    expect(stages.at(-1)?.air).toEqual(expect.any(String));
  });

  it('imageUpload stores an image and answers its UUID and URL', async () => {
    const uploads = await clientFor(transport).imageUpload({ image: 'https://example.com/photo.jpg' });
    expect(uploads).toHaveLength(1);
    const uploaded = uploads[0];
    expect(uploaded?.imageUUID).toMatch(/^[0-9a-f-]{36}$/);
    const served = await fetch(String(uploaded?.imageURL));
    expect(served.ok).toBe(true);
  });

  it('mediaStorage uploads, then deletes what it uploaded', async () => {
    const client = clientFor(transport);
    const [stored] = await client.mediaStorage({ operation: 'upload', media: 'https://example.com/a.png' });
    if (!stored) throw new Error('mediaStorage answered no item');
    expect(stored).toMatchObject({
      operation: 'upload',
      mediaUUID: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const deleted = await client.mediaStorage({ operation: 'delete', media: stored.mediaUUID });
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({ operation: 'delete', mediaUUID: stored.mediaUUID });
    const again = await failure(client.mediaStorage({ operation: 'delete', media: stored.mediaUUID }));
    expect(again.rawCode).toBe('mediaNotFound');
  });

  it('accountManagement answers the account details', async () => {
    const [account] = await clientFor(transport).accountManagement({ operation: 'getDetails' });
    expect(account?.balance?.currency).toBe('USD');
    expect(account?.balance?.amount).toEqual(expect.any(Number));
  });

  it('getTaskDetails and getResponse look up a task run before', async () => {
    const client = clientFor(transport);
    const taskUUID = crypto.randomUUID();
    const [result] = await client.run({ ...image, deliveryMethod: 'async', taskUUID });
    expect(result?.imageURL).toBeTruthy();

    const [details] = await client.getTaskDetails({ taskUUID });
    expect(details?.request[0]).toMatchObject({
      model: 'runware:400@1',
      taskType: 'imageInference',
      taskUUID,
    });

    const state = await client.getResponse({ taskUUID });
    expect(state).toHaveLength(1);
    expect(state[0]).toMatchObject({ taskUUID, taskType: 'imageInference', status: 'success' });

    const unknown = await failure(client.getResponse({ taskUUID: crypto.randomUUID() }));
    expect(unknown.rawCode).toBe('taskNotFound');
  });
});

describe('client.content (HTTP, the same on every transport)', () => {
  const content = () => clientFor('ws').content;

  it('lists models with filters, hiding openai-compatible ones unless asked by status', async () => {
    const models = await content().listModels({
      capability: 'io:text-to-image',
      category: 'image',
      creator: 'black-forest-labs',
      search: 'flux',
    });
    expect(models.length).toBeGreaterThan(3);
    for (const model of models) {
      expect(model).toMatchObject({ creator: 'black-forest-labs', air: expect.any(String) });
      expect(model.capabilities).toContain('io:text-to-image');
    }
    const all = await content().listModels();
    expect(all.some((m) => m.status === 'openai-compatible')).toBe(false);
    const compatible = await content().listModels({ status: 'openai-compatible' });
    expect(compatible.length).toBeGreaterThan(0);
    expect(compatible.every((m) => m.status === 'openai-compatible')).toBe(true);
  });

  it('paginates with { total, limit, offset, items }', async () => {
    const page = await content().listModels({ paginate: true, limit: 25, offset: 0, sort: 'alpha' });
    expect(page).toMatchObject({ limit: 25, offset: 0 });
    expect(page.total).toBeGreaterThan(100);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThanOrEqual(25);
    const next = await content().listModels({ paginate: true, limit: 25, offset: 25, sort: 'alpha' });
    expect(next.offset).toBe(25);
    const names = page.items.map((m) => m.model);
    expect(next.items.some((m) => names.includes(m.model))).toBe(false);
  });

  it('gets a model, its examples, pricing and guides; null or [] for unknown ids', async () => {
    const model = await content().getModel('alibaba-z-image-turbo');
    expect(model).toMatchObject({ model: 'alibaba-z-image-turbo', creator: 'alibaba' });
    expect((await content().getModel(String(model?.air)))?.model).toBe('alibaba-z-image-turbo');
    const examples = await content().getModelExamples('flux-1-dev');
    expect(examples[0]).toMatchObject({ model: 'bfl-flux-1-dev', capability: 'io:text-to-image' });
    const filtered = await content().getModelExamples('flux-1-dev', { capability: 'io:text-to-image' });
    expect(filtered.every((e) => e.capability === 'io:text-to-image')).toBe(true);
    const pricing = await content().getModelPricing('flux-1-dev');
    expect(pricing?.pricingExamples?.length).toBeGreaterThan(0);
    const guides = await content().getModelGuides('swinir');
    expect(guides[0]?.url).toMatch(/^http/);

    expect(await content().getModel('no-such-model')).toBeNull();
    expect(await content().getModelExamples('no-such-model')).toEqual([]);
    expect(await content().getModelPricing('no-such-model')).toBeNull();
    expect(await content().getModelGuides('no-such-model')).toEqual([]);
  });

  it('lists and gets collections, capabilities and creators; null for unknown ids', async () => {
    const collections = await content().listCollections({ category: 'image' });
    expect(collections.length).toBeGreaterThan(0);
    expect(collections.every((c) => c.category.includes('image'))).toBe(true);
    const first = collections[0];
    const collection = await content().getCollection(String(first?.id));
    expect(collection?.models.length).toBe(first?.models.length);
    expect(await content().getCollection('no-such-collection')).toBeNull();

    const capabilities = await content().listCapabilities();
    expect(capabilities).toContainEqual({ id: 'io:text-to-image', label: 'Text to image' });

    const creators = await content().listCreators();
    expect(creators.map((c) => c.id)).toContain('google');
    const google = await content().getCreator('google');
    expect(google?.models.length).toBeGreaterThan(0);
    expect(await content().getCreator('no-such-creator')).toBeNull();
  });

  it('answers the same on the REST client, and never sends the API key to the content service', async () => {
    expect(await clientFor('rest').content.getModel('flux-1-dev')).toEqual(
      await clientFor('ws').content.getModel('flux-1-dev'),
    );
    const toContent = fetched.filter((r) => r.url.startsWith(h.emulator.contentUrl));
    const toApi = fetched.filter((r) => r.url.startsWith(h.emulator.httpUrl));
    expect(toContent.length).toBeGreaterThan(15);
    expect(toApi.length).toBeGreaterThan(0);
    // The same fetch carries the key to the API, so its absence here is the client's choice.
    expect(toApi[0]?.headers.get('authorization')).toContain(h.emulator.apiKey);
    for (const request of toContent) {
      expect(request.headers.get('authorization')).toBeNull();
      expect(request.headers.get('user-agent')).toBeNull();
      expect(request.url).not.toContain(h.emulator.apiKey);
    }
  });

  it('rejects with httpError on a 5xx and connectionFailed when the service is unreachable', async () => {
    await h.control.addFaults([{ kind: 'serviceError', service: 'content', status: 502, count: 1 }]);
    const error = await failure(content().listCapabilities());
    expect(error).toMatchObject({ rawCode: 'httpError', statusCode: 502 });
    const port = await unusedPort();
    const offline = await h.clientWith({ contentBaseUrl: `http://127.0.0.1:${port}/content` });
    const unreachable = await failure(offline.content.listCreators());
    expect(unreachable).toMatchObject({ code: 'connection', rawCode: 'connectionFailed' });
  });
});
