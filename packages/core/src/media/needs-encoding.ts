import type { FileAccess } from '../config/config-types';
import { isBinaryInput } from './binary-input';

/**
 * Whether task params hold anything the media encoder would change: bytes or a Blob anywhere, or
 * (with `files`, which only Node gives) any string that may name a local file. Most tasks hold
 * neither, so the encoder and its MIME sniffing stay unloaded. Cycles and odd shapes answer true:
 * the encoder then treats them exactly as before.
 */
export function needsEncoding(params: Record<string, unknown>, files: FileAccess | undefined): boolean {
  if (files) return true;
  const seen = new Set<object>();
  const visit = (value: unknown): boolean => {
    if (typeof value !== 'object' || value === null) return false;
    if (seen.has(value) || isBinaryInput(value)) return true;
    seen.add(value);
    for (const key in value) if (visit((value as Record<string, unknown>)[key])) return true;
    seen.delete(value);
    return false;
  };
  return visit(params);
}
