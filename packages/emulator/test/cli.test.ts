import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/runware-emulator.mjs', import.meta.url));

describe('runware-emulator CLI', () => {
  it('prints one JSON line with its URLs, logs requests to stderr without the key, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [bin, '--port', '0', '--api-key', 'cli-secret-key', '--only-these-keys'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    const ready = await new Promise<Record<string, string>>((resolve, reject) => {
      child.stdout.on('data', (c) => {
        stdout += c;
        if (stdout.includes('\n')) resolve(JSON.parse(stdout.split('\n')[0] ?? '{}'));
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    expect(Object.keys(ready).sort()).toEqual([
      'contentUrl',
      'controlUrl',
      'httpUrl',
      'port',
      'schemasUrl',
      'wsUrl',
    ]);
    const response = await fetch(ready.httpUrl ?? '', {
      method: 'POST',
      headers: { authorization: 'Bearer cli-secret-key' },
      body: JSON.stringify([{ taskType: 'ping', ping: true }]),
    });
    expect(response.status).toBe(200);
    const refused = await fetch(ready.httpUrl ?? '', {
      method: 'POST',
      headers: { authorization: 'Bearer runware-emulator-key' },
      body: '[]',
    });
    expect(refused.status).toBe(400);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const started = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/POST \/v1 200 \d+ms/);
    expect(stderr).not.toContain('cli-secret-key');
  });

  it('exits 2 with usage on a bad flag', async () => {
    const child = spawn(process.execPath, [bin, '--latency', 'nonsense'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(2);
    expect(stderr).toContain('--latency needs TYPE=MS');
  });
});
