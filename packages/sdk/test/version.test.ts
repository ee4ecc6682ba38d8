import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('sdkVersion', () => {
  it('is the package.json version in the build, so the User-Agent never goes stale', async () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    // Loaded at run time only: typecheck may run before this package is built.
    const distUrl = new URL('../dist/index.js', import.meta.url).href;
    const built = (await import(/* @vite-ignore */ distUrl)) as { sdkVersion: string };
    expect(built.sdkVersion).toBe(manifest.version);
  });
});
