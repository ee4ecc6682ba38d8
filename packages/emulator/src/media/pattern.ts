import { keyOf, mulberry32, type Rng, randInt, randRange } from './hash';

/**
 * The picture behind every generated PNG, JPEG and SVG: posterised gradient bands plus a few
 * flat shapes, all drawn from a hash of prompt + seed. Flat regions keep every encoder's
 * output small while different prompts still give visibly different pictures.
 */
export type Rgb = readonly [number, number, number];

type ShapeKind = 'circle' | 'ring' | 'rect' | 'diamond';

interface Shape {
  kind: ShapeKind;
  /** centre in fractions of width/height */
  cx: number;
  cy: number;
  /** size in fractions of min(width, height) */
  size: number;
  aspect: number;
  color: Rgb;
  drift: number;
}

export interface Scene {
  from: Rgb;
  to: Rgb;
  angle: number;
  bands: number;
  phase: number;
  shapes: Shape[];
}

function hslToRgb(h: number, s: number, l: number): Rgb {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): number => {
    const k = (n + h * 12) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

function randomColor(rng: Rng, hue: number): Rgb {
  return hslToRgb(((hue % 1) + 1) % 1, randRange(rng, 0.45, 0.9), randRange(rng, 0.3, 0.72));
}

const KINDS: readonly ShapeKind[] = ['circle', 'ring', 'rect', 'diamond'];

export function sceneFor(prompt: string, seed: number): Scene {
  const rng = mulberry32(keyOf(prompt, seed));
  const hue = rng();
  const shapes: Shape[] = [];
  const count = randInt(rng, 3, 6);
  for (let i = 0; i < count; i++) {
    shapes.push({
      kind: KINDS[randInt(rng, 0, KINDS.length - 1)] ?? 'circle',
      cx: randRange(rng, 0.15, 0.85),
      cy: randRange(rng, 0.15, 0.85),
      size: randRange(rng, 0.08, 0.3),
      aspect: randRange(rng, 0.5, 1.6),
      color: randomColor(rng, hue + randRange(rng, 0.25, 0.75)),
      drift: randRange(rng, -1, 1),
    });
  }
  return {
    from: randomColor(rng, hue),
    to: randomColor(rng, hue + randRange(rng, 0.08, 0.3)),
    angle: rng() * Math.PI * 2,
    bands: randInt(rng, 5, 14),
    phase: rng(),
    shapes,
  };
}

export interface RenderOptions {
  /** transparent background, opaque shapes (a "cut-out" subject) */
  alpha?: boolean;
}

interface PlacedShape {
  kind: ShapeKind;
  x: number;
  y: number;
  rx: number;
  ry: number;
  color: Rgb;
}

/** Pixel-centre spans [from, to] (inclusive) covered by a shape on the row whose centre is `py`. */
function spans(s: PlacedShape, py: number): [number, number][] {
  const dy = (py - s.y) / s.ry;
  const ady = Math.abs(dy);
  if (ady > 1) return [];
  const span = (lo: number, hi: number): [number, number] => [Math.ceil(lo - 0.5), Math.floor(hi - 0.5)];
  if (s.kind === 'rect') return [span(s.x - s.rx, s.x + s.rx)];
  if (s.kind === 'diamond') {
    const half = s.rx * (1 - ady);
    return [span(s.x - half, s.x + half)];
  }
  const outer = s.rx * Math.sqrt(1 - dy * dy);
  if (s.kind === 'circle' || dy * dy >= RING_INNER) return [span(s.x - outer, s.x + outer)];
  const inner = s.rx * Math.sqrt(RING_INNER - dy * dy);
  return [span(s.x - outer, s.x - inner), span(s.x + inner, s.x + outer)];
}

const RING_INNER = 0.36;

/** Rasterises the scene as RGBA, row-major, 4 bytes per pixel. */
export function renderScene(
  scene: Scene,
  width: number,
  height: number,
  options: RenderOptions = {},
): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  const scale = Math.min(width, height);
  const half = Math.hypot(width, height) / 2 || 1;
  const cos = Math.cos(scene.angle) / half;
  const sin = Math.sin(scene.angle) / half;
  const bands = scene.bands;
  const phase = scene.phase;
  // Packed little-endian RGBA words let a row be filled 4 bytes at a time.
  const words = new Uint32Array(out.buffer);
  const pack = (c: Rgb): number => ((255 << 24) | (c[2] << 16) | (c[1] << 8) | c[0]) >>> 0;
  const ramp: number[] = [];
  for (let b = 0; b < bands; b++) {
    const t = b / (bands - 1);
    ramp.push(
      pack([
        Math.round(scene.from[0] + (scene.to[0] - scene.from[0]) * t),
        Math.round(scene.from[1] + (scene.to[1] - scene.from[1]) * t),
        Math.round(scene.from[2] + (scene.to[2] - scene.from[2]) * t),
      ]),
    );
  }
  const shapes: PlacedShape[] = scene.shapes.map((s) => {
    const r = Math.max(0.5, s.size * scale);
    return {
      kind: s.kind,
      x: (s.cx + 0.04 * Math.sin(s.drift * 3)) * width,
      y: (s.cy + 0.04) * height,
      rx: r * s.aspect,
      ry: r,
      color: s.color,
    };
  });
  const colors = shapes.map((s) => pack(s.color));
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const py = y + 0.5;
    if (!options.alpha) {
      const rowProj = (py - height / 2) * sin;
      // Band position is linear in x; the offset of 4 * bands keeps it positive for truncation.
      const start = (((0.5 - width / 2) * cos + rowProj + 1) / 2) * bands + phase + 4 * bands;
      const step = (cos / 2) * bands;
      // Fill whole bands at once: solve for the first x of the next band.
      for (let x = 0; x < width; ) {
        const k = Math.floor(start + x * step);
        let end = width;
        if (step > 0) end = Math.ceil((k + 1 - start) / step);
        else if (step < 0) end = Math.floor((k - start) / step) + 1;
        end = Math.min(width, Math.max(x + 1, end));
        words.fill(ramp[k % bands] ?? 0, row + x, row + end);
        x = end;
      }
    }
    shapes.forEach((s, i) => {
      for (const [from, to] of spans(s, py)) {
        const a = Math.max(0, from);
        const b = Math.min(width - 1, to);
        if (a <= b) words.fill(colors[i] ?? 0, row + a, row + b + 1);
      }
    });
  }
  return out;
}
