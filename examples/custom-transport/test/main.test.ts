import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('src/main.ts (the demo)', () => {
  it('runs an image task and a text stream through the signing proxy, and shows a forged client refused', async () => {
    const env = { ...process.env };
    delete env.RUNWARE_API_KEY;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
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
