import { ByteWriter, concatBytes } from './byte-writer';

/**
 * WebM (Matroska subset) writer for one VP8 track: EBML header, then a Segment with Info
 * (1 ms timestamp scale, duration), Tracks, one Cluster per frame, and Cues.
 */

export interface WebmInput {
  width: number;
  height: number;
  durationMs: number;
  frames: { timeMs: number; data: Uint8Array }[];
}

/** Element IDs keep their length-marker bits, so they are written as-is. */
function idBytes(id: number): Uint8Array {
  const bytes: number[] = [];
  for (let v = id; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return new Uint8Array(bytes);
}

/** EBML variable-length size, always 8 bytes for large payloads and 1 for tiny ones. */
function sizeBytes(size: number): Uint8Array {
  if (size < 0x7f) return new Uint8Array([0x80 | size]);
  const out = new ByteWriter(8).u8(0x01);
  out.u8(Math.floor(size / 2 ** 48) & 0xff);
  out.u16be(Math.floor(size / 2 ** 32) & 0xffff);
  out.u32be(size >>> 0);
  return out.toBytes();
}

function element(id: number, ...children: Uint8Array[]): Uint8Array {
  const body = concatBytes(children);
  return concatBytes([idBytes(id), sizeBytes(body.length), body]);
}

function uint(id: number, value: number): Uint8Array {
  const bytes: number[] = [];
  for (let v = value; v > 0 || bytes.length === 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return element(id, new Uint8Array(bytes));
}

function float(id: number, value: number): Uint8Array {
  return element(id, new ByteWriter(8).f64be(value).toBytes());
}

function text(id: number, value: string): Uint8Array {
  return element(id, new ByteWriter(value.length).ascii(value).toBytes());
}

export function muxWebm(input: WebmInput): Uint8Array {
  const header = element(
    0x1a45dfa3,
    uint(0x4286, 1), // EBMLVersion
    uint(0x42f7, 1), // EBMLReadVersion
    uint(0x42f2, 4), // EBMLMaxIDLength
    uint(0x42f3, 8), // EBMLMaxSizeLength
    text(0x4282, 'webm'), // DocType
    uint(0x4287, 4), // DocTypeVersion
    uint(0x4285, 2), // DocTypeReadVersion
  );
  const info = element(
    0x1549a966,
    uint(0x2ad7b1, 1_000_000), // TimestampScale: 1 ms
    text(0x4d80, 'runware-emulator'), // MuxingApp
    text(0x5741, 'runware-emulator'), // WritingApp
    float(0x4489, input.durationMs), // Duration
  );
  const tracks = element(
    0x1654ae6b,
    element(
      0xae, // TrackEntry
      uint(0xd7, 1), // TrackNumber
      uint(0x73c5, 1), // TrackUID
      uint(0x83, 1), // TrackType: video
      uint(0x9c, 0), // FlagLacing
      text(0x86, 'V_VP8'), // CodecID
      element(0xe0, uint(0xb0, input.width), uint(0xba, input.height)), // Video: PixelWidth, PixelHeight
    ),
  );
  // One cluster per frame keeps every block's 16-bit relative timestamp at zero, however long
  // the video.
  const clusters = input.frames.map((f) =>
    element(
      0x1f43b675, // Cluster
      uint(0xe7, f.timeMs), // Timestamp
      element(0xa3, new Uint8Array([0x81, 0, 0, 0x80]), f.data), // SimpleBlock: track 1, +0 ms, key frame
    ),
  );
  // Cue positions are relative to the start of the segment body.
  let position = info.length + tracks.length;
  const cuePoints = input.frames.map((f, i) => {
    const point = element(
      0xbb, // CuePoint
      uint(0xb3, f.timeMs), // CueTime
      element(0xb7, uint(0xf7, 1), uint(0xf1, position)), // CueTrackPositions: track, cluster position
    );
    position += clusters[i]?.length ?? 0;
    return point;
  });
  const cues = element(0x1c53bb6b, ...cuePoints);
  const segment = element(0x18538067, info, tracks, ...clusters, cues);
  return concatBytes([header, segment]);
}
