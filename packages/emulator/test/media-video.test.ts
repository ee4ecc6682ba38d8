import { createFile, type Movie, MP4BoxBuffer, type Sample } from 'mp4box';
import { parseBuffer } from 'music-metadata';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderVideo, type VideoFormat } from '../src/media';
import { renderScene, sceneFor } from '../src/media/pattern';
import { planFrames } from '../src/media/video';
import { encodeVp8Frame } from '../src/media/vp8-encoder';
import { rgbaToYuv420 } from '../src/media/yuv';

function parseMp4(bytes: Uint8Array): Promise<Movie> {
  return new Promise((resolve, reject) => {
    const file = createFile();
    file.onReady = resolve;
    file.onError = (_module, message) => reject(new Error(message));
    file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(bytes.slice().buffer, 0));
    file.flush();
  });
}

/** Every sample of the first video track, as mp4box extracts them. */
function mp4Samples(bytes: Uint8Array): Promise<Sample[]> {
  return new Promise((resolve, reject) => {
    const file = createFile();
    const samples: Sample[] = [];
    file.onError = (_module, message) => reject(new Error(message));
    file.onReady = (movie) => {
      const track = movie.videoTracks[0];
      if (!track) return reject(new Error('no video track'));
      file.onSamples = (_id, _user, batch) => {
        samples.push(...batch);
        if (samples.length === track.nb_samples) resolve(samples);
      };
      file.setExtractionOptions(track.id, undefined, { nbSamples: track.nb_samples });
      file.start();
    };
    file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(bytes.slice().buffer, 0));
    file.flush();
  });
}

