import { describe, expectTypeOf, it } from 'vitest';
import type snapshot from '../schemas/api-snapshot.json';
import type {
  ApiError,
  ArchitectureKey,
  DeliveryMethod,
  ImageInferenceResult,
  ImageMaskingResult,
  ModelAIR,
  ModelId,
  ModelResultMap,
  ModelSlug,
  ModelSlugMap,
  OperationKey,
  RunParams,
  SchemaKey,
  SchemaMap,
  TaskType,
  TaskTypeMap,
  TextInferenceResult,
  UpscaleImageParams,
  UtilityMap,
  UtilityName,
  VideoInferenceResult,
} from '../src/index';

type SdxlParams = SchemaMap['sdxl']['params'];
const sdxl: SdxlParams = {
  model: 'civitai:133005@782002',
  positivePrompt: 'a lighthouse',
  width: 1024,
  height: 1024,
};

describe('SchemaMap', () => {
  it('requires positivePrompt, width and height for sdxl', () => {
    expectTypeOf<SdxlParams>().toHaveProperty('positivePrompt').toEqualTypeOf<string>();
    expectTypeOf<Pick<SdxlParams, 'positivePrompt' | 'width' | 'height' | 'model'>>().toEqualTypeOf<{
      positivePrompt: string;
      width: number;
      height: number;
      model: string;
    }>();
    // @ts-expect-error width is required
    const noWidth: SdxlParams = { model: 'm', positivePrompt: 'p', height: 1024 };
    // @ts-expect-error positivePrompt is required
    const noPrompt: SdxlParams = { model: 'm', width: 1024, height: 1024 };
    expectTypeOf(noWidth).toEqualTypeOf<SdxlParams>();
    expectTypeOf(noPrompt).toEqualTypeOf<SdxlParams>();
  });

  it('rejects a scheduler outside the enum and accepts one inside it', () => {
    const good: SdxlParams = { ...sdxl, scheduler: 'DPM++ 2M Karras' };
    // @ts-expect-error not a scheduler the API knows
    const bad: SdxlParams = { ...sdxl, scheduler: 'DPM++ 2M Karass' };
    expectTypeOf(good.scheduler).toEqualTypeOf<SdxlParams['scheduler']>();
    expectTypeOf(bad).toEqualTypeOf<SdxlParams>();
  });

  it('types nested objects, arrays, consts and unions', () => {
    const withExtras: SdxlParams = {
      ...sdxl,
      lora: [{ model: 'civitai:1@1', weight: 0.8 }],
      hiresFix: true,
      refiner: { model: 'runware:101055@128080' },
    };
    // @ts-expect-error hiresFix is `true` or an object, never `false`
    const badConst: SdxlParams = { ...sdxl, hiresFix: false };
    // @ts-expect-error lora items require a model
    const badLora: SdxlParams = { ...sdxl, lora: [{ weight: 1 }] };
    // @ts-expect-error nested objects are closed (additionalProperties: false)
    const badNested: SdxlParams = { ...sdxl, lora: [{ model: 'x', strength: 1 }] };
    expectTypeOf([withExtras, badConst, badLora, badNested]).toEqualTypeOf<SdxlParams[]>();
  });

  it('types the result of every key and lists architectures, modalities and operations', () => {
    // The output URL is typed as present (as the official SDK types it): outputType URL is the default.
    expectTypeOf<SchemaMap['sdxl']['result']>().toHaveProperty('imageURL').toEqualTypeOf<string>();
    expectTypeOf<SchemaMap['upscale-image']['params']>().toEqualTypeOf<UpscaleImageParams>();
    expectTypeOf<'sdxl' | 'image' | 'video' | '3d' | 'upscale-image' | 'masking'>().toExtend<SchemaKey>();
    expectTypeOf<ArchitectureKey>().toExtend<SchemaKey>();
    expectTypeOf<OperationKey>().toExtend<SchemaKey>();
    expectTypeOf<keyof typeof snapshot.architectures>().toEqualTypeOf<ArchitectureKey>();
    expectTypeOf<
      | keyof typeof snapshot.architectures
      | keyof typeof snapshot.modalities
      | keyof typeof snapshot.operations
    >().toEqualTypeOf<SchemaKey>();
    // @ts-expect-error not a schema key
    const notAKey: SchemaKey = 'sdxxl';
    expectTypeOf(notAKey).toEqualTypeOf<SchemaKey>();
  });
});

