import { createHash } from 'node:crypto';
import { BitWriter } from './bit-writer';
import { ByteWriter, concatBytes } from './byte-writer';
import { crc8, crc16 } from './checksums';

/**
 * FLAC, mono 16-bit, fixed 4096-sample blocks. Each subframe uses the order-2 fixed
 * predictor with a single Rice partition whose parameter is chosen by exact cost, so a tone
 * compresses to roughly half its PCM size; STREAMINFO carries the real MD5 of the samples.
 */

const BLOCK_SIZE = 4096;

/** FLAC's UTF-8-style coding of the frame number. */
function writeCodedNumber(out: ByteWriter, value: number): void {
  if (value < 0x80) {
    out.u8(value);
    return;
  }
  let extra = 1;
  while (value >= 2 ** (6 + 5 * extra)) extra++;
  out.u8(((0xff00 >> (extra + 1)) & 0xff) | Math.floor(value / 2 ** (6 * extra)));
  for (let i = extra - 1; i >= 0; i--) out.u8(0x80 | (Math.floor(value / 2 ** (6 * i)) & 0x3f));
}

function bestRiceParameter(residuals: Int32Array): number {
  let best = 0;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let k = 0; k <= 14; k++) {
    let cost = residuals.length * (k + 1);
    for (const r of residuals) cost += ((r << 1) ^ (r >> 31)) >>> k;
    if (cost < bestCost) {
      bestCost = cost;
      best = k;
    }
  }
  return best;
}

function writeSubframe(bits: BitWriter, block: Int16Array): void {
  if (block.length <= 2) {
    bits.writeBits(0b00000010, 8); // zero pad, VERBATIM, no wasted bits
    for (const s of block) bits.writeBits(s & 0xffff, 16);
    return;
  }
  bits.writeBits(0b00010100, 8); // zero pad, FIXED order 2, no wasted bits
  bits.writeBits((block[0] ?? 0) & 0xffff, 16);
  bits.writeBits((block[1] ?? 0) & 0xffff, 16);
  const residuals = new Int32Array(block.length - 2);
  for (let i = 2; i < block.length; i++) {
    residuals[i - 2] = (block[i] ?? 0) - 2 * (block[i - 1] ?? 0) + (block[i - 2] ?? 0);
  }
  const k = bestRiceParameter(residuals);
  bits.writeBits(0, 2); // Rice coding, 4-bit parameters
  bits.writeBits(0, 4); // partition order 0
  bits.writeBits(k, 4);
  for (const r of residuals) {
    const u = ((r << 1) ^ (r >> 31)) >>> 0;
    bits.writeUnary(u >>> k);
    bits.writeBits(u & ((1 << k) - 1), k);
  }
}

/** One complete frame (header, subframe, CRC-16). */
export function encodeFlacFrame(block: Int16Array, frameNumber: number): Uint8Array {
  const header = new ByteWriter(16);
  header.u8(0xff).u8(0xf8); // sync, fixed block size
  header.u8(0x70); // block size: 16-bit value at end of header; sample rate: from STREAMINFO
  header.u8(0x08); // mono, 16 bits per sample
  writeCodedNumber(header, frameNumber);
  header.u16be(block.length - 1);
  const headerBytes = header.toBytes();
  const bits = new BitWriter();
  for (const b of headerBytes) bits.writeBits(b, 8);
  bits.writeBits(crc8(headerBytes), 8);
  writeSubframe(bits, block);
  const body = bits.finish();
  const crc = crc16(body);
  return concatBytes([body, new Uint8Array([crc >>> 8, crc & 0xff])]);
}

/** The 34-byte STREAMINFO block body. */
export function streamInfo(
  samples: Int16Array,
  sampleRate: number,
  frames: readonly Uint8Array[],
): Uint8Array {
  let minFrame = Number.POSITIVE_INFINITY;
  let maxFrame = 0;
  for (const f of frames) {
    minFrame = Math.min(minFrame, f.length);
    maxFrame = Math.max(maxFrame, f.length);
  }
  const bits = new BitWriter();
  bits.writeBits(BLOCK_SIZE, 16);
  bits.writeBits(BLOCK_SIZE, 16);
  bits.writeBits(Number.isFinite(minFrame) ? minFrame : 0, 24);
  bits.writeBits(maxFrame, 24);
  bits.writeBits(sampleRate, 20);
  bits.writeBits(0, 3); // channels - 1
  bits.writeBits(15, 5); // bits per sample - 1
  bits.writeBits(Math.floor(samples.length / 2 ** 32), 4);
  bits.writeBits(samples.length >>> 0, 32);
  const pcm = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength); // little-endian on every Node target
  const md5 = createHash('md5').update(pcm).digest();
  for (const b of md5) bits.writeBits(b, 8);
  return bits.finish();
}

export function flacFrames(samples: Int16Array): Uint8Array[] {
  const frames: Uint8Array[] = [];
  for (let start = 0, n = 0; start < samples.length; start += BLOCK_SIZE, n++) {
    frames.push(encodeFlacFrame(samples.subarray(start, start + BLOCK_SIZE), n));
  }
  return frames;
}

export function encodeFlac(samples: Int16Array, sampleRate: number): Uint8Array {
  const frames = flacFrames(samples);
  const info = streamInfo(samples, sampleRate, frames);
  const out = new ByteWriter(64);
  out.ascii('fLaC');
  out.u8(0x80); // last metadata block, type 0 (STREAMINFO)
  out.u24be(info.length);
  out.bytes(info);
  return concatBytes([out.toBytes(), ...frames]);
}
