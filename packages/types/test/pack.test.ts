import { describePackTest, standardShippedFiles } from '@runware/pack-check/vitest';
import { expect } from 'vitest';
import { packageRoot, pinned } from './snapshot';

describePackTest({
  packageDir: packageRoot,
  // The root, the schemas subpath and the raw snapshot (a JSON module) from both module systems.
  script: {
    imports: {
      '@runware/types': ['architectureTaskTypes', 'models', 'snapshotVersion'],
      '@runware/types/schemas': ['requestSchemas', 'utilityRequestSchemas'],
    },
    body: `
const { default: snapshot } = await import('@runware/types/api-snapshot.json', { with: { type: 'json' } });
return {
  models: Object.keys(models).length,
  flux: models['runware:400@1'],
  sdxl: architectureTaskTypes.sdxl,
  version: snapshotVersion,
  sdxlRequired: requestSchemas.sdxl.required,
  utilities: Object.keys(utilityRequestSchemas).sort(),
  snapshotModels: Object.keys(snapshot.models).length,
};
`,
  },
  expected: {
    models: 350,
    flux: {
      taskType: pinned.models['runware:400@1']?.taskType,
      id: pinned.models['runware:400@1']?.slug,
      slug: pinned.models['runware:400@1']?.slug,
    },
    sdxl: 'imageInference',
    version: pinned.snapshotVersion,
    sdxlRequired: expect.arrayContaining(['positivePrompt', 'width', 'height']),
    utilities: Object.keys(pinned.utilities).sort(),
    snapshotModels: 350,
  },
  // Type-checked as a user's code with Node's own module rules, so the exports map's `types`
  // conditions are exercised for both import and require.
  typed: {
    mts: `
import type { ModelResultMap, SchemaMap } from '@runware/types';
import { models } from '@runware/types';
import type { JsonSchema } from '@runware/types/schemas';
const url: ModelResultMap['runware:400@1']['imageURL'] = 'https://example.com/a.jpg';
const params: SchemaMap['sdxl']['params'] = { model: 'm', positivePrompt: 'p', width: 64, height: 64 };
const schema: JsonSchema = { type: 'object' };
// @ts-expect-error width is required
const missing: SchemaMap['sdxl']['params'] = { model: 'm', positivePrompt: 'p', height: 64 };
export const used = [url, params, schema, missing, models['runware:400@1'].taskType];
`,
    cts: `
import types = require('@runware/types');
import schemas = require('@runware/types/schemas');
const result: types.ModelResultMap['google:3@3'] = {
  taskType: 'videoInference',
  taskUUID: 't',
  videoUUID: 'v',
  videoURL: 'https://example.com/v.mp4',
};
export const used = [result, schemas.requestSchemas.sdxl, types.models['runware:400@1'].slug];
`,
  },
  ships: [...standardShippedFiles, 'schemas'],
});