/** Picture size declared by an H.264 SPS NAL unit (Baseline, as our encoder writes it). */
function spsSize(nal: Uint8Array): { width: number; height: number } {
  const rbsp: number[] = [];
  for (let i = 1; i < nal.length; i++) {
    if (nal[i] === 3 && nal[i - 1] === 0 && nal[i - 2] === 0) continue; // emulation prevention
    rbsp.push(nal[i] ?? 0);
  }
  let bit = 0;
  const u = (n: number): number => {
    let v = 0;
    for (let k = 0; k < n; k++, bit++) v = v * 2 + (((rbsp[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1);
    return v;
  };
  const ue = (): number => {
    let zeros = 0;
    while (u(1) === 0) zeros++;
    return 2 ** zeros - 1 + u(zeros);
  };
  expect(u(8)).toBe(66); // profile_idc
  u(16); // constraint flags, level_idc
  ue(); // seq_parameter_set_id
  ue(); // log2_max_frame_num_minus4
  expect(ue()).toBe(2); // pic_order_cnt_type
  ue(); // max_num_ref_frames
  u(1);
  const mbWidth = ue() + 1;
  const mbHeight = ue() + 1;
  expect(u(1)).toBe(1); // frame_mbs_only_flag
  u(1);
  const crop = u(1) ? [ue(), ue(), ue(), ue()] : [0, 0, 0, 0];
  const [left = 0, right = 0, top = 0, bottom = 0] = crop;
  return { width: mbWidth * 16 - 2 * (left + right), height: mbHeight * 16 - 2 * (top + bottom) };
}

function findBox(bytes: Uint8Array, type: string): number {
  for (let i = 4; i + 4 <= bytes.length; i++) {
    if (String.fromCharCode(...bytes.subarray(i, i + 4)) === type) return i - 4;
  }
  throw new Error(`${type} not found`);
}

/** A lone VP8 key frame is exactly the payload of a lossy WebP, which sharp (libwebp) decodes. */
function vp8AsWebp(frame: Uint8Array): Uint8Array {
  const padded = frame.length + (frame.length & 1);
  const out = new Uint8Array(20 + padded);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('RIFF'), 0);
  view.setUint32(4, 12 + padded, true);
  out.set(new TextEncoder().encode('WEBPVP8 '), 8);
  view.setUint32(16, frame.length, true);
  out.set(frame, 20);
  return out;
}

describe('MP4 and MOV (H.264) parse with mp4box', () => {
  for (const format of ['MP4', 'MOV'] as const) {
    for (const [width, height, durationMs] of [
      [320, 240, 5000],
      [1280, 720, 2000],
      [17, 9, 700],
      [1, 1, 100],
    ] as const) {
      it(`${format} ${width}x${height} ${durationMs} ms`, async () => {
        const movie = await parseMp4(
          renderVideo({ format, width, height, durationMs, seed: 5, prompt: 'waves' }),
        );
        expect(movie.brands[0]).toBe(format === 'MOV' ? 'qt  ' : 'isom');
        expect(movie.videoTracks).toHaveLength(1);
        const track = movie.videoTracks[0];
        if (!track) throw new Error('no video track');
        expect(track.codec).toMatch(/^avc1\.42c0/);
        expect([track.video?.width, track.video?.height]).toEqual([width, height]);
        expect([track.track_width, track.track_height]).toEqual([width, height]);
        expect(track.duration / track.timescale).toBeCloseTo(durationMs / 1000, 3);
        expect(movie.duration / movie.timescale).toBeCloseTo(durationMs / 1000, 3);
        expect(track.nb_samples).toBe(planFrames(durationMs).length);
      });
    }
  }

  it('holds one IDR picture then skip pictures, with an SPS of the coded size', async () => {
    for (const [width, height] of [
      [640, 360],
      [17, 9],
    ] as const) {
      const bytes = renderVideo({ format: 'MP4', width, height, durationMs: 3000, seed: 8, prompt: 'sps' });
      const avcC = findBox(bytes, 'avcC') + 8;
      expect(bytes[avcC]).toBe(1); // configurationVersion
      const spsLength = ((bytes[avcC + 6] ?? 0) << 8) | (bytes[avcC + 7] ?? 0);
      // 4:2:0 crops whole chroma samples, so odd sizes are coded one pixel larger.
      expect(spsSize(bytes.subarray(avcC + 8, avcC + 8 + spsLength))).toEqual({
        width: width + (width & 1),
        height: height + (height & 1),
      });
      const samples = await mp4Samples(bytes);
      expect(samples).toHaveLength(6);
      samples.forEach((sample, i) => {
        const data = sample.data ?? new Uint8Array(0);
        const nalLength = new DataView(data.buffer, data.byteOffset).getUint32(0);
        expect(nalLength + 4).toBe(data.length);
        expect((data[4] ?? 0) & 0x1f).toBe(i === 0 ? 5 : 1); // IDR, then non-IDR slices
        expect(sample.is_sync).toBe(i === 0);
      });
      // Flat regions are DC-predicted instead of stored raw, so the IDR is smaller than I_PCM.
      const rawSize = Math.ceil(width / 16) * Math.ceil(height / 16) * 384;
      if (width >= 640) expect(samples[0]?.size ?? 0).toBeLessThan(rawSize * 0.9);
    }
  });

  it('is deterministic and depends on the prompt', () => {
    const spec = {
      format: 'MP4' as VideoFormat,
      width: 64,
      height: 48,
      durationMs: 1000,
      seed: 1,
      prompt: 'a',
    };
    expect(renderVideo(spec)).toEqual(renderVideo({ ...spec }));
    expect(renderVideo(spec)).not.toEqual(renderVideo({ ...spec, prompt: 'b' }));
  });
});

describe('WEBM (VP8)', () => {
  for (const [width, height, durationMs] of [
    [320, 240, 5000],
    [33, 17, 1200],
  ] as const) {
    it(`${width}x${height} ${durationMs} ms parses with music-metadata`, async () => {
      const bytes = renderVideo({ format: 'WEBM', width, height, durationMs, seed: 5, prompt: 'waves' });
      const { format } = await parseBuffer(bytes, undefined, { duration: true });
      expect(format.container).toBe('EBML/webm');
      expect(format.hasVideo).toBe(true);
      expect(format.duration).toBeCloseTo(durationMs / 1000, 3);
      expect(format.trackInfo[0]?.codecName).toBe('VP8');
      expect(format.trackInfo[0]?.video).toMatchObject({ pixelWidth: width, pixelHeight: height });
    });
  }

  it('key frames decode with libwebp to a mosaic of the picture', async () => {
    for (const [width, height] of [
      [1, 1],
      [37, 21],
      [256, 160],
    ] as const) {
      const rgba = renderScene(sceneFor('vp8', 9), width, height);
      const { frame } = encodeVp8Frame(rgbaToYuv420(rgba, width, height), width, height);
      const { data, info } = await sharp(vp8AsWebp(frame)).raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height, info.channels]).toEqual([width, height, 3]);
      let diff = 0;
      let flatGuess = 0;
      for (let i = 0, j = 0; i < data.length; i += 3, j += 4) {
        for (let c = 0; c < 3; c++) {
          diff += Math.abs((data[i + c] ?? 0) - (rgba[j + c] ?? 0));
          flatGuess += Math.abs(128 - (rgba[j + c] ?? 0));
        }
      }
      // 4x4 luma and 8x8 chroma blocks smear edges (a lot, relatively, in tiny pictures) but
      // keep the colours: far closer than a flat grey picture would be.
      expect(diff).toBeLessThan(flatGuess * 0.45);
      if (width >= 256) expect(diff / (width * height * 3)).toBeLessThan(10);
    }
  });

  it('frames move over time and the output is deterministic', () => {
    const spec = {
      format: 'WEBM' as VideoFormat,
      width: 64,
      height: 64,
      durationMs: 2000,
      seed: 2,
      prompt: 'm',
    };
    expect(renderVideo(spec)).toEqual(renderVideo({ ...spec }));
    const picture = (time: number) => rgbaToYuv420(renderScene(sceneFor('m', 2), 64, 64, { time }), 64, 64);
    expect(encodeVp8Frame(picture(0), 64, 64).frame).not.toEqual(encodeVp8Frame(picture(1.5), 64, 64).frame);
  });
});

describe('planFrames', () => {
  it('keeps at most 2 frames per second and 10 in all, summing to the duration', () => {
    for (const [durationMs, fps, count] of [
      [100, undefined, 1],
      [5000, undefined, 10],
      [5000, 1, 5],
      [60_000, 30, 10],
      [1250, 24, 3],
    ] as const) {
      const frames = planFrames(durationMs, fps);
      expect(frames).toHaveLength(count);
      expect(frames.reduce((a, b) => a + b, 0)).toBe(durationMs);
    }
  });
});
