import { describe, expectTypeOf, it } from 'vitest';
import type {
  ImageInferenceResult,
  ModelAIR,
  ModelSlug,
  ResultItem,
  RunOptions,
  RunParams,
  RunwareClient,
  SchemaMap,
  TextInferenceResult,
  UpscaleResult,
  VideoInferenceResult,
} from '../src/index';

declare const client: RunwareClient;
declare function pick<const T extends string[]>(...values: T): T[number];

/** The string literals of a type (what an editor completes); drops `string` and `string & {}`. */
type Literals<T> = T extends string ? (string extends T ? never : T) : never;

/** Params and result of each of run()'s three overloads, in declaration order. */
type Overloads<F> = F extends {
  (...args: infer A1): infer R1;
  (...args: infer A2): infer R2;
  (...args: infer A3): infer R3;
}
  ? [[A1, R1], [A2, R2], [A3, R3]]
  : never;
type RunOverloads = Overloads<RunwareClient['run']>;

describe('run({ model }): curated AIRs and slugs', () => {
  it('offers every curated AIR and slug as a `model` literal, and still takes any string', () => {
    // Mutual assignability (cheap on 700 literals, unlike toEqualTypeOf's deep comparison).
    expectTypeOf<Literals<RunParams['model']>>().toMatchTypeOf<ModelAIR | ModelSlug>();
    expectTypeOf<ModelAIR | ModelSlug>().toMatchTypeOf<Literals<RunParams['model']>>();
    expectTypeOf<'runware:400@1'>().toMatchTypeOf<ModelAIR>();
    expectTypeOf<'bfl-flux-2-dev'>().toMatchTypeOf<ModelSlug>();
    expectTypeOf<string>().toMatchTypeOf<RunParams['model']>();
  });

  it('types the results of a slug like those of its AIR', async () => {
    expectTypeOf(await client.run({ model: 'bfl-flux-2-dev', positivePrompt: 'x' })).toEqualTypeOf<
      ImageInferenceResult[]
    >();
    expectTypeOf(await client.run({ model: 'google-veo-3-1-fast', positivePrompt: 'x' })).toEqualTypeOf<
      VideoInferenceResult[]
    >();
    expectTypeOf(await client.run({ model: 'real-esrgan', inputs: { image: 'u' } })).toEqualTypeOf<
      UpscaleResult[]
    >();
    const byAir = await client.run({ model: 'runware:400@1', positivePrompt: 'x' });
    const bySlug = await client.run({ model: 'bfl-flux-2-dev', positivePrompt: 'x' });
    expectTypeOf(bySlug).toEqualTypeOf(byAir);
  });

  it('types a model chosen among curated ones by the union of their results', async () => {
    const model = pick('runware:400@1', 'google-veo-3-1-fast');
    expectTypeOf(await client.run({ model, positivePrompt: 'x' })).toEqualTypeOf<
      (ImageInferenceResult | VideoInferenceResult)[]
    >();
  });

  it('keeps loose items for a model string or RunParams not known at compile time', async () => {
    const model: string = 'civitai:1@1';
    expectTypeOf(await client.run({ model, positivePrompt: 'x' })).toEqualTypeOf<ResultItem[]>();
    const params: RunParams = { model: 'runware:400@1' };
    expectTypeOf(await client.run(params)).toEqualTypeOf<ResultItem[]>();
  });
});

describe('overload order (what an editor offers first)', () => {
  it('declares the single-task signature first, then the array, then the untyped fallback', () => {
    expectTypeOf<RunOverloads[0][0][0]>().not.toMatchTypeOf<readonly unknown[]>();
    expectTypeOf<RunOverloads[1][0][0]>().toEqualTypeOf<readonly RunParams[]>();
    expectTypeOf<RunOverloads[1][1]>().toEqualTypeOf<Promise<ResultItem[][]>>();
    expectTypeOf<RunOverloads[2][1]>().toEqualTypeOf<Promise<ResultItem[]>>();
  });

  it('run<Key>() takes the schema params (the first overload, not the array one)', async () => {
    const params: SchemaMap['sdxl']['params'] = {
      model: 'civitai:133005@782002',
      positivePrompt: 'x',
      width: 1024,
      height: 1024,
    };
    expectTypeOf(await client.run<'sdxl'>(params)).toEqualTypeOf<SchemaMap['sdxl']['result'][]>();
    // @ts-expect-error an array is not sdxl params
    await client.run<'sdxl'>([params]);
  });
});

