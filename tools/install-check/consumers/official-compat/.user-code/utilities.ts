// The utility methods each resolve an ARRAY of result items, and client.content is a ContentClient.
import {
  type AccountManagementResult,
  type ContentClient,
  createClient,
  type GetResponseResult,
  type GetTaskDetailsResult,
  type ImageUploadResult,
  type MediaStorageResult,
  type ModelSearchResult,
  type ModelUploadResult,
  type RunwareClient,
} from '@runware/sdk';
import {
  type Check,
  check,
  type Env,
  emulatorUrls,
  equal,
  isArray,
  isString,
  ok,
  pngDataUri,
} from './harness.js';

const row = 'RunwareClient utilities';

const restClient = (env: Env): Promise<RunwareClient> =>
  createClient({ apiKey: env.apiKey, transport: 'rest', ...emulatorUrls(env) });

async function someTaskUUID(client: RunwareClient): Promise<string> {
  const images = await client.run({
    model: 'runware:400@1',
    positivePrompt: 'A kite',
    width: 512,
    height: 512,
  });
  return images[0].taskUUID;
}

export const checks: Check[] = [
  check(
    `${row} › modelSearch: const [response] = await client.modelSearch({...}); response.results`,
    async (env) => {
      const client = await restClient(env);
      const all = await client.modelSearch({ search: 'sdxl', category: 'checkpoint', limit: 10 });
      isArray(all, 'modelSearch() result');
      const [response] = await client.modelSearch({ search: 'portrait', limit: 10 });
      const typed: ModelSearchResult = response;
      isArray(typed.results, 'response.results');
    },
  ),

  check(`${row} › modelSearch over WebSocket resolves an array too`, async (env) => {
    const client = await createClient({ apiKey: env.apiKey, ...emulatorUrls(env) });
    await client.connect();
    try {
      const [response] = await client.modelSearch({ search: 'flux' });
      isArray(response.results, 'response.results');
    } finally {
      await client.disconnect();
    }
  }),

  check(`${row} › mediaStorage: uploaded[0].mediaUUID`, async (env) => {
    const client = await restClient(env);
    const uploaded = await client.mediaStorage({ operation: 'upload', media: pngDataUri() });
    isArray(uploaded, 'mediaStorage() result');
    const first: MediaStorageResult = uploaded[0];
    isString(first.mediaUUID, 'uploaded[0].mediaUUID');
  }),

  check(`${row} › imageUpload (deprecated): uploaded[0].imageUUID`, async (env) => {
    const client = await restClient(env);
    const uploaded = await client.imageUpload({ image: pngDataUri() });
    isArray(uploaded, 'imageUpload() result');
    const first: ImageUploadResult = uploaded[0];
    isString(first.imageUUID, 'uploaded[0].imageUUID');
    isString(first.imageURL, 'uploaded[0].imageURL');
  }),

  check(
    `${row} › accountManagement: const [account] = await client.accountManagement({...})`,
    async (env) => {
      const client = await restClient(env);
      const answer = await client.accountManagement({ operation: 'getDetails' });
      isArray(answer, 'accountManagement() result');
      const [account] = answer;
      const typed: AccountManagementResult = account;
      equal(typed.taskType, 'accountManagement', 'account.taskType');
    },
  ),

  check(`${row} › getResponse: an array of the task's items`, async (env) => {
    const client = await restClient(env);
    const taskUUID = await someTaskUUID(client);
    const items = await client.getResponse({ taskUUID });
    isArray(items, 'getResponse() result');
    const first: GetResponseResult = items[0];
    equal(first.taskUUID, taskUUID, 'items[0].taskUUID');
  }),

  check(
    `${row} › getTaskDetails: const [details] = await client.getTaskDetails({ taskUUID })`,
    async (env) => {
      const client = await restClient(env);
      const taskUUID = await someTaskUUID(client);
      const answer = await client.getTaskDetails({ taskUUID });
      isArray(answer, 'getTaskDetails() result');
      const [details] = answer;
      const typed: GetTaskDetailsResult = details;
      equal(typed.taskUUID, taskUUID, 'details.taskUUID');
    },
  ),

  check(`${row} › modelUpload: an array of status items`, async (env) => {
    const client = await restClient(env);
    const statuses = await client.modelUpload({
      air: `compat:${Date.now()}@1`,
      category: 'checkpoint',
      architecture: 'sdxl',
      format: 'safetensors',
      name: 'Compat check',
      version: '1',
      downloadURL: 'https://example.com/model.safetensors',
      uniqueIdentifier: `compat-${Date.now()}`,
    });
    isArray(statuses, 'modelUpload() result');
    ok(statuses.length > 0, 'no status items');
    const last: ModelUploadResult = statuses[statuses.length - 1];
    isString(last.status, 'last status');
  }),

  check(`${row} › content: every ContentClient method`, async (env) => {
    const client = await restClient(env);
    const content: ContentClient = client.content;
    const models = await content.listModels({ category: 'image' });
    isArray(models, 'listModels()');
    ok(models.length > 0, 'listModels() is empty');
    const model = await content.getModel('bfl-flux-2-dev');
    ok(model, 'getModel() found nothing');
    isArray(await content.getModelExamples('bfl-flux-2-dev'), 'getModelExamples()');
    ok((await content.getModelPricing('bfl-flux-2-dev')) !== undefined, 'getModelPricing()');
    isArray(await content.getModelGuides('bfl-flux-2-dev'), 'getModelGuides()');
    const collections = await content.listCollections();
    isArray(collections, 'listCollections()');
    const firstCollection = collections[0];
    if (firstCollection) ok(await content.getCollection(firstCollection.id), 'getCollection()');
    isArray(await content.listCapabilities(), 'listCapabilities()');
    isArray(await content.listCreators(), 'listCreators()');
    ok(await content.getCreator('google'), 'getCreator("google")');
    const page = await content.listModels({ paginate: true, limit: 5, offset: 0 });
    isArray(page.items, 'listModels({ paginate: true }).items');
    equal(typeof page.total, 'number', 'typeof page.total');
  }),
];
