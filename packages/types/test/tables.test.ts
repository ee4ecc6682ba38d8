import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  architectureTaskTypes,
  modalityTaskTypes,
  models,
  operationTaskTypes,
  snapshotVersion,
  taskTypeSchemaKeys,
} from '../src/index';
import { requestSchemas, utilityRequestSchemas } from '../src/schemas';
import { pinned } from './snapshot';

const taskTypesOf = (section: Record<string, { taskType: string }>) =>
  Object.fromEntries(Object.entries(section).map(([key, entry]) => [key, entry.taskType]));

describe('runtime tables match the pinned snapshot', () => {
  it('lists every curated model with its task type and slug (also as `id`, the official name)', () => {
    expect(Object.keys(models)).toHaveLength(350);
    const expected = Object.fromEntries(
      Object.entries(pinned.models).map(([air, m]) => [
        air,
        { taskType: m.taskType, id: m.slug, slug: m.slug },
      ]),
    );
    expect(models).toEqual(expected);
  });

  it('maps architectures, modalities and operations to task types', () => {
    expect(architectureTaskTypes).toEqual(taskTypesOf(pinned.architectures));
    expect(modalityTaskTypes).toEqual(taskTypesOf(pinned.modalities));
    expect(operationTaskTypes).toEqual(taskTypesOf(pinned.operations));
  });

  it('names a canonical schema of the same task type for every task type', () => {
    const all = { ...pinned.architectures, ...pinned.modalities, ...pinned.operations, ...pinned.utilities };
    const taskTypes = new Set(Object.values(all).map((e) => e.taskType));
    expect(new Set(Object.keys(taskTypeSchemaKeys))).toEqual(taskTypes);
    for (const [taskType, key] of Object.entries(taskTypeSchemaKeys)) {
      expect(all[key]?.taskType, `${taskType} → ${key}`).toBe(taskType);
    }
    expect(taskTypeSchemaKeys.imageInference).toBe('image');
    expect(taskTypeSchemaKeys.upscale).toBe('upscale');
    expect(taskTypeSchemaKeys.imageMasking).toBe('masking');
  });

  it('carries the snapshot version, and the pinned metadata agrees with the pinned file', () => {
    expect(snapshotVersion).toBe(pinned.snapshotVersion);
    const meta = JSON.parse(readFileSync(new URL('../schemas/snapshot-meta.json', import.meta.url), 'utf8'));
    const text = readFileSync(new URL('../schemas/api-snapshot.json', import.meta.url));
    expect(meta.snapshotVersion).toBe(pinned.snapshotVersion);
    expect(meta.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });
});

describe('request schemas entry', () => {
  it('holds every request schema unchanged', () => {
    const expected: Record<string, unknown> = {};
    for (const section of [pinned.architectures, pinned.modalities, pinned.operations]) {
      for (const [key, entry] of Object.entries(section)) expected[key] = entry.requestSchema;
    }
    expect(requestSchemas).toEqual(expected);
    expect(utilityRequestSchemas).toEqual(
      Object.fromEntries(Object.entries(pinned.utilities).map(([k, e]) => [k, e.requestSchema])),
    );
  });

  it('requires positivePrompt, width and height for sdxl', () => {
    expect(requestSchemas.sdxl.required).toEqual(
      expect.arrayContaining(['positivePrompt', 'width', 'height']),
    );
  });
});
