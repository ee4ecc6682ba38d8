import { utf8Size } from '../dispatch/serialize-tasks';

/** A message's size in bytes, exact up to `limit` (larger ones report more than `limit`). */
export function messageSize(data: unknown, limit: number): number {
  if (typeof data === 'string') return Number.isFinite(limit) ? utf8Size(data, limit) : data.length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  if (Array.isArray(data))
    return data.reduce((sum: number, part: { byteLength?: number }) => sum + (part.byteLength ?? 0), 0);
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.size;
  return 0;
}

/** Decodes an inbound message to text; binary messages are decoded as UTF-8. */
export function messageText(data: unknown): string | undefined {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  if (ArrayBuffer.isView(data)) return new TextDecoder().decode(data);
  if (Array.isArray(data) && data.every((part) => ArrayBuffer.isView(part))) {
    const decoder = new TextDecoder();
    return (
      data.map((part: ArrayBufferView) => decoder.decode(part, { stream: true })).join('') + decoder.decode()
    );
  }
  return undefined;
}
