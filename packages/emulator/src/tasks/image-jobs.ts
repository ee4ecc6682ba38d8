import { type ImageFormat, renderImage, renderSvg } from '../media/index';
import { costOf } from './cost';
import { finishItem, type JobInput, type JobPlan, perResult } from './job-types';
import { mediaFields, outputTypeOf, resultUuid } from './output-fields';

function imageFormat(task: Record<string, unknown>, fallback: ImageFormat = 'JPG'): ImageFormat {
  const format = task.outputFormat;
  return format === 'PNG' || format === 'WEBP' || format === 'JPG' ? format : fallback;
}

function dimension(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4096
    ? value
    : fallback;
}

function promptOf(task: Record<string, unknown>): string {
  return typeof task.positivePrompt === 'string' ? task.positivePrompt : String(task.model ?? '');
}

/** imageInference: one image per result, of the requested size and format. */
export function imageInferenceJob(input: JobInput): JobPlan {
  const { ctx, task } = input;
  const width = dimension(task.width, 1024);
  const height = dimension(task.height, 1024);
  const format = imageFormat(task);
  return perResult(input, ({ seed, uuid }) => {
    const render = () => renderImage({ width, height, format, seed, prompt: promptOf(task) });
    const fields = mediaFields(ctx, 'image', uuid, format, render, outputTypeOf(task), { width, height });
    return finishItem(input, { ...fields, seed, NSFWContent: false }, costOf('imageInference', task));
  });
}

/**
 * Image-to-image operations: upscale (image inputs), removeBackground, vectorize,
 * controlNetPreprocess and imageMasking. The output keeps the input's size when it is known.
 */
export function imageOperationJob(input: JobInput): JobPlan {
  const { ctx, task, taskType, taskUUID } = input;
  const factor = typeof task.upscaleFactor === 'number' && taskType === 'upscale' ? task.upscaleFactor : 1;
  const width = Math.min(4096, Math.round((input.input?.width ?? 512) * factor));
  const height = Math.min(4096, Math.round((input.input?.height ?? 512) * factor));
  const outputType = outputTypeOf(task);
  const inputImageUUID = input.input?.uuid ?? resultUuid(taskUUID, 0, ':input');
  return perResult(input, ({ seed, uuid }) => {
    const prompt = `${taskType}:${String(task.model)}`;
    const cost = costOf(taskType, task);
    if (taskType === 'vectorize') {
      const fields = mediaFields(
        ctx,
        'image',
        uuid,
        'SVG',
        () => renderSvg({ width, height, seed, prompt }),
        outputType,
        { width, height },
      );
      return finishItem(input, fields, cost);
    }
    const format = imageFormat(task, taskType === 'removeBackground' ? 'PNG' : 'JPG');
    const alpha = taskType === 'removeBackground' && format !== 'JPG';
    const render = () => renderImage({ width, height, format, seed, prompt, alpha });
    if (taskType === 'controlNetPreprocess') {
      const fields = mediaFields(ctx, 'guideImage', uuid, format, render, outputType, { width, height });
      return finishItem(input, { ...fields, inputImageUUID }, cost);
    }
    if (taskType === 'imageMasking') {
      const fields = mediaFields(ctx, 'maskImage', uuid, format, render, outputType, { width, height });
      const detections = [
        {
          x_min: Math.round(width * 0.2),
          y_min: Math.round(height * 0.15),
          x_max: Math.round(width * 0.8),
          y_max: Math.round(height * 0.9),
        },
      ];
      return finishItem(input, { ...fields, detections, inputImageUUID }, cost);
    }
    return finishItem(
      input,
      mediaFields(ctx, 'image', uuid, format, render, outputType, { width, height }),
      cost,
    );
  });
}
