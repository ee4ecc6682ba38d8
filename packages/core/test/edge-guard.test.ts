import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import {
  edgeGuard,
  forbiddenImports,
  guardedPath,
  importError,
  isNodeBuiltin,
  shadowNodeGlobals,
  shadowPrefix,
} from './support/edge-guard';

const srcDir = fileURLToPath(new URL('../src', import.meta.url));

/** The plugin's transform hook, called as vite would for the module `id`. */
function transform(code: string, id: string): unknown {
  const hook = edgeGuard({ srcDir }).transform as (code: string, id: string) => unknown;
  return hook.call({}, code, id);
}

/** Runs a module body (no imports) after the guard's transform, as a function body. */
function runGuarded(body: string): unknown {
  const result = transform(body, join(srcDir, 'config', 'sample.ts')) as { code: string };
  return new Function(result.code)();
}

describe('the edge project', () => {
  it('runs on edge-runtime globals with the guard on, and only there', ({ task }) => {
    const edge = task.file.projectName === 'edge';
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime === 'string').toBe(edge);
    expect(inject('edgeGuardSrcDir')).toBe(edge ? srcDir : undefined);
  });
});

describe('edge guard: imports', () => {
  it('knows the Node built-ins, prefixed or bare, and nothing else', () => {
    for (const name of ['node:fs', 'fs', 'fs/promises', 'http', 'crypto', 'node:test', 'path/posix']) {
      expect(isNodeBuiltin(name), name).toBe(true);
    }
    for (const name of ['@runware/types', 'eventsource-parser', './fs', '../http', 'fsevents']) {
      expect(isNodeBuiltin(name), name).toBe(false);
    }
  });

  it("fails a src module that imports 'node:fs', naming the file and line", () => {
    const code =
      "export const a = 1;\nimport { readFileSync } from 'node:fs';\nexport const b = readFileSync;\n";
    expect(() => transform(code, join(srcDir, 'media', 'read.ts'))).toThrow(
      '[edge-guard] src/media/read.ts:2 imports the Node built-in "node:fs".',
    );
  });

  it('finds every form of import, and Node-only packages', () => {
    const code = [
      "import 'fs';",
      "export * from 'path';",
      "import type { Readable } from 'node:stream';",
      "const later = () => import('http');",
      "const old = require('os');",
      "import WebSocket from 'ws';",
      "import { createRunwareError } from '@runware/types';",
      "import { sniffMimeType } from './sniff-mime';",
    ].join('\n');
    expect(forbiddenImports(code)).toEqual([
      { specifier: 'fs', line: 1 },
      { specifier: 'path', line: 2 },
      { specifier: 'node:stream', line: 3 },
      { specifier: 'http', line: 4 },
      { specifier: 'os', line: 5 },
      { specifier: 'ws', line: 6 },
    ]);
    expect(importError("import WebSocket from 'ws';", 'src/x.ts')?.message).toContain(
      'imports the Node-only package "ws"',
    );
  });

  it('ignores imports in comments and strings', () => {
    const code = "// import 'node:fs'\n/* require('os') */\nexport const hint = \"import 'http'\";\n";
    expect(forbiddenImports(code)).toEqual([]);
    expect(importError(code, 'src/x.ts')).toBeUndefined();
  });
});

describe('edge guard: Node-only globals', () => {
  it('makes a bare process.env or Buffer fail in src', () => {
    expect(() => runGuarded('return process.env.RUNWARE_API_KEY;')).toThrow(TypeError);
    expect(() => runGuarded("return Buffer.from('x');")).toThrow(TypeError);
    expect(() => runGuarded("return require('./local');")).toThrow(TypeError);
    expect(
      runGuarded('return [typeof process, typeof Buffer, typeof setImmediate, typeof __dirname];'),
    ).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });

  it('leaves feature detection through globalThis working', () => {
    expect(runGuarded('return typeof globalThis.process?.versions?.node;')).toBe('string');
  });

  it('keeps every line where it was', () => {
    const code = 'const a = 1;\n\nexport const b = a;\n';
    const shadowed = shadowNodeGlobals(code);
    expect(shadowed.split('\n')).toHaveLength(code.split('\n').length);
    expect(shadowed.split('\n').slice(1)).toEqual(code.split('\n').slice(1));
    expect(shadowPrefix).not.toContain('\n');
  });
});

describe('edge guard: which files', () => {
  it('guards runtime code under src only', () => {
    expect(guardedPath(join(srcDir, 'config', 'ambient-env.ts'), srcDir)).toBe(
      join('config', 'ambient-env.ts'),
    );
    expect(guardedPath(`${join(srcDir, 'index.ts')}?v=1`, srcDir)).toBe('index.ts');
    for (const id of [
      join(srcDir, 'config', 'ambient-env.test.ts'),
      join(srcDir, 'types.test-d.ts'),
      join(srcDir, '..', 'test', 'edge-guard.test.ts'),
      join(srcDir, '..', 'node_modules', 'eventsource-parser', 'dist', 'index.js'),
      join(srcDir, '..', '..', 'emulator', 'dist', 'index.js'),
      join(srcDir, 'data.json'),
    ]) {
      expect(guardedPath(id, srcDir), id).toBeUndefined();
    }
    expect(transform("import { readFileSync } from 'node:fs';", join(srcDir, 'x.test.ts'))).toBeNull();
  });
});
