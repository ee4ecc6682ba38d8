import type { FileAccess } from '../config/config-types';
import { isBinaryInput } from './binary-input';
import { binaryToDataURI, isFileSafely, pathToDataURI } from './file-to-data-uri';
import { childContext, type MediaContext, mayHoldPath, rootContext } from './media-keys';

/** Longer strings are base64 payloads, not paths (the official SDK's limit). */
const maxPathLength = 4096;

interface Walk {
  readonly files: FileAccess | undefined;
  /**
   * Containers on the path to the current value; a cycle is left as it is rather than recursed
   * forever. One list per path, not a shared set: siblings are encoded concurrently, and an object
   * two siblings share is not a cycle.
   */
  readonly ancestors: readonly object[];
}

/**
 * Returns a copy of task params where media given as bytes, Blobs or (with `files`) local file
 * paths become data URIs. Bytes and Blobs are encoded wherever they are; a string is read as a file
 * only under `inputs` or a media-named key, when it is not a URL or data URI and `files.isFile`
 * confirms it, since UUIDs and raw base64 are valid media values too. The input is never mutated.
 */
export async function encodeMediaInputs(
  params: Record<string, unknown>,
  files?: FileAccess,
): Promise<Record<string, unknown>> {
  const walk: Walk = { files, ancestors: [] };
  return (await encodeObject(params, walk, [], rootContext)) as Record<string, unknown>;
}

async function encodeValue(
  value: unknown,
  walk: Walk,
  path: readonly string[],
  context: MediaContext,
  key: string | undefined,
): Promise<unknown> {
  if (typeof value === 'string') return encodeString(value, walk, path, context, key);
  if (typeof value !== 'object' || value === null) return value;
  if (isBinaryInput(value)) return binaryToDataURI(value, path.join('.'));
  if (walk.ancestors.includes(value)) return value;
  if (Array.isArray(value)) {
    const inner: Walk = { files: walk.files, ancestors: [...walk.ancestors, value] };
    return Promise.all(
      value.map((item, index) => encodeValue(item, inner, [...path, String(index)], context, key)),
    );
  }
  if (!isPlainObject(value)) return value;
  return encodeObject(value, walk, path, context);
}

async function encodeObject(
  value: Record<string, unknown>,
  walk: Walk,
  path: readonly string[],
  context: MediaContext,
): Promise<Record<string, unknown>> {
  const inner: Walk = { files: walk.files, ancestors: [...walk.ancestors, value] };
  const entries = await Promise.all(
    Object.keys(value).map(async (name) => {
      const encoded = await encodeValue(
        value[name],
        inner,
        [...path, name],
        childContext(context, name),
        name,
      );
      return [name, encoded] as const;
    }),
  );
  const out: Record<string, unknown> = {};
  // defineProperty, so a `__proto__` key stays a key instead of replacing the prototype.
  for (const [name, encoded] of entries) {
    Object.defineProperty(out, name, {
      value: encoded,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

async function encodeString(
  value: string,
  walk: Walk,
  path: readonly string[],
  context: MediaContext,
  key: string | undefined,
): Promise<string> {
  const { files } = walk;
  if (files === undefined || !mayHoldPath(context, key) || !looksLikePath(value)) return value;
  if (!(await isFileSafely(files, value))) return value;
  return pathToDataURI(value, files, path.join('.'));
}

function looksLikePath(value: string): boolean {
  return value.length > 0 && value.length <= maxPathLength && !/^(https?:\/\/|data:)/i.test(value);
}

function isPlainObject(value: object): value is Record<string, unknown> {
  // Object.prototype of any realm (a vm context, an iframe) has a null prototype itself.
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}
