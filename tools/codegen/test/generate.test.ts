import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type GeneratedFiles, generate } from '../src/generate';
import { compileWithProbe } from './compile-probe';
import { fixture } from './fixture';

// Each `@ts-expect-error` must meet an error, so every line below is an assertion the compiler checks.
const probe = `
import type {
  ApiError, DeliveryMethod, ImageInferenceResult, ImageMaskingParams, ImageMaskingResult, MaskingResult, ModelAIR,
  ModelId, ModelResultMap, ModelSlug, ModelSlugMap, OutputFormat, RunParams, SchemaKey, SchemaMap, TaskType, TaskTypeMap, ThreeDInferenceResult,
  ToyArchParams, UpscaleResult, UtilityMap, UtilityName,
} from './index';
import { models, snapshotVersion, architectureTaskTypes, taskTypeSchemaKeys } from './index';
import { requestSchemas, utilityRequestSchemas } from './request-schemas';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
function assertType<T extends true>(): T | void {}

const ok: ToyArchParams = {
  model: 'm', positivePrompt: 'p', width: 1, height: 2, steps: 30, scheduler: 'Euler a', hiresFix: true,
  mask: [1, 2], lora: [{ model: 'x', weight: 1 }], refiner: { nested: { deep: true } }, openBag: { known: 'k', n: 1 },
  guideImage: new Uint8Array(1), nickname: null, somethingTheSchemaAllows: 1,
};
const objectFix: ToyArchParams = { ...ok, hiresFix: { model: 'u', upscaleFactor: 4 }, mask: 'data:…' };
// required
// @ts-expect-error width is required
const e1: ToyArchParams = { model: 'm', positivePrompt: 'p', height: 2 };
// enum
// @ts-expect-error not in the enum
const e2: ToyArchParams = { ...ok, scheduler: 'Heun' };
// const in anyOf
// @ts-expect-error only the constant true
const e3: ToyArchParams = { ...ok, hiresFix: false };
// @ts-expect-error upscaleFactor is the constant 4
const e4: ToyArchParams = { ...ok, hiresFix: { model: 'u', upscaleFactor: 2 } };
// oneOf
// @ts-expect-error neither a string nor a number array
const e5: ToyArchParams = { ...ok, mask: [true] };
// arrays of objects
// @ts-expect-error items need a model
const e6: ToyArchParams = { ...ok, lora: [{ weight: 1 }] };
// nested, closed objects
// @ts-expect-error closed object
const e7: ToyArchParams = { ...ok, refiner: { startStep: 1, extra: 1 } };
// @ts-expect-error nested required
const e8: ToyArchParams = { ...ok, refiner: { nested: {} } };
// additionalProperties as a schema
// @ts-expect-error extra keys of openBag are numbers (or a declared property's type), never booleans
const e9: ToyArchParams = { ...ok, openBag: { other: true } };
// wrong primitive
// @ts-expect-error width is a number
const e10: ToyArchParams = { ...ok, width: '1024' };
// @ts-expect-error nickname is string | null
const e11: ToyArchParams = { ...ok, nickname: 3 };

assertType<Equal<SchemaKey, 'toy-arch' | 'image' | '3d' | 'masking' | 'upscale' | 'upscale-image'>>();
assertType<Equal<SchemaMap['toy-arch']['params'], ToyArchParams>>();
assertType<Equal<UtilityName, 'getResponse'>>();
assertType<Equal<UtilityMap['getResponse']['result']['status'], 'processing' | 'success' | 'error'>>();
assertType<Equal<TaskType, '3dInference' | 'getResponse' | 'imageInference' | 'imageMasking' | 'upscale'>>();
assertType<Equal<TaskTypeMap['imageMasking']['result'], MaskingResult>>();
assertType<Equal<ImageMaskingResult, MaskingResult>>();
assertType<Equal<ImageMaskingParams, SchemaMap['masking']['params']>>();
assertType<Equal<ModelAIR, 'runware:1@1' | 'acme:mesh@2.0-pro' | 'runware:mask@1' | 'runware:up@1'>>();
assertType<Equal<ModelResultMap['runware:1@1'], ImageInferenceResult>>();
assertType<Equal<ModelResultMap['acme:mesh@2.0-pro'], ThreeDInferenceResult>>();
assertType<Equal<ModelResultMap['runware:up@1'], UpscaleResult>>();
assertType<Equal<ModelSlug, 'toy-one' | 'acme-mesh-2-0-pro' | 'toy-mask' | 'toy-up'>>();
assertType<Equal<ModelSlugMap['acme-mesh-2-0-pro'], 'acme:mesh@2.0-pro'>>();
assertType<Equal<ModelId, ModelAIR | ModelSlug>>();
assertType<Equal<(typeof models)['runware:1@1']['id'], string>>();
assertType<Equal<ImageInferenceResult['taskType'], 'imageInference'>>();
assertType<Equal<DeliveryMethod, 'async' | 'sync'>>();
assertType<Equal<OutputFormat, 'GLB' | 'JPG' | 'PNG'>>();
assertType<Equal<ApiError['code'], string>>();
assertType<Equal<typeof snapshotVersion, 'fixture-1'>>();
assertType<Equal<(typeof architectureTaskTypes)['toy-arch'], 'imageInference'>>();
assertType<Equal<(typeof taskTypeSchemaKeys)['upscale'], 'upscale'>>();
const loose: RunParams = { model: 'civitai:1@1', taskType: 'upscale', whatever: [1] };
// @ts-expect-error taskType must be known
const e12: RunParams = { model: 'm', taskType: 'nope' };
// @ts-expect-error curated AIRs only
const e13: ModelAIR = 'runware:2@1';
export const used = [ok, objectFix, loose, models, requestSchemas, utilityRequestSchemas,
  e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12, e13];
`;

