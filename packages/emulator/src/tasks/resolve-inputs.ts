import { type ApiErrorItem, apiError } from '../api-error';
import type { EmulatorContext } from '../context';
import { sniffMedia } from '../media/index';
import { isUuid } from '../rng';

/** What the emulator knows of a task's main input (the image or video it processes). */
export interface InputMedia {
  uuid?: string;
  kind: 'image' | 'audio' | 'video' | 'model' | 'unknown';
  width?: number;
  height?: number;
}

/** Keys whose string values name media: the `inputs` object and the classic top-level image fields. */
const mediaKeys =
  /^(image|video|audio|media|seedImage|maskImage|guideImage|referenceImages?|inputImage|images|frameImages?)$/;

function decodeInline(value: string): Uint8Array | undefined {
  const dataUri = /^data:[^;,]+;base64,(.*)$/s.exec(value);
  const base64 = dataUri ? dataUri[1] : value;
  if (!base64 || base64.length < 16 || !/^[A-Za-z0-9+/=\s]+$/.test(base64)) return undefined;
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/**
 * Checks every media reference of a task: a UUID must name stored or generated media (else
 * `mediaNotFound`), a data URI or raw base64 is sniffed for its format, a URL is taken on trust
 * (there is no network) unless it points at this emulator's own `/media/`.
 */
export function resolveInputs(
  ctx: EmulatorContext,
  task: Record<string, unknown>,
  taskUUID: string,
): { primary?: InputMedia } | ApiErrorItem {
  let primary: InputMedia | undefined;
  const ownMedia = `${ctx.baseUrl()}/media/`;

  const visit = (value: unknown, path: string, depth: number): ApiErrorItem | undefined => {
    if (depth > 4) return undefined;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const problem = visit(value[i], `${path}.${i}`, depth + 1);
        if (problem) return problem;
      }
      return undefined;
    }
    if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        const problem = visit(inner, `${path}.${key}`, depth + 1);
        if (problem) return problem;
      }
      return undefined;
    }
    if (typeof value !== 'string') return undefined;
    let found: InputMedia | undefined;
    const ownUuid = value.startsWith(ownMedia) ? value.slice(ownMedia.length).split('.')[0] : undefined;
    const uuid = isUuid(value) ? value : ownUuid;
    if (uuid !== undefined) {
      const entry = ctx.media.get(uuid);
      if (!entry) {
        return apiError('mediaNotFound', `No media with UUID '${uuid}' (parameter '${path}').`, {
          parameter: path,
          taskType: task.taskType as string,
          taskUUID,
        });
      }
      const kind = sniffMedia(ctx.media.bytesOf(entry)).kind;
      found = {
        uuid,
        kind,
        ...(entry.width ? { width: entry.width } : {}),
        ...(entry.height ? { height: entry.height } : {}),
      };
    } else if (/^https?:\/\//i.test(value)) {
      found = { kind: /\.(mp4|webm|mov)(\?|$)/i.test(value) ? 'video' : 'image' };
    } else {
      const bytes = decodeInline(value);
      const sniffed = bytes ? sniffMedia(bytes) : undefined;
      if (sniffed && sniffed.kind !== 'unknown') {
        found = {
          kind: sniffed.kind,
          ...(sniffed.width ? { width: sniffed.width } : {}),
          ...(sniffed.height ? { height: sniffed.height } : {}),
        };
      }
    }
    if (found && !primary) primary = found;
    return undefined;
  };

  for (const [key, value] of Object.entries(task)) {
    if (key !== 'inputs' && !mediaKeys.test(key)) continue;
    const problem = visit(value, key, 0);
    if (problem) return problem;
  }
  return primary ? { primary } : {};
}