describe('ModelResultMap and ModelAIR', () => {
  it('gives each curated AIR its result type', () => {
    expectTypeOf<ModelResultMap['runware:400@1']>().toEqualTypeOf<ImageInferenceResult>();
    expectTypeOf<ModelResultMap['google:3@3']>().toEqualTypeOf<VideoInferenceResult>();
    expectTypeOf<ModelResultMap['google:gemma@4-31b']>().toEqualTypeOf<TextInferenceResult>();
    expectTypeOf<ImageInferenceResult>().toHaveProperty('imageUUID').toEqualTypeOf<string>();
    expectTypeOf<ImageMaskingResult>().toEqualTypeOf<SchemaMap['masking']['result']>();
  });

  it('contains exactly the 350 curated AIRs of the pinned snapshot', () => {
    expectTypeOf<keyof typeof snapshot.models>().toEqualTypeOf<ModelAIR>();
    const air: ModelAIR = 'runware:400@1';
    // @ts-expect-error not a curated model
    const notCurated: ModelAIR = 'runware:400@999';
    expectTypeOf([air, notCurated]).toEqualTypeOf<ModelAIR[]>();
  });
});

describe('ModelSlugMap, ModelSlug and ModelId', () => {
  it('maps each curated slug to its AIR', () => {
    expectTypeOf<ModelSlugMap['bfl-flux-2-dev']>().toEqualTypeOf<'runware:400@1'>();
    expectTypeOf<ModelSlugMap['google-veo-3-1-fast']>().toEqualTypeOf<'google:3@3'>();
    expectTypeOf<ModelSlugMap[ModelSlug]>().toMatchTypeOf<ModelAIR>();
    expectTypeOf<ModelId>().toMatchTypeOf<ModelAIR | ModelSlug>();
    expectTypeOf<ModelAIR | ModelSlug>().toMatchTypeOf<ModelId>();
    // @ts-expect-error not a curated slug
    const notASlug: ModelSlug = 'bfl-flux-2-devv';
    expectTypeOf(notASlug).toEqualTypeOf<ModelSlug>();
  });

  it('lets RunParams.model take any string while naming the curated ones', () => {
    expectTypeOf<string>().toMatchTypeOf<RunParams['model']>();
    expectTypeOf<ModelId>().toMatchTypeOf<RunParams['model']>();
  });
});

describe('UtilityMap, TaskTypeMap, RunParams', () => {
  it('types the utilities', () => {
    expectTypeOf<UtilityName>().toEqualTypeOf<keyof typeof snapshot.utilities>();
    expectTypeOf<UtilityMap['modelSearch']['params']>().toHaveProperty('search').toEqualTypeOf<string>();
    expectTypeOf<UtilityMap['getResponse']['result']['status']>().toEqualTypeOf<
      'processing' | 'success' | 'error'
    >();
  });

  it('maps every task type to its general params and result', () => {
    expectTypeOf<keyof TaskTypeMap>().toEqualTypeOf<TaskType>();
    expectTypeOf<TaskTypeMap['imageInference']['result']>().toEqualTypeOf<ImageInferenceResult>();
    expectTypeOf<'imageInference' | '3dInference' | 'upscale' | 'modelSearch'>().toExtend<TaskType>();
  });

  it('accepts any model with extra params, but types the fields the SDK reads', () => {
    const loose: RunParams = { model: 'civitai:1@1', taskType: 'imageInference', anything: { nested: true } };
    // @ts-expect-error model is required
    const noModel: RunParams = { positivePrompt: 'p' };
    // @ts-expect-error not a task type
    const badTaskType: RunParams = { model: 'm', taskType: 'imageInferense' };
    // @ts-expect-error not a delivery method
    const badDelivery: RunParams = { model: 'm', deliveryMethod: 'later' };
    expectTypeOf([loose, noModel, badTaskType, badDelivery]).toEqualTypeOf<RunParams[]>();
    expectTypeOf<DeliveryMethod>().toEqualTypeOf<'sync' | 'async' | 'stream'>();
  });

  it('types API errors', () => {
    expectTypeOf<ApiError>().toHaveProperty('code').toEqualTypeOf<string>();
    expectTypeOf<ApiError>().toHaveProperty('taskUUID').toEqualTypeOf<string | undefined>();
  });
});
