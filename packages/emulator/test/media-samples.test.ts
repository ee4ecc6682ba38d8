import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index';
import {
  contentTypeOf,
  extensionOf,
  renderAudio,
  renderImage,
  SAMPLES,
  type SampleFormat,
  sampleBytes,
  sniffMedia,
} from '../src/media';
import { loadSnapshotData } from '../src/snapshot-data';

const FORMATS = Object.keys(SAMPLES) as SampleFormat[];

/** The committed file itself, read straight from the package's assets/media/. */
const onDisk = (format: SampleFormat): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../assets/media/${SAMPLES[format].file}`, import.meta.url)));

const ascii = (b: Uint8Array, offset: number, length: number): string =>
  String.fromCharCode(...b.subarray(offset, offset + length));
const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** Offset of the first ISO BMFF box of a type (its size field), searching the whole file. */
function box(b: Uint8Array, type: string): number {
  for (let i = 4; i + 4 <= b.length; i++) if (ascii(b, i, 4) === type) return i - 4;
  throw new Error(`no ${type} box`);
}

/** What each file's own headers say: size in pixels and duration in seconds, where it has them. */
const HEADERS: Record<
  SampleFormat,
  (b: Uint8Array) => { width?: number; height?: number; seconds?: number }
> = {
  WEBP: (b) => {
    expect([ascii(b, 0, 4), ascii(b, 8, 8)]).toEqual(['RIFF', 'WEBPVP8 ']);
    expect(view(b).getUint32(4, true)).toBe(b.length - 8);
    const { width, height } = sniffMedia(b);
    return { width, height };
  },
  MP4: (b) => isoMovie(b, 'isom'),
  MOV: (b) => isoMovie(b, 'qt  '),
  WEBM: (b) => {
    expect(Array.from(b.subarray(0, 4))).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    const docType = b.findIndex((_, i) => b[i] === 0x42 && b[i + 1] === 0x82);
    expect(ascii(b, docType + 3, b[docType + 2] === 0x84 ? 4 : 8)).toBe('webm');
    // EBML elements by ID with a one-byte size: the Segment's TimecodeScale (2AD7B1, ns per
    // tick) and Duration (4489, a float in ticks), then PixelWidth (B0) and PixelHeight (BA),
    // the first children of the track's Video element (E0).
    const element = (id: number[], from = 0): Uint8Array => {
      const at = b.findIndex((_, i) => i >= from && id.every((byte, k) => b[i + k] === byte));
      expect(at, id.join()).toBeGreaterThan(0);
      const start = at + id.length + 1;
      return b.subarray(start, start + ((b[start - 1] ?? 0) & 0x7f));
    };
    const uint = (e: Uint8Array) => e.reduce((n, byte) => n * 256 + byte, 0);
    const ticks = element([0x44, 0x89]);
    const duration = ticks.length === 8 ? view(ticks).getFloat64(0) : view(ticks).getFloat32(0);
    const video = b.findIndex((_, i) => b[i] === 0xe0 && b[i + 2] === 0xb0);
    return {
      width: uint(element([0xb0], video)),
      height: uint(element([0xba], video)),
      seconds: (duration * uint(element([0x2a, 0xd7, 0xb1]))) / 1e9,
    };
  },
  MP3: (b) => {
    expect([b[0], (b[1] ?? 0) & 0xfe]).toEqual([0xff, 0xfa]); // sync, MPEG-1 Layer III
    expect((b[3] ?? 0) >> 6).toBe(3); // mono
    expect(ascii(b, 21, 4)).toBe('Info'); // CBR Xing header after the mono side info
    // The frame count includes the encoder's priming frame: ~1.045 s of frames for 1 s of sound.
    return { seconds: (view(b).getUint32(29) * 1152) / 44100 };
  },
  FLAC: (b) => {
    expect(ascii(b, 0, 4)).toBe('fLaC');
    expect((b[4] ?? 0) & 0x7f).toBe(0); // STREAMINFO first
    const info = b.subarray(8, 42);
    const rate = (view(info).getUint32(10) >>> 12) & 0xfffff;
    const samples = ((info[13] ?? 0) & 0x0f) * 2 ** 32 + view(info).getUint32(14);
    return { seconds: samples / rate };
  },
  OGG: (b) => {
    expect([ascii(b, 0, 4), ascii(b, 28, 8)]).toEqual(['OggS', 'OpusHead']);
    const preSkip = view(b).getUint16(36, true);
    // Walk the pages (header, segment table, segments); the last one's granule ends the stream.
    let page = 0;
    let granule = 0;
    while (page < b.length) {
      expect(ascii(b, page, 4)).toBe('OggS');
      granule = Number(view(b).getBigUint64(page + 6, true));
      const segments = b[page + 26] ?? 0;
      page += 27 + segments + b.subarray(page + 27, page + 27 + segments).reduce((n, s) => n + s, 0);
    }
    expect(page).toBe(b.length);
    return { seconds: (granule - preSkip) / 48000 };
  },
};

function isoMovie(b: Uint8Array, brand: string): { width: number; height: number; seconds: number } {
  expect([ascii(b, 4, 4), ascii(b, 8, 4)]).toEqual(['ftyp', brand]);
  const mvhd = box(b, 'mvhd') + 8;
  expect(b[mvhd]).toBe(0); // version 0: 32-bit times
  const seconds = view(b).getUint32(mvhd + 16) / view(b).getUint32(mvhd + 12);
  const tkhd = box(b, 'tkhd') + 8;
  expect(b[tkhd]).toBe(0);
  // 16.16 fixed-point size at the end of a version-0 tkhd
  return {
    width: view(b).getUint32(tkhd + 76) / 65536,
    height: view(b).getUint32(tkhd + 80) / 65536,
    seconds,
  };
}

describe('sample files', () => {
  for (const format of FORMATS) {
    it(`${format}: ${SAMPLES[format].file} holds what SAMPLES says, and is what sampleBytes gives`, () => {
      const bytes = onDisk(format);
      expect(bytes.length).toBeGreaterThan(500);
      expect(bytes.length).toBeLessThan(16 * 1024);
      expect(sampleBytes(format)).toEqual(bytes);
      expect(sniffMedia(bytes).format).toBe(format);
      const found = HEADERS[format](bytes);
      const { width, height, durationMs } = SAMPLES[format];
      expect([found.width, found.height]).toEqual([width, height]);
      if (durationMs === undefined) expect(found.seconds).toBeUndefined();
      else expect(Math.abs((found.seconds ?? 0) - durationMs / 1000)).toBeLessThan(0.05);
    });
  }

  it('the WebP decodes with libwebp at the size SAMPLES says', async () => {
    const meta = await sharp(onDisk('WEBP')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', SAMPLES.WEBP.width, SAMPLES.WEBP.height]);
  });

  it('renderImage and renderAudio return the sample for WEBP and MP3/FLAC/OGG, whatever the spec', () => {
    for (const [width, seed] of [
      [16, 1],
      [1500, 2],
    ] as const) {
      expect(renderImage({ width, height: 9, format: 'WEBP', seed, prompt: `p${seed}` })).toEqual(
        onDisk('WEBP'),
      );
      for (const format of ['MP3', 'FLAC', 'OGG'] as const) {
        expect(renderAudio({ format, durationMs: width * 10, seed })).toEqual(onDisk(format));
      }
    }
  });

  it('each call gets its own copy', () => {
    const first = sampleBytes('MP4');
    first.fill(0);
    expect(sampleBytes('MP4')).toEqual(onDisk('MP4'));
  });

  it('are published: package.json files lists assets', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(pkg.files).toContain('assets');
  });
});

describe('served samples', () => {
  let emulator: RunningEmulator;
  const models = Object.entries(loadSnapshotData().models);
  const modelFor = (taskType: string) => models.find(([, m]) => m.taskType === taskType)?.[0];

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, latency: { default: 1 } });
  });
  afterAll(() => emulator?.stop());

  async function post(tasks: unknown[]): Promise<Record<string, unknown>[]> {
    const response = await fetch(emulator.httpUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.apiKey}` },
      body: JSON.stringify(tasks),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>[] };
    expect(response.status, JSON.stringify(body)).toBe(200);
    return body.data ?? [];
  }

  /** Runs one task to its result: sync, or async polled with getResponse (video is async-only). */
  async function run(task: Record<string, unknown>): Promise<Record<string, unknown>> {
    const taskUUID = randomUUID();
    const [first] = await post([{ taskUUID, deliveryMethod: 'sync', ...task }]);
    if (task.deliveryMethod !== 'async') return first ?? {};
    for (let i = 0; i < 500; i++) {
      const [item] = await post([{ taskType: 'getResponse', taskUUID }]);
      if (item && item.status !== 'processing') return item;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${taskUUID} never finished`);
  }

  async function expectServed(url: unknown, format: SampleFormat): Promise<void> {
    expect(String(url)).toMatch(new RegExp(`\\.${extensionOf(format)}$`));
    const response = await fetch(String(url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentTypeOf(format));
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(onDisk(format));
  }

  it('videoInference serves the MP4, WEBM and MOV samples at the result URL', async () => {
    for (const outputFormat of ['MP4', 'WEBM', 'MOV'] as const) {
      const item = await run({
        taskType: 'videoInference',
        deliveryMethod: 'async',
        model: modelFor('videoInference'),
        positivePrompt: 'waves',
        duration: 5,
        outputFormat,
      });
      await expectServed(item.videoURL, outputFormat);
    }
  });

  it('audioInference serves the MP3, FLAC and OGG samples by URL and as base64', async () => {
    for (const outputFormat of ['MP3', 'FLAC', 'OGG'] as const) {
      const task = {
        taskType: 'audioInference',
        model: modelFor('audioInference'),
        positivePrompt: 'a',
        duration: 3,
      };
      await expectServed((await run({ ...task, outputFormat })).audioURL, outputFormat);
      const inline = await run({ ...task, outputFormat, outputType: 'base64Data' });
      expect(new Uint8Array(Buffer.from(String(inline.audioBase64Data), 'base64'))).toEqual(
        onDisk(outputFormat),
      );
    }
  });

  it('imageInference with outputFormat WEBP serves the WebP sample', async () => {
    const item = await run({
      taskType: 'imageInference',
      model: modelFor('imageInference'),
      positivePrompt: 'a fox',
      width: 512,
      height: 512,
      outputFormat: 'WEBP',
    });
    await expectServed(item.imageURL, 'WEBP');
  });

  it('catalog assets of sample formats are the samples too', async () => {
    const base = emulator.httpUrl.replace(/\/v1$/, '');
    for (const format of ['MP4', 'WEBM', 'MP3', 'OGG', 'WEBP'] as const) {
      await expectServed(`${base}/media/examples/any/thing.${extensionOf(format)}`, format);
    }
  });
});
