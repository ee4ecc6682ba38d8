import { type Rgb, type Scene, sceneFor } from './pattern';

/**
 * An SVG of the same scene the raster formats draw: a linear gradient background (smooth
 * here rather than banded) and the scene's shapes, with the prompt as the document title.
 */

function hex(c: Rgb): string {
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** Escapes markup characters and drops the control characters XML 1.0 forbids. */
function escapeXml(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) continue;
    out += '<>&"\''.includes(ch) ? `&#${code};` : ch;
  }
  return out;
}

const n = (v: number): string => Number(v.toFixed(2)).toString();

function ellipsePath(cx: number, cy: number, rx: number, ry: number): string {
  return `M${n(cx - rx)} ${n(cy)}a${n(rx)} ${n(ry)} 0 1 0 ${n(2 * rx)} 0a${n(rx)} ${n(ry)} 0 1 0 ${n(-2 * rx)} 0Z`;
}

function shapesMarkup(scene: Scene, width: number, height: number): string[] {
  const scale = Math.min(width, height);
  return scene.shapes.map((s) => {
    const cx = (s.cx + 0.04 * Math.sin(s.drift * 3)) * width;
    const cy = (s.cy + 0.04) * height;
    const ry = Math.max(0.5, s.size * scale);
    const rx = ry * s.aspect;
    const fill = hex(s.color);
    switch (s.kind) {
      case 'circle':
        return `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" fill="${fill}"/>`;
      case 'ring':
        return `<path fill-rule="evenodd" fill="${fill}" d="${ellipsePath(cx, cy, rx, ry)}${ellipsePath(cx, cy, rx * 0.6, ry * 0.6)}"/>`;
      case 'rect':
        return `<rect x="${n(cx - rx)}" y="${n(cy - ry)}" width="${n(2 * rx)}" height="${n(2 * ry)}" fill="${fill}"/>`;
      default:
        return `<polygon points="${n(cx)},${n(cy - ry)} ${n(cx + rx)},${n(cy)} ${n(cx)},${n(cy + ry)} ${n(cx - rx)},${n(cy)}" fill="${fill}"/>`;
    }
  });
}

export function encodeSvg(width: number, height: number, seed: number, prompt: string): Uint8Array {
  const scene = sceneFor(prompt, seed);
  const dx = Math.cos(scene.angle) / 2;
  const dy = Math.sin(scene.angle) / 2;
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeXml(prompt)}</title>`,
    `<defs><linearGradient id="bg" x1="${n(0.5 - dx)}" y1="${n(0.5 - dy)}" x2="${n(0.5 + dx)}" y2="${n(0.5 + dy)}">`,
    `<stop offset="0" stop-color="${hex(scene.from)}"/><stop offset="1" stop-color="${hex(scene.to)}"/>`,
    '</linearGradient></defs>',
    `<rect width="${width}" height="${height}" fill="url(#bg)"/>`,
    ...shapesMarkup(scene, width, height),
    '</svg>',
  ];
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}
