import type { EmulatorContext } from '../context';
import { contentTypeOf, extensionOf, type MediaFormat } from '../media/index';
import { fnv1a, mulberry32, seededUuid } from '../rng';
import type { StoredFormat } from '../state/media-store';

export type OutputType = 'URL' | 'base64Data' | 'dataURI';

export function outputTypeOf(task: Record<string, unknown>): OutputType {
  const value = task.outputType;
  return value === 'base64Data' || value === 'dataURI' ? value : 'URL';
}

/** A reproducible UUID for result `index` of a task (the same taskUUID gives the same media ids). */
export function resultUuid(taskUUID: string, index: number, salt = ''): string {
  return seededUuid(mulberry32(fnv1a(`${taskUUID}#${index}${salt}`)));
}

/**
 * The seed of result `index`: the request's seed plus the index (so N results differ but each is
 * reproducible), or one derived from the emulator seed and the taskUUID.
 */
export function resultSeed(
  ctx: EmulatorContext,
  task: Record<string, unknown>,
  taskUUID: string,
  index: number,
): number {
  if (typeof task.seed === 'number' && Number.isFinite(task.seed)) return Math.trunc(task.seed) + index;
  return fnv1a(`${ctx.options.seed}:${taskUUID}:${index}`) % 2147483647;
}

export function storedExtension(format: StoredFormat): string {
  return format === 'SAFETENSORS' ? 'safetensors' : extensionOf(format);
}

export function storedContentType(format: StoredFormat): string {
  return format === 'SAFETENSORS' ? 'application/octet-stream' : contentTypeOf(format);
}

export function mediaUrl(ctx: EmulatorContext, uuid: string, format: StoredFormat): string {
  return `${ctx.baseUrl()}/media/${uuid}.${storedExtension(format)}`;
}

/**
 * Registers generated media and returns the fields of a result item for it, chosen by outputType:
 * `<prefix>UUID` always, then `<prefix>URL`, `<prefix>Base64Data` or `<prefix>DataURI`.
 */
export function mediaFields(
  ctx: EmulatorContext,
  prefix: string,
  uuid: string,
  format: MediaFormat,
  render: () => Uint8Array,
  outputType: OutputType,
  size?: { width: number; height: number },
): Record<string, unknown> {
  const entry = ctx.media.putGenerated(uuid, format, render, size);
  const fields: Record<string, unknown> = { [`${prefix}UUID`]: uuid };
  if (outputType === 'URL') {
    fields[`${prefix}URL`] = mediaUrl(ctx, uuid, format);
    return fields;
  }
  const base64 = Buffer.from(ctx.media.bytesOf(entry)).toString('base64');
  if (outputType === 'base64Data') fields[`${prefix}Base64Data`] = base64;
  else fields[`${prefix}DataURI`] = `data:${contentTypeOf(format)};base64,${base64}`;
  return fields;
}
