import { fileToDataURI as encode } from '@runware/core';

/**
 * Encodes a local file (a path, on Node), a Buffer/Uint8Array/ArrayBuffer, or a Blob/File as a
 * `data:` URI to pass as a media input.
 */
export async function fileToDataURI(input: string | Uint8Array | ArrayBuffer | Blob): Promise<string> {
  // Only a path needs the Node file access, so the module is imported for paths only: a page's
  // first script never carries it.
  const files =
    typeof input === 'string' ? await (await import('./node-runtime')).nodeFileAccess() : undefined;
  return encode(input, files);
}
