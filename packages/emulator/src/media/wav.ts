import { ByteWriter } from './byte-writer';

/** RIFF/WAVE, PCM 16-bit little-endian, mono. */
export function encodeWav(samples: Int16Array, sampleRate: number): Uint8Array {
  const dataBytes = samples.length * 2;
  const out = new ByteWriter(44);
  out
    .ascii('RIFF')
    .u32le(36 + dataBytes)
    .ascii('WAVE');
  out.ascii('fmt ').u32le(16);
  out.u16le(1); // PCM
  out.u16le(1); // channels
  out.u32le(sampleRate);
  out.u32le(sampleRate * 2); // byte rate
  out.u16le(2); // block align
  out.u16le(16); // bits per sample
  out.ascii('data').u32le(dataBytes);
  const bytes = new Uint8Array(44 + dataBytes);
  bytes.set(out.toBytes());
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples.length; i++) view.setInt16(44 + i * 2, samples[i] ?? 0, true);
  return bytes;
}
