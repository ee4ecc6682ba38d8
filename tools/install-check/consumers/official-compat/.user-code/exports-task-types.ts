// architectureTaskTypes, modalityTaskTypes, operationTaskTypes: schema key → taskType.
import { architectureTaskTypes, modalityTaskTypes, operationTaskTypes } from '@runware/sdk';
import { type Check, check, equal } from './harness.js';

export const checks: Check[] = [
  check('export architectureTaskTypes › sdxl → imageInference', () => {
    const table: Record<string, string> = architectureTaskTypes;
    equal(table.sdxl, 'imageInference', 'architectureTaskTypes.sdxl');
    equal(table['flux-1-dev'], 'imageInference', "architectureTaskTypes['flux-1-dev']");
  }),
  check('export modalityTaskTypes › image, video, audio, text, 3d', () => {
    const table: Record<string, string> = modalityTaskTypes;
    equal(table.image, 'imageInference', 'modalityTaskTypes.image');
    equal(table.video, 'videoInference', 'modalityTaskTypes.video');
    equal(table.audio, 'audioInference', 'modalityTaskTypes.audio');
    equal(table.text, 'textInference', 'modalityTaskTypes.text');
    equal(table['3d'], '3dInference', "modalityTaskTypes['3d']");
  }),
  check('export operationTaskTypes › upscale-image → upscale, masking → imageMasking', () => {
    const table: Record<string, string> = operationTaskTypes;
    equal(table['upscale-image'], 'upscale', "operationTaskTypes['upscale-image']");
    equal(table.masking, 'imageMasking', 'operationTaskTypes.masking');
    equal(
      table['controlnet-preprocess'],
      'controlNetPreprocess',
      "operationTaskTypes['controlnet-preprocess']",
    );
  }),
];
