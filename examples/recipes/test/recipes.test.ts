import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exec } from '@runware/pack-check';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

// Recipes run as a user would, against the in-process emulator: no RUNWARE_API_KEY.
delete process.env.RUNWARE_API_KEY;

/** Runs a recipe and asserts it exited cleanly against the emulator; returns its stdout. */
async function ok(name: string): Promise<string> {
  const { code, stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', `src/${name}.ts`], root);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).toContain('Talking to the local emulator');
  return stdout;
}

const mediaUrl = /http:\/\/127\.0\.0\.1:\d+\/media\/[\w-]+\.(jpg|png)/;

// Two at a time: each recipe starts its own emulator, and the machine has 2 cores.
describe.concurrent('recipes (each run as a child process against the emulator)', { timeout: 60_000 }, () => {
  it('curated-model: runs a model by AIR and by slug', async () => {
    const out = await ok('curated-model');
    expect(out).toMatch(new RegExp(`by AIR: +imageInference ${mediaUrl.source} \\(cost \\$0\\.\\d+\\)`));
    expect(out).toMatch(new RegExp(`by slug: imageInference ${mediaUrl.source}`));
  });

  it('community-model: refuses without taskType, runs with it', async () => {
    const out = await ok('community-model');
    expect(out).toMatch(/without taskType: notFound \(Cannot tell which taskType/);
    expect(out).toMatch(new RegExp(`with taskType: ${mediaUrl.source}`));
  });

  it('typed-params: sdxl then upscale-image', async () => {
    const out = await ok('typed-params');
    expect(out).toMatch(new RegExp(`sdxl: ${mediaUrl.source}`));
    expect(out).toMatch(/upscaled: http:\/\/127\.0\.0\.1:\d+\/media\/[\w-]+\.png/);
  });

  it('streaming-with-abort: prints 5 tokens, then result() rejects with aborted', async () => {
    const out = await ok('streaming-with-abort');
    expect(out).toMatch(/tokens: Emulated answer/);
    expect(out).toContain('received 5 tokens, then aborted');
    expect(out).toContain('result() rejected: aborted');
  });

  it('concurrent-tasks: Promise.all and a one-request batch', async () => {
    const out = await ok('concurrent-tasks');
    expect(out).toMatch(/Promise\.all: 2 foxes, 1 city, text "Emulated answer/);
    for (const i of [0, 1, 2])
      expect(out).toMatch(new RegExp(`batch\\[${i}\\] "[^"]+": 1 image\\(s\\) ${mediaUrl.source}`));
    expect(out).toMatch(/7 results in \d+ ms/);
  });

  it('callbacks: onResult per item, onProgress during training', async () => {
    const out = await ok('callbacks');
    expect(out.match(/onResult: success http/g)).toHaveLength(3);
    expect(out).toContain('run() resolved with 3 images');
    expect(out).toMatch(/onProgress: \d+%/);
    expect(out).toContain('onResult: training success');
    expect(out).toMatch(/trained model: runware:trained-[\w-]+@1 after [1-9]\d* progress updates/);
  });

  it('cancellation: a signal aborts, a timeout times out', async () => {
    const out = await ok('cancellation');
    expect(out).toMatch(/^signal: aborted after \d+ ms$/m);
    expect(out).toMatch(/^timeout: timeout after \d+ ms$/m);
    expect(out).toMatch(/^AbortSignal\.timeout: aborted after \d+ ms$/m);
  });

  it('error-handling: validation, notFound and auth codes', async () => {
    const out = await ok('error-handling');
    expect(out).toContain("bad param -> validation: fix parameter 'outputFormat' (enum)");
    expect(out).toContain('unknown model -> notFound: check the model id (modelNotFound)');
    expect(out).toContain('bad key -> auth: check RUNWARE_API_KEY (invalidApiKey)');
  });

  it('edge-rest-only: core + transport-rest, without the SDK', async () => {
    const out = await ok('edge-rest-only');
    expect(out).toMatch(new RegExp(`explicit taskType: ${mediaUrl.source}`));
    expect(out).toMatch(new RegExp(`static registry: ${mediaUrl.source}`));
    expect(out).toContain('unregistered model: notFound');
  });

  it('custom-transport: tasks and polls go through the signing transport', async () => {
    const out = await ok('custom-transport');
    expect(out).toMatch(/-> imageInference \(signature [0-9a-f]{8}…\)/);
    expect(out).toMatch(/-> getResponse \(signature [0-9a-f]{8}…\)/);
    expect(out).toMatch(new RegExp(`image: ${mediaUrl.source}`));
    expect(out).toMatch(/<- 404: 0 item\(s\), 1 error\(s\)/);
    expect(out).toContain('error through the custom transport: notFound');
  });

  it('utilities: search, uploads, storage, account, archive', async () => {
    const out = await ok('utilities');
    expect(out).toMatch(/modelSearch: \d+ total, first \S+@\S+/);
    expect(out).toMatch(/imageUpload: [0-9a-f-]{36}/);
    const stored = /mediaStorage upload: ([0-9a-f-]{36})/.exec(out)?.[1];
    expect(stored).toBeDefined();
    expect(out).toContain(`mediaStorage delete: ${stored}`);
    expect(out).toMatch(/accountManagement: .+ balance \d+/);
    expect(out).toContain('getTaskDetails: 1 request(s), model runware:400@1');
  });

  it('content-catalog: pages, one model, pricing, collections, creators', async () => {
    const out = await ok('content-catalog');
    expect(out).toMatch(/video models: \d+ in the catalog/);
    expect(out).toMatch(/page at 0: (\S+, ){4}\S+$/m);
    expect(out).toMatch(/page at 5: \S+/);
    expect(out).toMatch(/model: .+ \(bfl-flux-2-dev\) by \S+/);
    expect(out).toContain('unknown id: null');
    expect(out).toMatch(/pricing: .+\$/);
    expect(out).toMatch(/collections: .+ \(\d+\)/);
    expect(out).toMatch(/creators: \d+; .+ has \d+ curated models/);
  });

  it('batch-folder: removes backgrounds of a folder, 2 at a time, writing the results', async () => {
    const out = await ok('batch-folder');
    expect(out).toMatch(/input: 5 images in /);
    for (const n of [1, 2, 3, 4, 5]) expect(out).toMatch(new RegExp(`\\[${n}/5\\] \\S+\\.png`));
    const dir = /wrote 5 files to (\S+)/.exec(out)?.[1] ?? '';
    expect(dir).toBe(join(root, 'output', 'batch-folder'));
    const written = readdirSync(dir).filter((name) => name.endsWith('.png'));
    expect(written.length).toBeGreaterThanOrEqual(5);
    for (const name of written) {
      expect(existsSync(join(dir, name))).toBe(true);
      expect(statSync(join(dir, name)).size).toBeGreaterThan(0);
    }
  });
});
