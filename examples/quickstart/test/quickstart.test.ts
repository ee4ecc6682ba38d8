import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exec } from '@runware/pack-check';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
// Run as a user would, against the in-process emulator: no RUNWARE_API_KEY.
delete process.env.RUNWARE_API_KEY;

describe('examples/quickstart (the README demo)', () => {
  it('runs against the in-process emulator: saves an image, streams, runs tasks concurrently, prints a summary', async () => {
    const { code, stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'src/main.ts'], root);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('talking to the local emulator');
    const saved = /Image saved: (\S+) \((\d+) bytes\)/.exec(stdout);
    expect(saved).not.toBeNull();
    const file = saved?.[1] ?? '';
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).size).toBe(Number(saved?.[2]));
    expect(stdout).toMatch(/2\. Streaming: Emulated answer/);
    expect(stdout).toMatch(/3\. Concurrent tasks: 5\/5 results/);
    expect(stdout).toMatch(
      /Summary: 1 image saved, 1 streamed answer, 5\/5 concurrent results, 0 failed, cost \$\d+\.\d{4}/,
    );
  }, 60_000);
});