describe('untyped fallback (the official SDK accepts any Record<string, unknown>)', () => {
  it('accepts params built in a variable, with taskType widened to string', async () => {
    const someString: string = 'civitai:1@1';
    const p = { model: someString, taskType: 'imageInference' as string, positivePrompt: 'x' };
    const items = await client.run(p);
    expectTypeOf(items).toEqualTypeOf<ResultItem[]>();
    expectTypeOf(items).toMatchTypeOf<Record<string, unknown>[]>();
  });

  it('accepts a Record<string, unknown>, and a utility task given by taskType', async () => {
    const params: Record<string, unknown> = { model: 'civitai:1@1', taskType: 'imageInference' };
    expectTypeOf(await client.run(params)).toEqualTypeOf<ResultItem[]>();
    expectTypeOf(await client.run({ taskType: 'modelSearch', search: 'x' })).toEqualTypeOf<ResultItem[]>();
  });

  it('still refuses an object literal without model or taskType', async () => {
    // @ts-expect-error model (or taskType) is required
    await client.run({ positivePrompt: 'x' });
  });
});

describe('onResult', () => {
  it('receives the model’s result type for a curated model (AIR or slug), with its state', async () => {
    await client.run(
      { model: 'runware:400@1', positivePrompt: 'x' },
      {
        onResult: (item) => {
          expectTypeOf(item).toMatchTypeOf<ImageInferenceResult>();
          expectTypeOf(item.imageUUID).toEqualTypeOf<string>();
          expectTypeOf(item.status).toEqualTypeOf<'success' | 'error' | undefined>();
          expectTypeOf(item.error).toEqualTypeOf<{ code?: string; message?: string } | undefined>();
        },
      },
    );
    await client.run(
      { model: 'google:gemma@4-31b', messages: [] },
      { onResult: (item) => expectTypeOf(item).toMatchTypeOf<TextInferenceResult>() },
    );
    await client.run(
      { model: 'google-veo-3-1-fast', positivePrompt: 'x' },
      { onResult: (item) => expectTypeOf(item).toMatchTypeOf<VideoInferenceResult>() },
    );
    // A callback written for the result type itself fits.
    const onImage = (item: ImageInferenceResult) => item.imageURL;
    await client.run({ model: 'bfl-flux-2-dev', positivePrompt: 'x' }, { onResult: onImage });
  });

  it('receives the schema’s result type with a schema generic, ResultItem otherwise (never unknown)', async () => {
    await client.run<'sdxl'>(
      { model: 'm', positivePrompt: 'x', width: 1, height: 1 },
      { onResult: (item) => expectTypeOf(item).toMatchTypeOf<SchemaMap['sdxl']['result']>() },
    );
    await client.run(
      { model: 'civitai:1@1', taskType: 'imageInference' },
      {
        onResult: (item) => {
          expectTypeOf(item).toMatchTypeOf<ResultItem>();
          expectTypeOf(item).not.toBeAny();
          expectTypeOf(item.taskUUID).toEqualTypeOf<string>();
        },
      },
    );
    await client.run([{ model: 'civitai:1@1' }], {
      onResult: (item) => expectTypeOf(item).toMatchTypeOf<ResultItem>(),
    });
    const reported: ResultItem[] = [];
    const params: RunParams = { model: 'civitai:1@1' };
    await client.run(params, { onResult: (item) => void reported.push(item) });
    const options: RunOptions = { onResult: (item) => expectTypeOf(item).toMatchTypeOf<ResultItem>() };
    expectTypeOf(options.onProgress).parameter(0).toEqualTypeOf<ResultItem>();
  });

  it('refuses a callback expecting another model’s result', async () => {
    // @ts-expect-error an image model's items are not text results
    await client.run(
      { model: 'runware:400@1', positivePrompt: 'x' },
      { onResult: (item: TextInferenceResult) => item.text },
    );
  });
});
