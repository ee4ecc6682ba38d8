import { ByteWriter, concatBytes } from './byte-writer';
import { oggCrc } from './checksums';

/**
 * Ogg Opus (RFC 7845), mono. Every audio packet is the 3-byte CELT-only fullband 20 ms frame
 * F8 FF FE, whose range-coded payload sets the "silence" flag, so decoders output digital
 * silence. The final page's granule position trims the stream to the exact duration.
 */

const PRE_SKIP = 312; // the customary encoder delay, in 48 kHz samples
const SAMPLES_PER_PACKET = 960; // 20 ms at 48 kHz
const SILENT_FRAME = new Uint8Array([0xf8, 0xff, 0xfe]);
const SERIAL = 0x52574545;

function page(packets: readonly Uint8Array[], granule: number, sequence: number, flags: number): Uint8Array {
  const lacing: number[] = [];
  for (const p of packets) {
    let left = p.length;
    while (left >= 255) {
      lacing.push(255);
      left -= 255;
    }
    lacing.push(left);
  }
  const out = new ByteWriter(27 + lacing.length + packets.reduce((n, p) => n + p.length, 0));
  out.ascii('OggS').u8(0).u8(flags).u64le(granule).u32le(SERIAL).u32le(sequence).u32le(0);
  out.u8(lacing.length);
  for (const l of lacing) out.u8(l);
  for (const p of packets) out.bytes(p);
  out.patchU32le(22, oggCrc(out.toBytes()));
  return out.toBytes();
}

export function encodeSilentOggOpus(durationMs: number, inputSampleRate: number): Uint8Array {
  const head = new ByteWriter(19)
    .ascii('OpusHead')
    .u8(1) // version
    .u8(1) // channels
    .u16le(PRE_SKIP)
    .u32le(inputSampleRate)
    .u16le(0) // output gain
    .u8(0) // channel mapping family
    .toBytes();
  const vendor = 'runware-emulator';
  const tags = new ByteWriter(32).ascii('OpusTags').u32le(vendor.length).ascii(vendor).u32le(0).toBytes();

  const samples = Math.max(1, Math.round((durationMs / 1000) * 48000));
  const packetCount = Math.ceil((samples + PRE_SKIP) / SAMPLES_PER_PACKET);
  const pages: Uint8Array[] = [page([head], 0, 0, 0x02), page([tags], 0, 1, 0)];
  // 255 lacing values per page, one per 3-byte packet.
  for (let first = 0; first < packetCount; first += 255) {
    const count = Math.min(255, packetCount - first);
    const last = first + count >= packetCount;
    const granule = last ? PRE_SKIP + samples : (first + count) * SAMPLES_PER_PACKET;
    pages.push(page(new Array(count).fill(SILENT_FRAME), granule, pages.length, last ? 0x04 : 0));
  }
  return concatBytes(pages);
}
