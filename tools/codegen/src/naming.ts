import type { SchemaSection } from './snapshot';

const digitWords = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];

/**
 * `sd-1-5` → `Sd15`, `upscale-image` → `UpscaleImage`, `modelSearch` → `ModelSearch`,
 * `3dInference` → `ThreeDInference` (an identifier cannot start with a digit).
 */
export function pascalCase(name: string): string {
  const joined = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  const lead = joined.match(/^\d/);
  if (!lead) return joined;
  const rest = joined.slice(1);
  return `${digitWords[Number(lead[0])]}${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
}

/**
 * The stem of the Params/Result type names of one snapshot entry. Modalities are named after their
 * task type (`image` → `ImageInference`) because that is how the API and the model list name them;
 * everything else after its key.
 */
export function typeStem(section: SchemaSection, key: string, taskType: string): string {
  return section === 'modalities' ? pascalCase(taskType) : pascalCase(key);
}

/** Name of the result type shared by every schema of a task type, e.g. `ImageMaskingResult`. */
export function taskResultName(taskType: string): string {
  return `${pascalCase(taskType)}Result`;
}

/** Name of the params type shared by every schema of a task type, e.g. `ImageMaskingParams`. */
export function taskParamsName(taskType: string): string {
  return `${pascalCase(taskType)}Params`;
}
