/** Made-up but stable prices in USD, so `includeCost` has numbers that react to the params. */
const baseCost: Record<string, number> = {
  imageInference: 0.0038,
  videoInference: 0.14,
  audioInference: 0.012,
  textInference: 0.00002,
  '3dInference': 0.08,
  upscale: 0.002,
  removeBackground: 0.0012,
  caption: 0.0006,
  vectorize: 0.004,
  promptEnhance: 0.0002,
  controlNetPreprocess: 0.0006,
  imageMasking: 0.0008,
  training: 1.5,
};

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function costOf(
  taskType: string,
  task: Record<string, unknown>,
  extra: { tokens?: number } = {},
): number {
  const base = baseCost[taskType] ?? 0.001;
  if (taskType === 'imageInference') {
    const width = typeof task.width === 'number' ? task.width : 1024;
    const height = typeof task.height === 'number' ? task.height : 1024;
    const steps = typeof task.steps === 'number' ? task.steps : 28;
    return round(base * ((width * height) / (1024 * 1024)) * Math.max(0.25, steps / 28));
  }
  if (taskType === 'videoInference') {
    const duration = typeof task.duration === 'number' ? task.duration : 5;
    return round(base * duration);
  }
  if (taskType === 'textInference') return round(base * (extra.tokens ?? 1));
  return round(base);
}
