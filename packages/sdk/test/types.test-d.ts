import { describe, expectTypeOf, it } from 'vitest';
import type {
  ImageInferenceResult,
  ResultItem,
  RunwareClient,
  SchemaMap,
  TextInferenceResult,
  VideoInferenceResult,
} from '../src/index';

declare const client: RunwareClient;

describe('run() typing', () => {
  it('infers the result type from a curated AIR literal', async () => {
    expectTypeOf(await client.run({ model: 'runware:400@1', positivePrompt: 'x' })).toEqualTypeOf<
      ImageInferenceResult[]
    >();
    expectTypeOf(await client.run({ model: 'google:3@3', positivePrompt: 'x' })).toEqualTypeOf<
      VideoInferenceResult[]
    >();
    expectTypeOf(await client.run({ model: 'google:gemma@4-31b', messages: [] })).toEqualTypeOf<
      TextInferenceResult[]
    >();
  });

  it('types params and results from a schema generic', async () => {
    const images = await client.run<'sdxl'>({
      model: 'civitai:133005@782002',
      positivePrompt: 'x',
      width: 1024,
      height: 1024,
      scheduler: 'Euler a',
    });
    expectTypeOf(images).toEqualTypeOf<SchemaMap['sdxl']['result'][]>();
    // @ts-expect-error sdxl needs width and height
    await client.run<'sdxl'>({ model: 'civitai:133005@782002', positivePrompt: 'x' });
    // @ts-expect-error not an sdxl scheduler
    await client.run<'sdxl'>({ model: 'm', positivePrompt: 'x', width: 1, height: 1, scheduler: 'Nope' });
    const upscaled = await client.run<'upscale-image'>({
      model: 'runware:504@1',
      inputs: { image: 'https://example.com/a.jpg' },
    });
    expectTypeOf(upscaled).toEqualTypeOf<SchemaMap['upscale-image']['result'][]>();
  });

  it('falls back to loose items for anything else', async () => {
    expectTypeOf(await client.run({ model: 'civitai:1@1', taskType: 'imageInference' })).toEqualTypeOf<
      ResultItem[]
    >();
    // @ts-expect-error model (or taskType) is required
    await client.run({ positivePrompt: 'x' });
  });

  it('types utilities from UtilityMap', async () => {
    const [search] = await client.modelSearch({ search: 'sdxl' });
    expectTypeOf(search?.totalResults).toEqualTypeOf<number | undefined>();
    // @ts-expect-error search is required
    await client.modelSearch({ limit: 1 });
  });
});
