import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixturePath } from '../test/fixture';
import { runValidatorCodegen } from './run-validator-codegen';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'runware-validate-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('runValidatorCodegen', () => {
  it('writes the validators, then --check passes until a file goes stale', async () => {
    const logs: string[] = [];
    const log = (line: string) => logs.push(line);
    const written = await runValidatorCodegen({ root, snapshot: fixturePath, log });
    expect(written.files).toContain('index.ts');
    expect(await runValidatorCodegen({ root, snapshot: fixturePath, check: true })).toMatchObject({
      ok: true,
      problems: [],
    });
    await writeFile(join(root, 'src', 'generated', 'request-image.ts'), '// hand edit\n');
    await writeFile(join(root, 'src', 'generated', 'leftover.ts'), 'export {};\n');
    const checked = await runValidatorCodegen({ root, snapshot: fixturePath, check: true, log });
    expect(checked.problems).toEqual([
      'src/generated/request-image.ts is stale',
      'src/generated/leftover.ts is not produced by the generator',
    ]);
    expect(logs.at(-1)).toContain('run `pnpm --filter @runware/validate codegen`');
  });

  it('reads the snapshot @runware/types pins when none is given', async () => {
    const types = join(root, 'node_modules', '@runware', 'types');
    await mkdir(types, { recursive: true });
    await cp(fixturePath, join(types, 'api-snapshot.json'));
    await writeFile(
      join(types, 'package.json'),
      JSON.stringify({ name: '@runware/types', exports: { './api-snapshot.json': './api-snapshot.json' } }),
    );
    const result = await runValidatorCodegen({ root });
    expect(result.snapshotVersion).toBe('fixture-1');
  });
});
