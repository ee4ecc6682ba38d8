import { ByteWriter } from './byte-writer';

/**
 * MPEG-1 Layer III, mono, constant 32 kbit/s, whose frames carry no main data: every granule
 * has part2_3_length = 0, which decoders play as silence. The first frame is a LAME-style
 * "Info" frame (CBR Xing header) holding the frame and byte counts, so parsers read the exact
 * duration without scanning.
 */

const RATES = [44100, 48000, 32000] as const;
const BITRATE = 32000;
const BITRATE_INDEX = 1; // 32 kbit/s in the MPEG-1 Layer III table
const SAMPLES_PER_FRAME = 1152;
const SIDE_INFO_BYTES = 17; // MPEG-1 mono

/** MP3 only knows a few sample rates; use the nearest MPEG-1 one. */
export function mp3SampleRate(requested: number): number {
  let best: number = RATES[0];
  for (const r of RATES) if (Math.abs(r - requested) < Math.abs(best - requested)) best = r;
  return best;
}

function frameHeader(out: ByteWriter, rateIndex: number, padding: boolean): void {
  out.u8(0xff);
  out.u8(0xfb); // sync, MPEG-1, Layer III, no CRC
  out.u8((BITRATE_INDEX << 4) | (rateIndex << 2) | (padding ? 2 : 0));
  out.u8(0xc4); // mono, original, no emphasis
}

export function encodeSilentMp3(durationMs: number, requestedRate: number): Uint8Array {
  const sampleRate = mp3SampleRate(requestedRate);
  const rateIndex = RATES.indexOf(sampleRate as (typeof RATES)[number]);
  const frames = Math.max(1, Math.ceil(((durationMs / 1000) * sampleRate) / SAMPLES_PER_FRAME));
  const exact = (144 * BITRATE) / sampleRate;
  const sizeOf = (k: number): number => Math.floor((k + 1) * exact) - Math.floor(k * exact);
  let total = 0;
  for (let k = 0; k <= frames; k++) total += sizeOf(k);
  const out = new ByteWriter(total);
  for (let k = 0; k <= frames; k++) {
    const size = sizeOf(k);
    const start = out.length;
    frameHeader(out, rateIndex, size > Math.floor(exact));
    out.zeros(SIDE_INFO_BYTES);
    if (k === 0) {
      out.ascii('Info');
      out.u32be(0x3); // frame count and byte count present
      out.u32be(frames);
      out.u32be(total);
    }
    out.zeros(size - (out.length - start));
  }
  return out.toBytes();
}
