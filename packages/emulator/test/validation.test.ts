import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from '../src/testing/index';
import { emulatorOptions, post, uuid } from './support/emulator';

const emulator = useEmulator({ beforeAll, afterAll }, emulatorOptions());

// civitai:133005@782002 is a community SDXL model, validated against the sdxl architecture schema.
const sdxl = (extra: Record<string, unknown>) => ({
  taskType: 'imageInference',
  taskUUID: uuid(),
  model: 'civitai:133005@782002',
  positivePrompt: 'portrait',
  width: 1024,
  height: 1024,
  deliveryMethod: 'sync',
  ...extra,
});

async function firstError(task: Record<string, unknown>) {
  const { status, body } = await post(emulator, [task]);
  return { status, error: body.errors?.[0] ?? {} };
}

describe('server-side validation against the snapshot schemas', () => {
  it('names a missing required parameter', async () => {
    const task = sdxl({});
    delete (task as Record<string, unknown>).positivePrompt;
    const { status, error } = await firstError(task);
    expect(status).toBe(400);
    expect(error).toMatchObject({
      code: 'missingPositivePrompt',
      parameter: 'positivePrompt',
      taskType: 'imageInference',
      taskUUID: task.taskUUID,
    });
  });

  it('names a wrongly typed parameter', async () => {
    const { status, error } = await firstError(sdxl({ width: '1024' }));
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: 'invalidWidth', parameter: 'width' });
  });

  it('lists the allowed values of a bad enum', async () => {
    const { error } = await firstError(sdxl({ scheduler: 'Eulerr' }));
    expect(error).toMatchObject({ code: 'invalidScheduler', parameter: 'scheduler' });
    expect(error.allowedValues).toContain('Euler');
  });

  it('gives nested paths in dotted form', async () => {
    const { error } = await firstError(sdxl({ lora: [{ weight: 1 }] }));
    expect(error).toMatchObject({ code: 'missingModel', parameter: 'lora.0.model' });
  });

  it('rejects unknown models, slugs (the API speaks AIRs only) and a taskType the model does not run', async () => {
    expect((await firstError(sdxl({ model: 'civitai:1@1' }))).error).toMatchObject({
      code: 'modelNotFound',
      parameter: 'model',
    });
    expect((await firstError(sdxl({ model: 'bfl-flux-2-dev' }))).error.code).toBe('modelNotFound');
    const wrongType = await firstError({
      taskType: 'videoInference',
      taskUUID: uuid(),
      model: 'runware:400@1',
      deliveryMethod: 'async',
    });
    expect(wrongType.error).toMatchObject({
      code: 'invalidTaskType',
      parameter: 'taskType',
      allowedValues: ['imageInference'],
    });
  });

  it('rejects an unknown taskType and a delivery method the task does not support', async () => {
    expect((await firstError({ taskType: 'teleport', taskUUID: uuid() })).error).toMatchObject({
      code: 'unsupportedTaskType',
      parameter: 'taskType',
    });
    const video = await firstError({
      taskType: 'videoInference',
      taskUUID: uuid(),
      model: 'google:3@3',
      deliveryMethod: 'sync',
    });
    expect(video.error).toMatchObject({ code: 'invalidDeliveryMethod', parameter: 'deliveryMethod' });
  });

  it('rejects parameters a closed utility schema does not list', async () => {
    const { error } = await firstError({
      taskType: 'modelSearch',
      taskUUID: uuid(),
      search: 'sdxl',
      colour: 'blue',
    });
    expect(error).toMatchObject({ code: 'unknownParameter', parameter: 'colour', taskType: 'modelSearch' });
  });

  it('rejects a media UUID that names nothing', async () => {
    const missing = uuid();
    const { error } = await firstError({
      taskType: 'upscale',
      taskUUID: uuid(),
      model: 'runware:504@1',
      inputs: { image: missing },
      deliveryMethod: 'sync',
    });
    expect(error).toMatchObject({ code: 'mediaNotFound', parameter: 'inputs.image' });
  });
});
