/**
 * FNV-1a (32-bit) of the params' JSON: stored beside each taskUUID so a resumed batch notices when
 * the task at an index is not the one it gave that taskUUID to (the input file was edited).
 */
export function fingerprintOf(params: unknown): number {
  const text = JSON.stringify(params) ?? '';
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
