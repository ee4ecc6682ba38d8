import { randomUUID } from 'node:crypto';
import type { MediaFormat } from '../media/index';

/** What the store holds: the media formats, plus trained weights (served as octet-stream). */
export type StoredFormat = MediaFormat | 'SAFETENSORS';

export interface MediaEntry {
  uuid: string;
  format: StoredFormat;
  width?: number;
  height?: number;
  /** Generated media are kept as a recipe and rendered on first use. */
  render?: () => Uint8Array;
  bytes?: Uint8Array;
  /** Uploads live until deleted; generated media expire with the results. */
  uploaded: boolean;
  createdAt: number;
}

export interface MediaStore {
  putGenerated(
    uuid: string,
    format: StoredFormat,
    render: () => Uint8Array,
    size?: { width: number; height: number },
  ): MediaEntry;
  putUpload(
    bytes: Uint8Array,
    format: MediaFormat,
    size?: { width?: number | undefined; height?: number | undefined },
  ): MediaEntry;
  get(uuid: string): MediaEntry | undefined;
  bytesOf(entry: MediaEntry): Uint8Array;
  delete(uuid: string): boolean;
  sweep(now: number): void;
  clear(): void;
}

/** Rendered bytes kept in memory at most; older renders are dropped and re-rendered on demand. */
const renderCacheBytes = 64 * 1024 * 1024;
/** Uploaded bytes kept at most; past it the oldest uploads go first, so memory stays bounded. */
const uploadCapBytes = 256 * 1024 * 1024;

export function createMediaStore(resultTtlMs: number): MediaStore {
  const entries = new Map<string, MediaEntry>();
  // Map order is insertion order: re-inserting on use makes it an LRU of rendered entries.
  const rendered = new Map<string, number>();
  let renderedBytes = 0;
  let uploadedBytes = 0;

  const remove = (uuid: string): boolean => {
    const entry = entries.get(uuid);
    if (!entry) return false;
    const size = rendered.get(uuid);
    if (size !== undefined) {
      rendered.delete(uuid);
      renderedBytes -= size;
    }
    if (entry.uploaded) uploadedBytes -= entry.bytes?.byteLength ?? 0;
    return entries.delete(uuid);
  };

  const evict = () => {
    for (const [uuid, size] of rendered) {
      if (renderedBytes <= renderCacheBytes) break;
      const entry = entries.get(uuid);
      if (entry?.render) delete entry.bytes;
      rendered.delete(uuid);
      renderedBytes -= size;
    }
  };

  return {
    putGenerated(uuid, format, render, size) {
      const entry: MediaEntry = { uuid, format, render, uploaded: false, createdAt: Date.now(), ...size };
      entries.set(uuid, entry);
      return entry;
    },
    putUpload(bytes, format, size) {
      const entry: MediaEntry = { uuid: randomUUID(), format, bytes, uploaded: true, createdAt: Date.now() };
      if (size?.width !== undefined) entry.width = size.width;
      if (size?.height !== undefined) entry.height = size.height;
      entries.set(entry.uuid, entry);
      uploadedBytes += bytes.byteLength;
      for (const [uuid, other] of entries) {
        if (uploadedBytes <= uploadCapBytes) break;
        if (other.uploaded && uuid !== entry.uuid) remove(uuid);
      }
      return entry;
    },
    get: (uuid) => entries.get(uuid),
    bytesOf(entry) {
      if (entry.bytes) {
        if (rendered.has(entry.uuid)) {
          const size = rendered.get(entry.uuid) ?? 0;
          rendered.delete(entry.uuid);
          rendered.set(entry.uuid, size);
        }
        return entry.bytes;
      }
      const bytes = entry.render ? entry.render() : new Uint8Array();
      entry.bytes = bytes;
      rendered.set(entry.uuid, bytes.byteLength);
      renderedBytes += bytes.byteLength;
      evict();
      return bytes;
    },
    delete: remove,
    sweep(now) {
      for (const [uuid, entry] of entries) {
        if (!entry.uploaded && now - entry.createdAt > resultTtlMs) remove(uuid);
      }
    },
    clear() {
      entries.clear();
      rendered.clear();
      renderedBytes = 0;
      uploadedBytes = 0;
    },
  };
}
