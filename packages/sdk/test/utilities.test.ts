import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileToDataURI } from '../src/index';
import { useHarness } from './support/harness';

const h = useHarness();

describe('utility calls', () => {
  it('modelSearch, imageUpload, mediaStorage, accountManagement, getTaskDetails, modelUpload', async () => {
    const [search] = await h.client.modelSearch({ search: 'community', limit: 2 });
    expect(search?.results).toHaveLength(2);
    const [uploaded] = await h.client.imageUpload({ image: 'https://example.com/photo.jpg' });
    expect(uploaded?.imageUUID).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await h.client.mediaStorage({ operation: 'upload', media: 'https://example.com/a.png' });
    expect(stored).toEqual([expect.objectContaining({ operation: 'upload' })]);
    const [account] = await h.client.accountManagement({ operation: 'getDetails' });
    expect(account?.balance?.currency).toBe('USD');
    const [image] = await h.client.run({
      model: 'runware:400@1',
      width: 16,
      height: 16,
      deliveryMethod: 'sync',
    });
    const [details] = await h.client.getTaskDetails({ taskUUID: String(image?.taskUUID) });
    expect(details?.request[0]).toMatchObject({ model: 'runware:400@1', taskType: 'imageInference' });
    const stages = await h.client.modelUpload({
      category: 'checkpoint',
      architecture: 'sdxl',
      format: 'safetensors',
      name: 'Mine',
      version: '1',
      downloadURL: 'https://example.com/m.safetensors',
    });
    expect(stages.map((s) => s.status)).toEqual(['validated', 'downloaded', 'optimized', 'stored', 'ready']);
  });

  it('run() takes an array of params as one request', async () => {
    const ids: string[] = [crypto.randomUUID(), crypto.randomUUID()];
    const [a, b] = await h.client.run([
      { model: 'runware:400@1', width: 16, height: 16, deliveryMethod: 'sync', taskUUID: ids[0] },
      {
        model: 'runware:400@1',
        width: 16,
        height: 16,
        deliveryMethod: 'sync',
        numberResults: 2,
        taskUUID: ids[1],
      },
    ]);
    expect([a?.length, b?.length]).toEqual([1, 2]);
    const carrying = (await h.control.tasks()).filter((task) => ids.includes(String(task.taskUUID)));
    expect(new Set(carrying.map((task) => task.requestId)).size).toBe(1);
    expect(carrying.map((task) => task.taskUUID)).toEqual(ids);
  });

  it('sends a User-Agent naming the SDK, Node and the schema snapshot (and the key only in Authorization)', async () => {
    await h.control.reset();
    await h.client.run({ model: 'runware:400@1', width: 16, height: 16, deliveryMethod: 'sync' });
    const [request] = await h.control.requests();
    expect(request?.headers['user-agent']).toMatch(
      /^runware-typescript\/\S+ \(node\/\d+\.\d+\.\d+; \w+ \w+\) schemas\/20260722$/,
    );
    expect(request?.headers.authorization).toBe('[redacted]');
    expect(request?.path).not.toContain(h.emulator.apiKey);
  });

  it('fileToDataURI encodes a local file and in-memory bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'runware-sdk-'));
    const file = join(dir, 'a.png');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await writeFile(file, png);
    expect(await fileToDataURI(file)).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(await fileToDataURI(png)).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(await fileToDataURI(new Blob([png], { type: 'image/png' }))).toBe(
      `data:image/png;base64,${png.toString('base64')}`,
    );
  });
});
