function reflectedTable(poly: number): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (poly ^ (c >>> 1)) >>> 0 : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

function msbTable(poly: number, width: number): Uint32Array {
  const table = new Uint32Array(256);
  const top = 2 ** (width - 1);
  const modulus = 2 ** width;
  for (let n = 0; n < 256; n++) {
    let c = n * 2 ** (width - 8);
    for (let k = 0; k < 8; k++) {
      const carry = c >= top;
      c = (c * 2) % modulus;
      if (carry) c = (c ^ poly) >>> 0;
    }
    table[n] = c;
  }
  return table;
}

const CRC32 = reflectedTable(0xedb88320);
const OGG = msbTable(0x04c11db7, 32);
const CRC8 = msbTable(0x07, 8);
const CRC16 = msbTable(0x8005, 16);

/** CRC-32 as used by PNG and zlib. */
export function crc32(data: Uint8Array, start = 0, end = data.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = (CRC32[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Ogg's page checksum: CRC-32, polynomial 0x04C11DB7, unreflected, no init or final xor. */
export function oggCrc(data: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < data.length; i++) {
    c = ((c << 8) ^ (OGG[((c >>> 24) ^ (data[i] ?? 0)) & 0xff] ?? 0)) >>> 0;
  }
  return c;
}

/** FLAC frame header CRC-8 (polynomial x^8 + x^2 + x + 1). */
export function crc8(data: Uint8Array, start = 0, end = data.length): number {
  let c = 0;
  for (let i = start; i < end; i++) c = CRC8[c ^ (data[i] ?? 0)] ?? 0;
  return c;
}

/** FLAC frame footer CRC-16 (polynomial x^16 + x^15 + x^2 + 1). */
export function crc16(data: Uint8Array, start = 0, end = data.length): number {
  let c = 0;
  for (let i = start; i < end; i++)
    c = ((c << 8) ^ (CRC16[((c >>> 8) ^ (data[i] ?? 0)) & 0xff] ?? 0)) & 0xffff;
  return c;
}
