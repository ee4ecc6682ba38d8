import { type Consumer, consumerTsconfig, createConsumer } from '@runware/pack-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot, pinned } from './snapshot';

const esm = `
import { models, snapshotVersion, architectureTaskTypes } from '@runware/types';
import { requestSchemas } from '@runware/types/schemas';
import snapshot from '@runware/types/api-snapshot.json' with { type: 'json' };
console.log(JSON.stringify({
  models: Object.keys(models).length,
  sdxl: architectureTaskTypes.sdxl,
  version: snapshotVersion,
  sdxlRequired: requestSchemas.sdxl.required,
  snapshotModels: Object.keys(snapshot.models).length,
}));
`;

const cjs = `
const types = require('@runware/types');
const { utilityRequestSchemas } = require('@runware/types/schemas');
console.log(JSON.stringify({
  models: Object.keys(types.models).length,
  flux: types.models['runware:400@1'],
  version: types.snapshotVersion,
  utilities: Object.keys(utilityRequestSchemas).sort(),
}));
`;

// Type-checked as a user's code with Node's own module rules, so the exports map's `types`
// conditions are exercised for both import and require.
const typedEsm = `
import type { ModelResultMap, SchemaMap } from '@runware/types';
import { models } from '@runware/types';
import type { JsonSchema } from '@runware/types/schemas';
const url: ModelResultMap['runware:400@1']['imageURL'] = undefined;
const params: SchemaMap['sdxl']['params'] = { model: 'm', positivePrompt: 'p', width: 64, height: 64 };
const schema: JsonSchema = { type: 'object' };
// @ts-expect-error width is required
const missing: SchemaMap['sdxl']['params'] = { model: 'm', positivePrompt: 'p', height: 64 };
export const used = [url, params, schema, missing, models['runware:400@1'].taskType];
`;
const typedCjs = `
import types = require('@runware/types');
import schemas = require('@runware/types/schemas');
const result: types.ModelResultMap['google:3@3'] = { taskType: 'videoInference', taskUUID: 't', videoUUID: 'v' };
export const used = [result, schemas.requestSchemas.sdxl, types.models['runware:400@1'].slug];
`;

describe('packed @runware/types installed outside the workspace', () => {
  let consumer: Consumer;

  beforeAll(async () => {
    consumer = await createConsumer({
      packages: [packageRoot],
      files: {
        'esm.mjs': esm,
        'cjs.cjs': cjs,
        'typed.mts': typedEsm,
        'typed.cts': typedCjs,
        'tsconfig.json': consumerTsconfig(),
      },
    });
  });
  afterAll(() => consumer?.cleanup());

  it('ships only what users need', () => {
    expect(consumer.packed[0]?.name).toBe('@runware/types');
  });

  it('loads with import', async () => {
    const run = await consumer.node('esm.mjs');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      models: 350,
      sdxl: 'imageInference',
      version: pinned.snapshotVersion,
      sdxlRequired: expect.arrayContaining(['positivePrompt', 'width', 'height']),
      snapshotModels: 350,
    });
  });

  it('loads with require', async () => {
    const run = await consumer.node('cjs.cjs');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      models: 350,
      flux: {
        taskType: pinned.models['runware:400@1']?.taskType,
        slug: pinned.models['runware:400@1']?.slug,
      },
      version: pinned.snapshotVersion,
      utilities: Object.keys(pinned.utilities).sort(),
    });
  });

  it('type-checks for ESM and CJS consumers under Node module resolution', async () => {
    const run = await consumer.typecheck();
    expect(run.stdout + run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
