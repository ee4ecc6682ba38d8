import { describe, expectTypeOf, it } from 'vitest';
import type {
  AccountManagementResult,
  GetResponseResult,
  GetTaskDetailsResult,
  ImageUploadResult,
  MediaStorageResult,
  ModelSearchResult,
  ModelUploadResult,
  RunwareClient,
} from '../src/index';

declare const client: RunwareClient;

describe('utilities resolve arrays of result items, like run()', () => {
  it('types each utility’s items', async () => {
    expectTypeOf(await client.modelSearch({ search: 'sdxl' })).toEqualTypeOf<ModelSearchResult[]>();
    expectTypeOf(await client.imageUpload({ image: 'https://example.com/a.jpg' })).toEqualTypeOf<
      ImageUploadResult[]
    >();
    expectTypeOf(
      await client.mediaStorage({ operation: 'upload', media: 'https://example.com/a.jpg' }),
    ).toEqualTypeOf<MediaStorageResult[]>();
    expectTypeOf(await client.accountManagement({ operation: 'getDetails' })).toEqualTypeOf<
      AccountManagementResult[]
    >();
    expectTypeOf(await client.getTaskDetails({ taskUUID: 'u' })).toEqualTypeOf<GetTaskDetailsResult[]>();
    expectTypeOf(await client.getResponse({ taskUUID: 'u' })).toEqualTypeOf<GetResponseResult[]>();
    expectTypeOf(client.modelUpload).returns.resolves.toEqualTypeOf<ModelUploadResult[]>();
  });

  it('reads like the official SDK’s examples', async () => {
    const [response] = await client.modelSearch({ search: 'flux' });
    expectTypeOf(response?.results).toMatchTypeOf<{ air: string }[] | undefined>();
    const uploaded = await client.mediaStorage({ operation: 'upload', media: 'data:image/png;base64,AA' });
    expectTypeOf(uploaded[0]?.mediaUUID).toEqualTypeOf<string | undefined>();
  });

  it('types onResult per utility, and checks params', async () => {
    await client.modelSearch(
      { search: 'x' },
      { onResult: (item) => expectTypeOf(item).toMatchTypeOf<ModelSearchResult>() },
    );
    // @ts-expect-error search is required
    await client.modelSearch({ limit: 1 });
    // @ts-expect-error taskUUID is required
    await client.getResponse({});
    // @ts-expect-error not a mediaStorage operation
    await client.mediaStorage({ operation: 'list', media: 'x' });
  });
});

describe('connection state', () => {
  it('has isConnected(): boolean', () => {
    expectTypeOf(client.isConnected).toEqualTypeOf<() => boolean>();
  });
});
