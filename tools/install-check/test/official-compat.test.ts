import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { useEmulator } from '@runware/emulator/testing';
import { type ExecResult, exec } from '@runware/pack-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

// Code written for the official SDK 1.6 (consumers/official-compat: one named check per row of
// OFFICIAL-SDK-SURFACE.md), installed from our tarballs outside the workspace, compiled by tsc to an
// ES module and a CommonJS build, run on Node against the emulator, and type-checked under
// `module: nodenext` and `moduleResolution: bundler`. A failure lists the rows that broke.

interface Report {
  total: number;
  passed: string[];
  failed: { name: string; error: string }[];
  slow: { name: string; ms: number }[];
}

const dir = inject('officialCompatDir');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const emulator = useEmulator({ beforeAll, afterAll }, { tokenDelayMs: 1 });
const typecheck = (tsconfig: string): Promise<ExecResult> =>
  exec(process.execPath, [tsc, '-p', tsconfig, '--pretty', 'false'], dir, 180_000);

/**
 * tsc's diagnostics, one line each (continuation lines folded in), each prefixed with the check it
 * falls in (the nearest `check('…'` above it, `${row}` filled in) and followed by its source line.
 */
async function diagnostics(result: ExecResult): Promise<string[]> {
  const lines = `${result.stdout}${result.stderr}`
    .split(/\n(?=\S)/)
    .map((line) => line.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
  return Promise.all(
    lines.map(async (line) => {
      const at = /^(.+?)\((\d+),\d+\): /.exec(line);
      if (!at?.[1] || !at[2]) return line;
      const source = (await readFile(join(dir, at[1]), 'utf8').catch(() => '')).split('\n');
      const index = Number(at[2]) - 1;
      const row = /const row = '([^']+)'/.exec(source.join('\n'))?.[1] ?? '';
      const before = source.slice(0, index + 1).join('\n');
      const names = [...before.matchAll(/check\(\s*(`[^`]*`|'[^']*')/g)].map((m) => m[1] ?? '');
      const last = names.at(-1);
      const name = last ? last.slice(1, -1).replace(/\$\{row\}/, row) : at[1].replace(/^(esm|cjs)\//, '');
      return `[${name}] ${line} | ${source[index]?.trim() ?? ''}`;
    }),
  );
}

const saved: Record<string, string | undefined> = {};
let nodenext: ExecResult;
let bundler: Promise<ExecResult>;

beforeAll(async () => {
  const sdk = JSON.parse(await readFile(join(dir, 'node_modules/@runware/sdk/package.json'), 'utf8')) as {
    version: string;
  };
  const env: Record<string, string> = {
    RUNWARE_API_KEY: emulator.apiKey,
    RUNWARE_HTTP_URL: emulator.httpUrl,
    RUNWARE_WS_URL: emulator.wsUrl,
    RUNWARE_SCHEMAS_URL: emulator.schemasUrl,
    RUNWARE_CONTENT_URL: emulator.contentUrl,
    RUNWARE_SDK_PACKAGE_VERSION: sdk.version,
  };
  // The consumer's processes inherit this process's environment (pack-check's exec).
  for (const [name, value] of Object.entries(env)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
  // Type-checks esm/ and cjs/ and emits the JavaScript both runs need (tsc emits despite errors).
  nodenext = await typecheck('tsconfig.nodenext.json');
  // Checked while the runs below wait on the emulator.
  bundler = typecheck('tsconfig.bundler.json');
}, 240_000);

afterAll(async () => {
  await bundler?.catch(() => undefined);
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function runChecks(entry: string): Promise<Report> {
  const run = await exec(process.execPath, [entry], dir, 180_000);
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  let report: Report | undefined;
  try {
    report = JSON.parse(last) as Report;
  } catch {
    // no report: the assertion below shows what the process printed
  }
  expect(report, `exit ${run.code}\n${run.stdout}\n${run.stderr}`).toBeDefined();
  return report as Report;
}

describe('code written for the official SDK 1.6, against @runware/sdk from its tarballs', () => {
  it('type-checks with tsc strict under module: nodenext (as an ES module and as CommonJS)', async () => {
    expect(await diagnostics(nodenext)).toEqual([]);
    expect(nodenext.code).toBe(0);
  });

  it.each([
    ['ESM', 'esm/run-checks.js'],
    ['CommonJS', 'cjs/run-checks.js'],
  ])(
    'passes every check of the facts sheet on Node %s',
    async (_format, entry) => {
      const report = await runChecks(entry);
      expect(report.failed.map(({ name, error }) => `${name} — ${error}`)).toEqual([]);
      expect(report.total).toBeGreaterThanOrEqual(60);
    },
    180_000,
  );

  it('type-checks with tsc strict under moduleResolution: bundler', async () => {
    const result = await bundler;
    expect(await diagnostics(result)).toEqual([]);
    expect(result.code).toBe(0);
  }, 180_000);
});
