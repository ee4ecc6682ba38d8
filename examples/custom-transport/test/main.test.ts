import { fileURLToPath } from 'node:url';
import { exec } from '@runware/pack-check';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
// Run as a user would, against the in-process emulator: no RUNWARE_API_KEY.
delete process.env.RUNWARE_API_KEY;

describe('src/main.ts (the demo)', () => {
  it('runs an image task and a text stream through the signing proxy, and shows a forged client refused', async () => {
    const { code, stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'src/main.ts'], root);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Signing proxy http:\/\/127\.0\.0\.1:\d+\/v1 → the local emulator$/m);
    expect(stdout).toMatch(/^1\. Image: http:\/\/127\.0\.0\.1:\d+\/media\/[0-9a-f-]+\.jpg$/m);
    expect(stdout).toMatch(/^2\. Streaming: Emulated answer .+\n {3}\(finish: (stop|length)\)$/m);
    expect(stdout).toMatch(/^3\. Wrong secret: refused \(auth, invalidCredentials\)$/m);
    // The client side never printed (or held) the key.
    expect(stdout).not.toContain('runware-emulator-key');
  }, 60_000);
});
