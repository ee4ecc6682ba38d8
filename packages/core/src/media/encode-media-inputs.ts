import type { FileAccess } from '../config/config-types';
import { createRunwareError } from '../errors/create-runware-error';
import type { RunwareError } from '../errors/runware-error';
import { isBinaryInput } from './binary-input';
import { binaryToDataURI, isFileSafely, mediaError, pathToDataURI, quotePath } from './file-to-data-uri';
import { childContext, type MediaContext, mayHoldPath, rootContext } from './media-keys';

/** Longer strings are base64 payloads, not paths (the official SDK's limit). */
const maxPathLength = 4096;

/**
 * Deepest nesting of params walked. Real tasks nest a few levels; far deeper ones would overflow
 * the stack here (the walk recurses) and again in JSON.stringify, so they fail as a RunwareError.
 */
export const maxParamsDepth = 256;

/** Where a value sits, as a chain of names: only joined into a dotted name for an encoding or an error. */
type Path = { readonly parent: Path; readonly name: string } | undefined;

const dotted = (path: Path): string =>
  path === undefined ? '' : path.parent === undefined ? path.name : `${dotted(path.parent)}.${path.name}`;

/**
 * Returns a copy of task params where media given as bytes, Blobs or (with `files`) local file
 * paths become data URIs. Bytes and Blobs are encoded wherever they are; a string is read as a file
 * only under `inputs` or a media-named key, when it is not a URL or data URI and `files.isFile`
 * confirms it, since UUIDs and raw base64 are valid media values too. The input is never mutated.
 *
 * Most params hold nothing to encode (a prompt, a model, sizes): the walk stays synchronous until
 * a value needs encoding, so those cost one plain copy, with no promise per value.
 */
export async function encodeMediaInputs(
  params: Record<string, unknown>,
  files?: FileAccess,
): Promise<Record<string, unknown>> {
  return encodeObject(params, files, [], undefined, rootContext);
}

/**
 * The encoded copy of `value`, or a promise of it when something in it needs encoding. Containers
 * on the path to `value` are `ancestors`: a cycle is left as it is rather than recursed forever
 * (one list per path, not a shared set: an object two siblings share is not a cycle).
 */
function encodeValue(
  value: unknown,
  files: FileAccess | undefined,
  ancestors: readonly object[],
  path: Path,
  context: MediaContext,
  key: string | undefined,
): unknown {
  if (typeof value === 'string') {
    if (files === undefined || !mayHoldPath(context, key) || !looksLikePath(value)) return value;
    return encodePath(value, files, path);
  }
  if (typeof value !== 'object' || value === null) return value;
  if (isBinaryInput(value)) return binaryToDataURI(value, dotted(path));
  if (ancestors.includes(value)) return value;
  if (ancestors.length >= maxParamsDepth) throw tooDeep(path);
  if (Array.isArray(value)) {
    const inner = [...ancestors, value];
    // Array.from, not map: a hole becomes undefined, as in the walk's answer.
    const items = Array.from(value, (item: unknown, index) =>
      encodeValue(item, files, inner, { parent: path, name: String(index) }, context, key),
    );
    return items.some(isPromise) ? Promise.all(items) : items;
  }
  if (!isPlainObject(value)) return value;
  return encodeObject(value, files, ancestors, path, context);
}

function encodeObject(
  value: Record<string, unknown>,
  files: FileAccess | undefined,
  ancestors: readonly object[],
  path: Path,
  context: MediaContext,
): Record<string, unknown> | Promise<Record<string, unknown>> {
  const inner = [...ancestors, value];
  const names = Object.keys(value);
  const encoded = names.map((name) =>
    encodeValue(value[name], files, inner, { parent: path, name }, childContext(context, name), name),
  );
  const build = (values: readonly unknown[]) => {
    const out: Record<string, unknown> = {};
    names.forEach((name, index) => {
      // defineProperty for `__proto__`, so it stays a key instead of replacing the prototype.
      if (name === '__proto__')
        Object.defineProperty(out, name, {
          value: values[index],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else out[name] = values[index];
    });
    return out;
  };
  return encoded.some(isPromise) ? Promise.all(encoded).then(build) : build(encoded);
}

async function encodePath(value: string, files: FileAccess, path: Path): Promise<string> {
  if (await isFileSafely(files, value)) return pathToDataURI(value, files, dotted(path));
  // A string that can only be a path names a file that is not there (a typo, a wrong working
  // directory): sending it on would fail later, far from the cause, or be billed as a bad input.
  if (isPathLike(value)) {
    const parameter = dotted(path);
    throw mediaError(
      parameter,
      `The local file ${quotePath(value)} given for "${parameter}" was not found (or is not a regular file). Pass an existing file, a URL, a data URI, base64 or a media UUID.`,
    );
  }
  return value;
}

/** Prefixes only paths have: `/`, `./`, `../`, `~/` (or `\`), a drive (`C:\`, `C:/`), a UNC `\\`. */
const pathPrefix = /^(\/|\.{1,2}[\\/]|~[\\/]|[A-Za-z]:[\\/]|\\\\)/;

/** A name ending in a media (or model) file extension: `photo.jpg`, `clips/a.mp4`. */
const fileExtension =
  /\.(png|jpe?g|jfif|webp|gif|bmp|tiff?|heic|heif|avif|svg|ico|mp4|mov|webm|mkv|avi|m4v|mpe?g|mp3|wav|flac|ogg|oga|m4a|aac|opus|glb|gltf|obj|fbx|stl|ply|usdz|safetensors|ckpt|pt|pth|bin|zip)$/i;

/** Raw base64 (a JPEG's starts with `/9j/`): no path separators but `/`, no dot, padded to 4. */
const base64Like = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Whether a string can only mean a local file. UUIDs, AIR ids and raw base64 can name no file
 * path, so they are not; a path-shaped string that is valid base64 is taken for base64.
 */
export function isPathLike(value: string): boolean {
  if (/[\r\n]/.test(value) || (base64Like.test(value) && value.length % 4 === 0)) return false;
  return pathPrefix.test(value) || fileExtension.test(value);
}

function tooDeep(path: Path): RunwareError {
  let outer = path;
  while (outer?.parent !== undefined) outer = outer.parent;
  const parameter = outer?.name ?? '';
  return createRunwareError(
    'valueTooLarge',
    `"${parameter}" is nested more than ${maxParamsDepth} levels deep; task params cannot be sent that deep.`,
    { parameter },
  );
}

const isPromise = (value: unknown): value is Promise<unknown> => value instanceof Promise;

function looksLikePath(value: string): boolean {
  return value.length > 0 && value.length <= maxPathLength && !/^(https?:\/\/|data:)/i.test(value);
}

function isPlainObject(value: object): value is Record<string, unknown> {
  // Object.prototype of any realm (a vm context, an iframe) has a null prototype itself.
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}
