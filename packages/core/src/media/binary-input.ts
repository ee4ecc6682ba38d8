/** In-memory media the SDK can encode: bytes (Node Buffers are Uint8Arrays), an ArrayBuffer or a Blob/File. */
export type BinaryInput = Uint8Array | ArrayBuffer | Blob;

const tag = (value: unknown) => Object.prototype.toString.call(value);

// Tags rather than instanceof: bytes from another realm (a worker, a vm context) are still bytes.
export function isUint8Array(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array || tag(value) === '[object Uint8Array]';
}

export function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return value instanceof ArrayBuffer || tag(value) === '[object ArrayBuffer]';
}

export function isBlob(value: unknown): value is Blob {
  if (typeof Blob !== 'undefined' && value instanceof Blob) return true;
  const candidate = value as { arrayBuffer?: unknown; size?: unknown; type?: unknown } | null;
  return (
    (tag(value) === '[object Blob]' || tag(value) === '[object File]') &&
    typeof candidate?.arrayBuffer === 'function' &&
    typeof candidate.size === 'number' &&
    typeof candidate.type === 'string'
  );
}

export function isBinaryInput(value: unknown): value is BinaryInput {
  return isUint8Array(value) || isArrayBuffer(value) || isBlob(value);
}
