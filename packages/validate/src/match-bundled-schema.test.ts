import { requestSchemas } from '@runware/types/schemas';
import { describe, expect, it } from 'vitest';
import { requestValidators } from './generated/index';
import { matchBundledSchema, sameJson } from './match-bundled-schema';

describe('sameJson', () => {
  it('ignores key order, nothing else', () => {
    expect(sameJson({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ 0: 'a' }, ['a'])).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson({ a: { b: 1 } }, { a: { b: '1' } })).toBe(false);
  });
});

describe('matchBundledSchema', () => {
  it('finds the bundled schema a fetched one equals, even re-serialized with other key order', async () => {
    // Every object's keys in reverse order, as another serializer may write them.
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([key, inner]) => [key, reverseKeys(inner)]),
            )
          : value;
    const reordered = reverseKeys(requestSchemas.sdxl);
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(requestSchemas.sdxl));
    const match = await matchBundledSchema(reordered, requestValidators);
    // sdxl and its architecture siblings may share one schema; any key with an equal schema is right.
    expect(
      match && sameJson(requestSchemas[match.key as keyof typeof requestSchemas], requestSchemas.sdxl),
    ).toBe(true);
    const check = (await match?.load())?.default as (data: unknown) => boolean;
    expect(check({ model: 'civitai:1@1', positivePrompt: 'a', width: 'wide', height: 512 })).toBe(false);
  });

  it('finds none for a schema that differs anywhere', async () => {
    const changed = structuredClone(requestSchemas.sdxl) as { required: string[] };
    changed.required = [...changed.required, 'somethingNew'];
    expect(await matchBundledSchema(changed, requestValidators)).toBeUndefined();
    expect(await matchBundledSchema({ type: 'object' }, requestValidators)).toBeUndefined();
  });
});