describe('generate (fixture snapshot)', () => {
  let files: GeneratedFiles;
  let dir: string;
  let errors: string[];

  beforeAll(async () => {
    files = await generate(fixture());
    ({ dir, errors } = await compileWithProbe(files, probe));
  });

  it('emits the same file set every time, each with a do-not-edit header', () => {
    expect([...files.keys()].sort()).toEqual([
      'api-error.ts',
      'architectures.ts',
      'index.ts',
      'json-schema.ts',
      'modalities.ts',
      'models.ts',
      'operations.ts',
      'request-schemas.ts',
      'run-params.ts',
      'schema-map.ts',
      'tables.ts',
      'task-types.ts',
      'utilities.ts',
    ]);
    for (const [name, text] of files) {
      expect(
        text.startsWith('// @generated by @runware/codegen from Runware API snapshot fixture-1.\n'),
        name,
      ).toBe(true);
      expect(text, name).toContain('Do not edit');
    }
  });

  it('is deterministic', async () => {
    expect(await generate(fixture())).toEqual(files);
  });

  it('compiles under strict settings, and every typed constraint holds (enum, const, anyOf/oneOf, nested, arrays, required, additionalProperties)', () => {
    expect(errors).toEqual([]);
  });

  it('emits runtime tables with the snapshot values', async () => {
    const tables = await import(join(dir, 'tables.ts'));
    const { models } = await import(join(dir, 'models.ts'));
    expect(tables.snapshotVersion).toBe('fixture-1');
    expect(tables.architectureTaskTypes).toEqual({ 'toy-arch': 'imageInference' });
    expect(tables.modalityTaskTypes).toEqual({ '3d': '3dInference', image: 'imageInference' });
    expect(tables.operationTaskTypes).toEqual({
      masking: 'imageMasking',
      upscale: 'upscale',
      'upscale-image': 'upscale',
    });
    expect(models['acme:mesh@2.0-pro']).toEqual({
      taskType: '3dInference',
      id: 'acme-mesh-2-0-pro',
      slug: 'acme-mesh-2-0-pro',
    });
    expect(Object.keys(models)).toHaveLength(4);
  });

  it('emits the request schemas unchanged, and keeps them out of the main barrel', async () => {
    const { requestSchemas, utilityRequestSchemas } = await import(join(dir, 'request-schemas.ts'));
    const snapshot = fixture();
    expect(requestSchemas['toy-arch']).toEqual(snapshot.architectures['toy-arch']?.requestSchema);
    expect(requestSchemas['upscale-image']).toEqual(snapshot.operations['upscale-image']?.requestSchema);
    expect(utilityRequestSchemas.getResponse).toEqual(snapshot.utilities.getResponse?.requestSchema);
    expect(files.get('index.ts')).not.toContain('request-schemas');
  });

  it('documents the most used parameters without touching the emitted schemas', () => {
    const architectures = files.get('architectures.ts') ?? '';
    expect(architectures).toMatch(
      /\/\*\*\n\s+\* The prompt: a description of what to generate\.\n\s+\*\/\n\s+positivePrompt: string;/,
    );
    expect(architectures).toMatch(/Output width in pixels[\s\S]*?\*\/\n\s+width: number;/);
    expect(files.get('run-params.ts')).toContain('/** The model to run:');
    expect(files.get('request-schemas.ts')).not.toContain('description');
  });
});

describe('widenIndexSignatures', () => {
  it('unions a typed additionalProperties with the declared properties, at any depth, without mutating', async () => {
    const { widenIndexSignatures } = await import('../src/compile-schema');
    const input = {
      type: 'object' as const,
      properties: {
        bag: {
          type: 'object' as const,
          properties: { known: { type: 'string' as const } },
          additionalProperties: { type: 'number' as const },
        },
        open: { type: 'object' as const, additionalProperties: {} },
      },
      additionalProperties: false,
    };
    const before = structuredClone(input);
    const out = widenIndexSignatures(input);
    expect(input).toEqual(before);
    expect(out.properties?.bag?.additionalProperties).toEqual({
      anyOf: [{ type: 'number' }, { type: 'string' }, { tsType: 'undefined' }],
    });
    expect(out.properties?.open).toEqual({ type: 'object', additionalProperties: {} });
    expect(out.additionalProperties).toBe(false);
  });
});
