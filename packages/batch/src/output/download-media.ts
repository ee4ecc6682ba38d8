import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Extensions by content type; anything else is saved as `.bin` (never a name the server chose). */
const extensions: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/flac': 'flac',
  'audio/ogg': 'ogg',
  'model/gltf-binary': 'glb',
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The media URLs of a result item: its `…URL` fields holding http(s) URLs, in a stable order. */
export function mediaUrlsOf(item: Record<string, unknown>): string[] {
  return Object.keys(item)
    .filter((key) => key.endsWith('URL'))
    .sort()
    .map((key) => item[key])
    .filter((value): value is string => typeof value === 'string' && /^https?:\/\//i.test(value));
}

/**
 * A file name from the input line, the batch's own taskUUID and the position only. Throws when the
 * name would resolve outside `dir` (it cannot, from these parts; the check keeps it that way).
 */
export function mediaPath(
  dir: string,
  line: number,
  taskUUID: string,
  position: number,
  extension: string,
): string {
  if (!Number.isInteger(line) || line < 0) throw new Error(`bad line number ${line}`);
  if (!uuidPattern.test(taskUUID)) throw new Error('bad taskUUID for a file name');
  if (!/^[a-z0-9]{1,5}$/.test(extension)) throw new Error('bad extension');
  const root = resolve(dir);
  const path = resolve(root, `line-${String(line).padStart(6, '0')}-${taskUUID}-${position}.${extension}`);
  const rel = relative(root, path);
  if (rel.startsWith('..') || rel.includes(sep))
    throw new Error('refusing to write outside the download folder');
  return path;
}

/**
 * Saves each media URL of a task's items into `dir` (written to a temporary name, then renamed, so
 * a crash leaves no half file under a final name). Returns the saved paths, relative to `dir`.
 */
export async function downloadMedia(
  dir: string,
  line: number,
  taskUUID: string,
  items: readonly Record<string, unknown>[],
  signal?: AbortSignal,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const saved: string[] = [];
  let position = 0;
  for (const item of items) {
    for (const url of mediaUrlsOf(item)) {
      const response = await fetch(url, { signal, redirect: 'follow' });
      if (!response.ok || !response.body) throw new Error(`download failed: HTTP ${response.status}`);
      const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      const path = mediaPath(dir, line, taskUUID, position, extensions[type] ?? 'bin');
      const temporary = join(resolve(dir), `.partial-${randomUUID()}`);
      try {
        await pipeline(Readable.fromWeb(response.body as never), createWriteStream(temporary));
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      saved.push(relative(resolve(dir), path));
      position += 1;
    }
  }
  return saved;
}
