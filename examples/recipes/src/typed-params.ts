/** Typed params from a schema key: `run<'sdxl'>()` and `run<'upscale-image'>()`. */
import { createClient } from '@runware/sdk';
import { runRecipe } from './support/run-recipe';
import { clientConfig } from './support/target';

await runRecipe(async (target) => {
  await using client = await createClient(clientConfig(target));

  // The generic picks the SDXL schema: params and the result are typed from it.
  const [image] = await client.run<'sdxl'>({
    model: 'civitai:133005@782002',
    taskType: 'imageInference', // a community model: see community-model.ts
    positivePrompt: 'A professional headshot, studio light',
    width: 1024,
    height: 1024,
    scheduler: 'DPM++ 2M Karras',
    // scheduler: 'Euler Fancy',  ← compile error: not one of SDXL's schedulers
    // width: '1024',             ← compile error: width is a number
    // positivePromt: '…',        ← a typo is still accepted at compile time (schemas are open);
    //                              `validate: true` catches it at run time
  });
  if (!image) throw new Error('no image');
  // image: SdxlResult, so imageURL is a string here, not unknown.
  console.log(`sdxl: ${image.imageURL}`);

  // An operation key: upscaling an image. `inputs.image` is required by the type.
  const [upscaled] = await client.run<'upscale-image'>({
    model: 'runware:504@1',
    inputs: { image: image.imageURL },
    outputFormat: 'PNG',
    // outputFormat: 'GIF',       ← compile error: 'JPG' | 'PNG' | 'WEBP'
  });
  // The API snapshot lists only video* fields for upscale results; image inputs come back with
  // image* fields, so read both (see the emulator README, "Upscale field family").
  const item: { imageURL?: unknown; videoURL?: string } = upscaled ?? {};
  console.log(`upscaled: ${String(item.imageURL ?? item.videoURL)}`);
});
