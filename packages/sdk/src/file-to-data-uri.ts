import { fileToDataURI as encode } from '@runware/core';
import { nodeFileAccess } from './node-runtime';

/**
 * Encodes a local file (a path, on Node), a Buffer/Uint8Array/ArrayBuffer, or a Blob/File as a
 * `data:` URI to pass as a media input.
 */
export async function fileToDataURI(input: string | Uint8Array | ArrayBuffer | Blob): Promise<string> {
  return encode(input, typeof input === 'string' ? await nodeFileAccess() : undefined);
}
