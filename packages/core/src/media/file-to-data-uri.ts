import type { FileAccess } from '../config/config-types';
import { createRunwareError } from '../errors/create-runware-error';
import type { RunwareError } from '../errors/runware-error';
import { bytesToBase64 } from './base64';
import { isArrayBuffer, isBlob, isUint8Array } from './binary-input';
import { sniffMimeType } from './sniff-mime';

/** Raw code of media input errors; it classifies as `validation`. */
export const invalidMediaCode = 'invalidMedia';

/** A `type/subtype` token pair (RFC 9110), the only part of a Blob's type kept in the URI. */
const mimeEssence = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

export function toDataURI(bytes: Uint8Array, mimeType = sniffMimeType(bytes)): string {
  return `data:${mimeType};base64,${bytesToBase64(bytes)}`;
}

export function mediaError(parameter: string, message: string, cause?: unknown): RunwareError {
  return createRunwareError(invalidMediaCode, message, { parameter, cause });
}

/** A path for a message: quoted, and cut short so a long string cannot flood the error. */
export function quotePath(path: string): string {
  return JSON.stringify(path.length > 200 ? `${path.slice(0, 197)}...` : path);
}

/** Bytes, an ArrayBuffer or a Blob as a data URI; a Blob's own type wins over sniffing. */
export async function binaryToDataURI(
  value: Uint8Array | ArrayBuffer | Blob,
  parameter: string,
): Promise<string> {
  if (isUint8Array(value)) return toDataURI(value);
  if (isArrayBuffer(value)) return toDataURI(new Uint8Array(value));
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await value.arrayBuffer());
  } catch (error) {
    throw mediaError(parameter, `Could not read the Blob given for "${parameter}": ${reason(error)}`, error);
  }
  const essence = value.type.split(';')[0]?.trim().toLowerCase() ?? '';
  return toDataURI(bytes, mimeEssence.test(essence) ? essence : undefined);
}

/** Reads a local file through `files` and encodes it; any failure names the parameter. */
export async function pathToDataURI(path: string, files: FileAccess, parameter: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await files.readFile(path);
  } catch (error) {
    throw mediaError(
      parameter,
      `Could not read the local file ${quotePath(path)} given for "${parameter}": ${reason(error)}`,
      error,
    );
  }
  return toDataURI(bytes);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Encodes a local file (a path, which needs `files`: Node only) or in-memory bytes (Uint8Array,
 * Node Buffer, ArrayBuffer, Blob/File) as a `data:<mime>;base64,…` URI for a media input. A data
 * URI comes back unchanged.
 */
export async function fileToDataURI(
  input: string | Uint8Array | ArrayBuffer | Blob,
  files?: FileAccess,
): Promise<string> {
  const parameter = 'input';
  if (typeof input !== 'string') {
    if (isUint8Array(input) || isArrayBuffer(input) || isBlob(input))
      return binaryToDataURI(input, parameter);
    throw mediaError(parameter, 'fileToDataURI takes a file path, a Uint8Array, an ArrayBuffer or a Blob.');
  }
  if (input.startsWith('data:')) return input;
  if (/^https?:\/\//i.test(input)) {
    throw mediaError(
      parameter,
      'fileToDataURI takes a local file, not a URL; pass URLs to the API as they are.',
    );
  }
  if (files === undefined) {
    throw mediaError(
      parameter,
      `Reading the file ${quotePath(input)} needs file access (dependencies.files, Node only); pass its bytes or a Blob instead.`,
    );
  }
  if (!(await isFileSafely(files, input))) {
    throw mediaError(parameter, `${quotePath(input)} is not a readable file.`);
  }
  return pathToDataURI(input, files, parameter);
}

/** `isFile` is injected code: a throw means "not a file" rather than a failed request. */
export async function isFileSafely(files: FileAccess, path: string): Promise<boolean> {
  try {
    return (await files.isFile(path)) === true;
  } catch {
    return false;
  }
}
