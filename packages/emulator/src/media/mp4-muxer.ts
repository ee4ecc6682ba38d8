import { ByteWriter, concatBytes } from './byte-writer';

/**
 * ISO Base Media File Format writer for one video track: ftyp, mdat, then moov (so chunk
 * offsets are known when moov is written). MOV uses the same boxes under the QuickTime brand.
 */

export interface VideoTrack {
  /** display size written to tkhd and the sample entry */
  width: number;
  height: number;
  timescale: number;
  /** sample durations in timescale units */
  durations: number[];
  /** samples: length-prefixed NAL units */
  samples: Uint8Array[];
  /** 1-based numbers of sync samples */
  syncSamples: number[];
  /** sample entry type and its codec configuration box */
  codec: 'avc1';
  config: { type: string; body: Uint8Array };
}

const MATRIX = [0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000];

function box(type: string, ...parts: Uint8Array[]): Uint8Array {
  let size = 8;
  for (const p of parts) size += p.length;
  const head = new ByteWriter(8).u32be(size).ascii(type).toBytes();
  return concatBytes([head, ...parts]);
}

function fullBox(type: string, version: number, flags: number, ...parts: Uint8Array[]): Uint8Array {
  return box(type, new ByteWriter(4).u8(version).u24be(flags).toBytes(), ...parts);
}

function matrix(w: ByteWriter): void {
  for (const m of MATRIX) w.u32be(m);
}

function sampleEntry(track: VideoTrack): Uint8Array {
  const w = new ByteWriter(86);
  w.zeros(6).u16be(1); // reserved, data_reference_index
  w.zeros(16); // pre_defined, reserved
  w.u16be(track.width).u16be(track.height);
  w.u32be(0x00480000).u32be(0x00480000); // 72 dpi
  w.u32be(0).u16be(1); // reserved, frame_count
  const name = 'runware-emulator';
  w.u8(name.length)
    .ascii(name)
    .zeros(31 - name.length); // compressorname, Pascal string in 32 bytes
  w.u16be(0x18).u16be(0xffff); // depth, pre_defined = -1
  return box(track.codec, w.toBytes(), box(track.config.type, track.config.body));
}

function runLengths(values: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const v of values) {
    const last = runs[runs.length - 1];
    if (last && last[1] === v) last[0]++;
    else runs.push([1, v]);
  }
  return runs;
}

function sampleTable(track: VideoTrack, chunkOffset: number): Uint8Array {
  const stsd = fullBox('stsd', 0, 0, new ByteWriter(4).u32be(1).toBytes(), sampleEntry(track));
  const sttsRuns = runLengths(track.durations);
  const stts = new ByteWriter().u32be(sttsRuns.length);
  for (const [count, delta] of sttsRuns) stts.u32be(count).u32be(delta);
  const stss = new ByteWriter().u32be(track.syncSamples.length);
  for (const s of track.syncSamples) stss.u32be(s);
  const stsc = new ByteWriter(16).u32be(1).u32be(1).u32be(track.samples.length).u32be(1);
  const stsz = new ByteWriter().u32be(0).u32be(track.samples.length);
  for (const s of track.samples) stsz.u32be(s.length);
  const stco = new ByteWriter(8).u32be(1).u32be(chunkOffset);
  return box(
    'stbl',
    stsd,
    fullBox('stts', 0, 0, stts.toBytes()),
    fullBox('stss', 0, 0, stss.toBytes()),
    fullBox('stsc', 0, 0, stsc.toBytes()),
    fullBox('stsz', 0, 0, stsz.toBytes()),
    fullBox('stco', 0, 0, stco.toBytes()),
  );
}

export function muxMp4(track: VideoTrack, flavour: 'mp4' | 'mov'): Uint8Array {
  const duration = track.durations.reduce((a, b) => a + b, 0);
  const ftyp =
    flavour === 'mov'
      ? box('ftyp', new ByteWriter(12).ascii('qt  ').u32be(0x200).ascii('qt  ').toBytes())
      : box('ftyp', new ByteWriter(24).ascii('isom').u32be(0x200).ascii('isomiso2avc1mp41').toBytes());
  const payload = concatBytes(track.samples);
  const mdatHeader = new ByteWriter(8)
    .u32be(8 + payload.length)
    .ascii('mdat')
    .toBytes();
  const chunkOffset = ftyp.length + mdatHeader.length;

  const mvhd = new ByteWriter(96).u32be(0).u32be(0).u32be(track.timescale).u32be(duration);
  mvhd.u32be(0x10000).u16be(0x100).zeros(10); // rate 1.0, volume 1.0, reserved
  matrix(mvhd);
  mvhd.zeros(24).u32be(2); // pre_defined, next_track_ID

  const tkhd = new ByteWriter(80).u32be(0).u32be(0).u32be(1).u32be(0).u32be(duration);
  tkhd.zeros(8).u16be(0).u16be(0).u16be(0).u16be(0); // reserved, layer, alternate_group, volume, reserved
  matrix(tkhd);
  tkhd.u32be(track.width * 0x10000).u32be(track.height * 0x10000);

  const mdhd = new ByteWriter(20).u32be(0).u32be(0).u32be(track.timescale).u32be(duration);
  mdhd.u16be(0x55c4).u16be(0); // language "und"

  // QuickTime reads the handler name as a Pascal string and ISO as a C string: an empty name
  // (one zero byte) means the same to both.
  const hdlr = new ByteWriter(25)
    .ascii(flavour === 'mov' ? 'mhlr' : '\0\0\0\0')
    .ascii('vide')
    .zeros(12)
    .u8(0);

  const dref = fullBox('dref', 0, 0, new ByteWriter(4).u32be(1).toBytes(), fullBox('url ', 0, 1));
  const minf = box(
    'minf',
    fullBox('vmhd', 0, 1, new ByteWriter(8).zeros(8).toBytes()),
    box('dinf', dref),
    sampleTable(track, chunkOffset),
  );
  const mdia = box(
    'mdia',
    fullBox('mdhd', 0, 0, mdhd.toBytes()),
    fullBox('hdlr', 0, 0, hdlr.toBytes()),
    minf,
  );
  const trak = box('trak', fullBox('tkhd', 0, 3, tkhd.toBytes()), mdia);
  const moov = box('moov', fullBox('mvhd', 0, 0, mvhd.toBytes()), trak);
  return concatBytes([ftyp, mdatHeader, payload, moov]);
}
