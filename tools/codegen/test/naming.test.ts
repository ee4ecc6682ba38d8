import { describe, expect, it } from 'vitest';
import { pascalCase, taskResultName, typeStem } from '../src/naming';

describe('naming', () => {
  it.each([
    ['sdxl', 'Sdxl'],
    ['sd-1-5', 'Sd15'],
    ['flux-1-kontext-dev', 'Flux1KontextDev'],
    ['upscale-image', 'UpscaleImage'],
    ['modelSearch', 'ModelSearch'],
    ['3dInference', 'ThreeDInference'],
    ['3d', 'ThreeD'],
    ['z-image-turbo', 'ZImageTurbo'],
  ])('%s → %s', (input, expected) => {
    expect(pascalCase(input)).toBe(expected);
  });

  it('names modalities after their task type and everything else after its key', () => {
    expect(typeStem('modalities', 'image', 'imageInference')).toBe('ImageInference');
    expect(typeStem('modalities', '3d', '3dInference')).toBe('ThreeDInference');
    expect(typeStem('operations', 'masking', 'imageMasking')).toBe('Masking');
    expect(typeStem('architectures', 'sdxl', 'imageInference')).toBe('Sdxl');
  });

  it('derives the result type names the snapshot model list uses', () => {
    expect(taskResultName('controlNetPreprocess')).toBe('ControlNetPreprocessResult');
    expect(taskResultName('3dInference')).toBe('ThreeDInferenceResult');
  });
});
