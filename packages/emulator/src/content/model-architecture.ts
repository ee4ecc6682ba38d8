/**
 * The architecture of a curated model, from its AIR and slug. Shared by the content service
 * (`Model.architecture`) and modelSearch, so both report the same family for the same model.
 */

/** AIR sources whose models Runware runs on its own GPUs from open weights. */
const HOSTED_SOURCES: ReadonlySet<string> = new Set(['runware', 'civitai', 'rundiffusion']);

/** Architecture ids (as in the API snapshot) of open-weights families, by slug. */
const ARCHITECTURES: readonly (readonly [RegExp, string])[] = [
  [/flux-1-schnell/, 'flux-1-schnell'],
  [/flux-1-kontext-dev/, 'flux-1-kontext-dev'],
  [/flux-1-(krea-|fill-)?dev|juggernaut-.*flux/, 'flux-1-dev'],
  [/flux-2-(dev|klein)/, 'flux-2'],
  [/z-image-turbo/, 'z-image-turbo'],
  [/z-image|juggernaut-z/, 'z-image'],
  [/stable-diffusion-xl|sdxl/, 'sdxl'],
  [/stable-diffusion-3/, 'sd-3'],
  [/qwen-image/, 'qwen-image'],
  [/hidream-i1/, 'hidream-i1'],
];

/** Whether Runware hosts the model itself (open weights), from the AIR's source. */
export function isHostedAir(air: string): boolean {
  return HOSTED_SOURCES.has((air.split(':')[0] ?? '').toLowerCase());
}

/** The open-weights family of a hosted model; undefined for closed, provider-run models. */
export function architectureOf(air: string, slug: string): string | undefined {
  if (!isHostedAir(air)) return undefined;
  return ARCHITECTURES.find(([pattern]) => pattern.test(slug))?.[1];
}
