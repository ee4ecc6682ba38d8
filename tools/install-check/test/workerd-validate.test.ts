import { useEmulator } from '@runware/emulator/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runInWorkerd } from '../src/workerd';

const bundles = inject('bundles');
const emulator = useEmulator({ beforeAll, afterAll });

interface Outcome {
  code?: string;
  rawCode?: string;
  parameter?: string;
  rules?: string[];
  resolved?: boolean;
  unexpected?: string;
}

describe('validate: true in workerd (no new Function: the precompiled validators)', () => {
  it('refuses an invalid curated task, schema-generic call and utility call before sending anything', async () => {
    if (!bundles.sdk) throw new Error('the global setup did not bundle the full SDK');
    const mark = await emulator.control.mark();
    const run = await runInWorkerd(bundles.sdk.single.outfile, {
      RUNWARE_API_KEY: emulator.apiKey,
      RUNWARE_BASE_URL: emulator.httpUrl,
      RUNWARE_SCHEMAS_URL: emulator.schemasUrl,
    });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    const report = run.body as {
      runtime: string;
      codeGeneration: string;
      uuids: { curated: string; generic: string; utility: string; valid: string };
      curated: Outcome;
      generic: Outcome;
      utility: Outcome;
      valid: { taskUUID: string; imageURL: string };
      warnings: string[];
    };
    expect(report.runtime).toBe('Cloudflare-Workers');
    // workerd forbids code generation: whatever validated here did not compile at run time.
    expect(report.codeGeneration).toMatch(/^EvalError: Code generation from strings disallowed/);

    // Client-side validation errors (ajv's, with their rules), naming the field.
    expect(report.curated).toEqual({
      code: 'validation',
      rawCode: 'validationFailed',
      parameter: 'outputType',
      rules: ['enum'],
    });
    // The schema /resolve gave for the community model is the bundled sdxl one: its precompiled
    // validator checks it, where runtime ajv could not run.
    expect(report.generic).toEqual({
      code: 'validation',
      rawCode: 'validationFailed',
      parameter: 'width',
      rules: ['type'],
    });
    expect(report.utility).toEqual({
      code: 'validation',
      rawCode: 'validationFailed',
      parameter: 'category',
      rules: ['enum'],
    });
    expect(report.warnings).toEqual([]);
    expect(report.valid.imageURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/.+/);

    // Nothing invalid reached the emulator, so validation did not silently skip.
    const sent = new Set((await mark.tasks()).map((task) => task.taskUUID));
    expect(sent.has(report.uuids.curated)).toBe(false);
    expect(sent.has(report.uuids.generic)).toBe(false);
    expect(sent.has(report.uuids.utility)).toBe(false);
    expect(sent.has(report.uuids.valid)).toBe(true);
  });
});
