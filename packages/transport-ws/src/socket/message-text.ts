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
