const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const codes = Uint8Array.from(alphabet, (char) => char.charCodeAt(0));
const pad = '='.charCodeAt(0);

/** Characters turned into a string per `String.fromCharCode` call; far below engines' argument limits. */
const chunkSize = 0x8000;

/**
 * Standard base64 (with padding) without Buffer or btoa, so it runs on every runtime: the output is
 * written as ASCII codes into one array, then turned into a string in chunks.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const length = bytes.length;
  const out = new Uint8Array(Math.ceil(length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < length; i += 3) {
    const triple = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o++] = codes[triple >>> 18] ?? pad;
    out[o++] = codes[(triple >>> 12) & 63] ?? pad;
    out[o++] = codes[(triple >>> 6) & 63] ?? pad;
    out[o++] = codes[triple & 63] ?? pad;
  }
  const rest = length - i;
  if (rest > 0) {
    const first = bytes[i] ?? 0;
    const second = rest === 2 ? (bytes[i + 1] ?? 0) : 0;
    const pair = (first << 16) | (second << 8);
    out[o++] = codes[pair >>> 18] ?? pad;
    out[o++] = codes[(pair >>> 12) & 63] ?? pad;
    out[o++] = rest === 2 ? (codes[(pair >>> 6) & 63] ?? pad) : pad;
    out[o++] = pad;
  }
  let text = '';
  for (let start = 0; start < out.length; start += chunkSize) {
    text += String.fromCharCode(...out.subarray(start, start + chunkSize));
  }
  return text;
}
