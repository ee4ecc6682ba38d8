import type { VideoFormat } from './formats';
import { avcDecoderConfig, h264IdrPicture, h264Pps, h264SkipPicture, h264Sps } from './h264-pcm';
import { muxMp4 } from './mp4-muxer';
import { renderScene, sceneFor } from './pattern';
import { encodeVp8Frame } from './vp8-encoder';
import { muxWebm } from './webm-muxer';
import { rgbaToYuv420 } from './yuv';

export interface VideoSpec {
  format: VideoFormat;
  width: number;
  height: number;
  durationMs: number;
  fps?: number;
  seed: number;
  prompt: string;
}

const MAX_FRAMES = 10;
const MAX_CODED_FPS = 2;

/** Few frames keep files small: at most 2 per second and 10 in all, spread over the duration. */
export function planFrames(durationMs: number, fps?: number): number[] {
  const total = Math.max(1, Math.round(durationMs));
  const rate = Math.min(fps ?? MAX_CODED_FPS, MAX_CODED_FPS);
  const count = Math.min(MAX_FRAMES, Math.max(1, Math.round((total / 1000) * rate)), total);
  const durations: number[] = [];
  for (let k = 0; k < count; k++)
    durations.push(Math.round(((k + 1) * total) / count) - Math.round((k * total) / count));
  return durations;
}

function lengthPrefixed(nal: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + nal.length);
  new DataView(out.buffer).setUint32(0, nal.length);
  out.set(nal, 4);
  return out;
}

/** H.264 in MP4/MOV: one lossless key frame, then skip pictures repeating it. */
function renderAvc(spec: VideoSpec, durations: number[]): Uint8Array {
  const rgba = renderScene(sceneFor(spec.prompt, spec.seed), spec.width, spec.height);
  const picture = rgbaToYuv420(rgba, spec.width, spec.height);
  const sps = h264Sps(spec.width, spec.height);
  const pps = h264Pps();
  const mbCount = (picture.width / 16) * (picture.height / 16);
  const samples = durations.map((_, k) =>
    lengthPrefixed(k === 0 ? h264IdrPicture(picture, 0) : h264SkipPicture(mbCount, k)),
  );
  return muxMp4(
    {
      width: spec.width,
      height: spec.height,
      timescale: 1000,
      durations,
      samples,
      syncSamples: [1],
      codec: 'avc1',
      config: { type: 'avcC', body: avcDecoderConfig(sps, pps) },
    },
    spec.format === 'MOV' ? 'mov' : 'mp4',
  );
}

/** VP8 in WebM: every frame a key frame, so the picture can move. */
function renderWebm(spec: VideoSpec, durations: number[]): Uint8Array {
  const scene = sceneFor(spec.prompt, spec.seed);
  let time = 0;
  const frames = durations.map((d) => {
    const rgba = renderScene(scene, spec.width, spec.height, { time: time / 1000 });
    const frame = {
      timeMs: time,
      data: encodeVp8Frame(rgbaToYuv420(rgba, spec.width, spec.height), spec.width, spec.height).frame,
    };
    time += d;
    return frame;
  });
  return muxWebm({ width: spec.width, height: spec.height, durationMs: time, frames });
}

export function encodeVideo(spec: VideoSpec): Uint8Array {
  const durations = planFrames(spec.durationMs, spec.fps);
  return spec.format === 'WEBM' ? renderWebm(spec, durations) : renderAvc(spec, durations);
}
