import { type AudioFormat, renderAudio, sampleBytes, type VideoFormat } from '../media/index';
import { costOf } from './cost';
import { finishItem, type JobInput, type JobPlan, perResult } from './job-types';
import { mediaFields, outputTypeOf } from './output-fields';

function videoFormat(task: Record<string, unknown>): VideoFormat {
  return task.outputFormat === 'WEBM' || task.outputFormat === 'MOV' ? task.outputFormat : 'MP4';
}

function audioFormat(task: Record<string, unknown>): AudioFormat {
  const format = task.outputFormat;
  return format === 'WAV' || format === 'FLAC' || format === 'OGG' ? format : 'MP3';
}

function seconds(value: unknown, fallback: number): number {
  return typeof value === 'number' && value > 0 && value <= 60 ? value : fallback;
}

function evenDimension(value: unknown, fallback: number): number {
  const n =
    typeof value === 'number' && Number.isInteger(value) && value >= 16 && value <= 1920 ? value : fallback;
  return n - (n % 2);
}

/**
 * videoInference, and upscale/removeBackground of a video input. Video is URL-only in the API
 * (outputType is const URL), so the fields are always `videoUUID` + `videoURL`. The file is the
 * fixed sample of the format; the size recorded for the media (what a later upscale of it starts
 * from) is the requested one.
 */
export function videoJob(input: JobInput): JobPlan {
  const { ctx, task, taskType } = input;
  const factor = taskType === 'upscale' && typeof task.upscaleFactor === 'number' ? task.upscaleFactor : 1;
  const width = evenDimension(task.width ?? (input.input?.width ?? 0) * factor, 640);
  const height = evenDimension(task.height ?? (input.input?.height ?? 0) * factor, 360);
  const format = videoFormat(task);
  return perResult(input, ({ seed, uuid }) => {
    const fields = mediaFields(ctx, 'video', uuid, format, () => sampleBytes(format), 'URL', {
      width,
      height,
    });
    const extra = taskType === 'videoInference' ? { seed, NSFWContent: false } : {};
    return finishItem(input, { ...fields, ...extra }, costOf(taskType, task));
  });
}

/**
 * audioInference: an audio file of the requested format, URL/base64/dataURI by outputType: WAV
 * of the requested duration, or the fixed MP3/FLAC/OGG sample.
 */
export function audioJob(input: JobInput): JobPlan {
  const { ctx, task } = input;
  const format = audioFormat(task);
  const durationMs = seconds(task.duration, 2) * 1000;
  const settings = (task.audioSettings ?? {}) as Record<string, unknown>;
  const sampleRate = typeof settings.sampleRate === 'number' ? settings.sampleRate : undefined;
  return perResult(input, ({ seed, uuid }) => {
    const render = () => renderAudio({ format, durationMs, seed, ...(sampleRate ? { sampleRate } : {}) });
    const fields = mediaFields(ctx, 'audio', uuid, format, render, outputTypeOf(task));
    return finishItem(input, { ...fields, seed }, costOf('audioInference', task));
  });
}
