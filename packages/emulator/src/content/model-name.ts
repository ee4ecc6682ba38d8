/**
 * A readable model name from a slug: `alibaba-qwen3-5-27b` → "Qwen3.5 27B",
 * `klingai-video-3-0-pro` → "Kling AI Video 3.0 Pro". Version digits split by the slug's dashes are
 * joined with dots; known words get their usual spelling.
 */

const SPELLING: Readonly<Record<string, string>> = {
  '3d': '3D',
  '4k': '4K',
  ai: 'AI',
  bae: 'BAE',
  birefnet: 'BiRefNet',
  ccsr: 'CCSR',
  clip: 'CLIP',
  cod: 'COD',
  controlnet: 'ControlNet',
  deepseek: 'DeepSeek',
  dhu: 'DHU',
  dis: 'DIS',
  esrgan: 'ESRGAN',
  flux: 'FLUX',
  fp16: 'FP16',
  glm: 'GLM',
  gpt: 'GPT',
  heygen: 'HeyGen',
  hidream: 'HiDream',
  hrsod: 'HRSOD',
  hunyuanimage: 'HunyuanImage',
  imagineart: 'ImagineArt',
  iv: 'IV',
  klingai: 'Kling AI',
  kv: 'KV',
  llava: 'LLaVA',
  lora: 'LoRA',
  ltx: 'LTX',
  mediapipe: 'MediaPipe',
  minimax: 'MiniMax',
  mlsd: 'MLSD',
  normalbae: 'NormalBAE',
  omnihuman: 'OmniHuman',
  openpose: 'OpenPose',
  pixverse: 'PixVerse',
  prunaai: 'Pruna AI',
  rembg: 'Rembg',
  rmbg: 'RMBG',
  rundiffusion: 'RunDiffusion',
  sam: 'SAM',
  sd: 'SD',
  sdxl: 'SDXL',
  sfx: 'SFX',
  sft: 'SFT',
  srpo: 'SRPO',
  swinir: 'SwinIR',
  topazlabs: 'Topaz Labs',
  tts: 'TTS',
  twinflow: 'TwinFlow',
  vae: 'VAE',
  veed: 'VEED',
  vit: 'ViT',
  vl: 'VL',
  vto: 'VTO',
  xai: 'xAI',
  xl: 'XL',
  yolov8n: 'YOLOv8n',
  yolov8s: 'YOLOv8s',
};

function spell(word: string): string {
  const known = Object.hasOwn(SPELLING, word) ? SPELLING[word] : undefined;
  if (known !== undefined) return known;
  // Parameter counts: 27b → 27B.
  if (/^\d+(\.\d+)?b$/.test(word)) return word.toUpperCase();
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Dash-separated words of a slug with split version numbers joined: `gen-4-5` → `gen 4.5`,
 * `qwen3-5` → `qwen3.5`, `v1-0` → `v1.0`. A number joins the word before it when that word ends in
 * a digit and is a bare number or a short name with a trailing number (not `3d` or `8b`).
 */
function words(slug: string): string[] {
  const out: string[] = [];
  for (const word of slug.split('-')) {
    if (word === '') continue;
    const last = out[out.length - 1];
    if (last !== undefined && /^\d+$/.test(word) && /^(\d+(\.\d+)*|[a-z]+\d+(\.\d+)*)$/.test(last)) {
      out[out.length - 1] = `${last}.${word}`;
    } else {
      out.push(word);
    }
  }
  return out;
}

/**
 * The display name of a model. `dropPrefix` is the vendor word to leave out (the creator is a
 * separate field), used only when a product word follows it: `openai-gpt-image-1` drops `openai`,
 * `klingai-1-0-pro` keeps `klingai`.
 */
export function nameFromSlug(slug: string, dropPrefix?: string): string {
  let parts = words(slug.toLowerCase());
  const next = parts[1];
  if (dropPrefix !== undefined && parts[0] === dropPrefix && next !== undefined && /^[a-z]/.test(next)) {
    parts = parts.slice(1);
  }
  return parts.map(spell).join(' ');
}
