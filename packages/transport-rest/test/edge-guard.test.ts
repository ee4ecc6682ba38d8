import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { importError } from '../../core/test/support/edge-guard';

// The guard itself is tested in @runware/core (test/edge-guard.test.ts); this checks it is wired here.
describe('the edge project', () => {
  it('runs on edge-runtime globals with the guard on this package’s src, and only there', ({ task }) => {
    const edge = task.file.projectName === 'edge';
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime === 'string').toBe(edge);
    expect(inject('edgeGuardSrcDir')).toBe(
      edge ? fileURLToPath(new URL('../src', import.meta.url)) : undefined,
    );
  });

  it('rejects an import of undici, which src may only load dynamically on Node', () => {
    expect(importError("import { Agent } from 'undici';", 'src/http/fetch-resolver.ts')?.message).toContain(
      'src/http/fetch-resolver.ts:1 imports the Node-only package "undici"',
    );
  });
});
