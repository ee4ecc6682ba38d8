import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('sdkVersion', () => {
  it('is the package.json version in the build, so the User-Agent never goes stale', async () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const built = (await import('../dist/index.js')) as { sdkVersion: string };
    expect(built.sdkVersion).toBe(manifest.version);
  });
});
