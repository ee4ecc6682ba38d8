import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileAccess } from '../config/config-types';
import { RunwareError } from '../errors/runware-error';
import { fileToDataURI } from './file-to-data-uri';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0]);

/** The FileAccess the Node SDK injects, over the real file system. */
const nodeFiles: FileAccess = {
  isFile: async (path) => (await stat(path).catch(() => undefined))?.isFile() === true,
  readFile: async (path) => new Uint8Array(await readFile(path)),
};

function decode(uri: string): { mime: string; bytes: Buffer } {
  const match = /^data:([^;,]+);base64,([A-Za-z0-9+/]*={0,2})$/.exec(uri);
  if (!match?.[1] || match[2] === undefined) throw new Error(`not a base64 data URI: ${uri.slice(0, 40)}`);
  return { mime: match[1], bytes: Buffer.from(match[2], 'base64') };
}

async function rejection(promise: Promise<unknown>): Promise<RunwareError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof RunwareError)) throw new Error(`expected a RunwareError, got ${String(error)}`);
  return error;
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runware-media-'));
  await writeFile(join(dir, 'photo.png'), png);
  await writeFile(join(dir, 'notes.bin'), Buffer.from('plain bytes'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fileToDataURI from memory', () => {
  it('encodes a Uint8Array, a Node Buffer and an ArrayBuffer with the sniffed type', async () => {
    for (const input of [png, Buffer.from(png), png.buffer.slice(0)]) {
      const { mime, bytes } = decode(await fileToDataURI(input));
      expect(mime).toBe('image/png');
      expect([...bytes]).toEqual([...png]);
    }
  });

  it("prefers a Blob's own type, and sniffs when it has none", async () => {
    const typed = decode(await fileToDataURI(new Blob([png], { type: 'image/x-custom' })));
    expect(typed.mime).toBe('image/x-custom');
    expect([...typed.bytes]).toEqual([...png]);
    const withParams = decode(
      await fileToDataURI(new Blob(['<svg/>'], { type: 'image/svg+xml;charset=utf-8' })),
    );
    expect(withParams.mime).toBe('image/svg+xml');
    const untyped = decode(await fileToDataURI(new Blob([jpeg])));
    expect(untyped.mime).toBe('image/jpeg');
    const file = decode(await fileToDataURI(new File([png], 'a.png')));
    expect(file.mime).toBe('image/png');
  });

  it('labels unknown bytes application/octet-stream and encodes empty input', async () => {
    expect(await fileToDataURI(new Uint8Array())).toBe('data:application/octet-stream;base64,');
    expect(decode(await fileToDataURI(Buffer.from('hello'))).bytes.toString()).toBe('hello');
  });
});

describe('fileToDataURI from a path', () => {
  it('reads a real file through the injected FileAccess', async () => {
    const { mime, bytes } = decode(await fileToDataURI(join(dir, 'photo.png'), nodeFiles));
    expect(mime).toBe('image/png');
    expect([...bytes]).toEqual([...png]);
    expect(decode(await fileToDataURI(join(dir, 'notes.bin'), nodeFiles)).mime).toBe(
      'application/octet-stream',
    );
  });

  it('returns a data URI unchanged', async () => {
    expect(await fileToDataURI('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA');
  });

  it('refuses URLs, missing file access, directories and missing files with invalidMedia', async () => {
    const cases = [
      () => fileToDataURI('https://example.com/a.png', nodeFiles),
      () => fileToDataURI(join(dir, 'photo.png')),
      () => fileToDataURI(dir, nodeFiles),
      () => fileToDataURI(join(dir, 'missing.png'), nodeFiles),
      () => fileToDataURI(42 as unknown as string),
    ];
    for (const run of cases) {
      const error = await rejection(run());
      expect(error).toMatchObject({ code: 'validation', rawCode: 'invalidMedia', parameter: 'input' });
    }
    expect((await rejection(fileToDataURI(join(dir, 'photo.png')))).message).toContain('dependencies.files');
  });

  it('reports a file that disappears between the check and the read, keeping the cause', async () => {
    const path = join(dir, 'vanishing.png');
    await writeFile(path, png);
    const racing: FileAccess = {
      isFile: nodeFiles.isFile,
      readFile: async (target) => {
        await rm(target);
        return nodeFiles.readFile(target);
      },
    };
    const error = await rejection(fileToDataURI(path, racing));
    expect(error.rawCode).toBe('invalidMedia');
    expect(error.message).toContain('vanishing.png');
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
  });
});
