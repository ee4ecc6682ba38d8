import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type ImageFormat, renderImage, renderSvg } from '../src/media';
import { AC_CHROMA, AC_LUMA, DC_CHROMA, DC_LUMA } from '../src/media/jpeg-tables';

const SIZES: [number, number][] = [
  [1, 1],
  [17, 9],
  [256, 256],
  [1024, 768],
];

async function decode(
  bytes: Uint8Array,
): Promise<{ data: Buffer; width: number; height: number; channels: number }> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

function meanAbsDiff(a: Uint8Array, b: Uint8Array, channels: number, compare = channels): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < a.length; i += channels) {
    for (let c = 0; c < compare; c++) {
      sum += Math.abs((a[i + c] ?? 0) - (b[i + c] ?? 0));
      count++;
    }
  }
  return sum / count;
}

describe('renderImage decodes with sharp', () => {
  for (const format of ['PNG', 'JPG'] as const) {
    for (const [width, height] of SIZES) {
      it(`${format} ${width}x${height}`, async () => {
        const bytes = renderImage({ width, height, format, seed: 7, prompt: 'a lighthouse at dusk' });
        const meta = await sharp(bytes).metadata();
        expect(meta.format).toBe(format === 'JPG' ? 'jpeg' : 'png');
        const out = await decode(bytes);
        expect([out.width, out.height, out.channels]).toEqual([width, height, 3]);
      });
    }
  }

  it('PNG carries alpha when asked, with a transparent background', async () => {
    const out = await decode(
      renderImage({ width: 64, height: 48, format: 'PNG', seed: 1, prompt: 'cut out', alpha: true }),
    );
    expect(out.channels).toBe(4);
    const alphas = new Set<number>();
    for (let i = 3; i < out.data.length; i += 4) alphas.add(out.data[i] ?? -1);
    expect(alphas.has(0)).toBe(true);
    expect(alphas.has(255)).toBe(true);
  });

  it('JPG flattens a transparent background onto white', async () => {
    const png = await decode(
      renderImage({ width: 64, height: 64, format: 'PNG', seed: 1, prompt: 'x', alpha: true }),
    );
    const jpg = await decode(
      renderImage({ width: 64, height: 64, format: 'JPG', seed: 1, prompt: 'x', alpha: true }),
    );
    const i = png.data.findIndex((_, k) => k % 4 === 3 && png.data[k] === 0) - 3;
    expect(i).toBeGreaterThanOrEqual(0);
    const j = (i / 4) * 3;
    expect(jpg.data[j]).toBeGreaterThan(230);
    expect(jpg.data[j + 1]).toBeGreaterThan(230);
    expect(jpg.data[j + 2]).toBeGreaterThan(230);
  });

  it('JPG stays close to the PNG pixels', async () => {
    const spec = { width: 200, height: 120, seed: 99, prompt: 'mountains' };
    const png = await decode(renderImage({ ...spec, format: 'PNG' }));
    const jpg = await decode(renderImage({ ...spec, format: 'JPG' }));
    expect(meanAbsDiff(png.data, jpg.data, 3)).toBeLessThan(4);
  });

  it('encodes 2048x2048', async () => {
    for (const format of ['PNG', 'JPG'] as const) {
      const out = await sharp(
        renderImage({ width: 2048, height: 2048, format, seed: 3, prompt: 'big' }),
      ).metadata();
      expect([out.width, out.height]).toEqual([2048, 2048]);
    }
  });
});

describe('renderImage is deterministic and prompt/seed dependent', () => {
  for (const format of ['PNG', 'JPG'] as ImageFormat[]) {
    it(`${format}: same spec gives identical bytes, other prompt or seed other pixels`, async () => {
      const base = { width: 96, height: 64, format, seed: 42, prompt: 'a red fox' };
      expect(renderImage(base)).toEqual(renderImage({ ...base }));
      const a = await decode(renderImage(base));
      const otherSeed = await decode(renderImage({ ...base, seed: 43 }));
      const otherPrompt = await decode(renderImage({ ...base, prompt: 'a blue whale' }));
      expect(meanAbsDiff(a.data, otherSeed.data, 3)).toBeGreaterThan(10);
      expect(meanAbsDiff(a.data, otherPrompt.data, 3)).toBeGreaterThan(10);
    });
  }

  it('draws more than one colour', async () => {
    const out = await decode(
      renderImage({ width: 128, height: 128, format: 'PNG', seed: 5, prompt: 'colours' }),
    );
    const colours = new Set<number>();
    for (let i = 0; i < out.data.length; i += 3) {
      colours.add(((out.data[i] ?? 0) << 16) | ((out.data[i + 1] ?? 0) << 8) | (out.data[i + 2] ?? 0));
    }
    expect(colours.size).toBeGreaterThan(4);
  });
});

describe('JPEG Huffman tables (T.81 Annex K)', () => {
  it('cover every symbol a baseline encoder can emit', () => {
    const acSymbols = [0x00, 0xf0];
    for (let run = 0; run < 16; run++)
      for (let size = 1; size <= 10; size++) acSymbols.push((run << 4) | size);
    for (const table of [AC_LUMA, AC_CHROMA]) {
      expect(table.counts.reduce((a, b) => a + b, 0)).toBe(table.symbols.length);
      expect([...table.symbols].sort((a, b) => a - b)).toEqual(acSymbols.sort((a, b) => a - b));
    }
    for (const table of [DC_LUMA, DC_CHROMA]) {
      expect(table.counts.reduce((a, b) => a + b, 0)).toBe(12);
      expect([...table.symbols]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    }
  });
});

describe('renderSvg', () => {
  it('is a valid SVG of the requested size that sharp can rasterise', async () => {
    const bytes = renderSvg({ width: 300, height: 150, seed: 2, prompt: 'a "quoted" <prompt> & more\u0001' });
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150"')).toBe(true);
    expect(text).toContain('<title>a &#34;quoted&#34; &#60;prompt&#62; &#38; more</title>');
    const out = await decode(bytes);
    expect([out.width, out.height]).toEqual([300, 150]);
  });

  it('is deterministic and depends on seed and prompt', () => {
    const base = { width: 64, height: 64, seed: 1, prompt: 'p' };
    expect(renderSvg(base)).toEqual(renderSvg({ ...base }));
    expect(renderSvg(base)).not.toEqual(renderSvg({ ...base, seed: 2 }));
    expect(renderSvg(base)).not.toEqual(renderSvg({ ...base, prompt: 'q' }));
  });
});
