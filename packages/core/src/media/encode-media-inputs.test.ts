import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileAccess } from '../config/config-types';
import { RunwareError } from '../errors/runware-error';
import { encodeMediaInputs } from './encode-media-inputs';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 4, 5, 6]);
const wav = Uint8Array.from([
  ...new TextEncoder().encode('RIFF'),
  0,
  0,
  0,
  0,
  ...new TextEncoder().encode('WAVE'),
]);
const uri = (mime: string, bytes: Uint8Array) =>
  `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;

let dir = '';
let checked: string[] = [];
/** Node file access over real temp files, recording which strings were checked. */
const files: FileAccess = {
  isFile: async (path) => {
    checked.push(path);
    return (await stat(path).catch(() => undefined))?.isFile() === true;
  },
  readFile: async (path) => new Uint8Array(await readFile(path)),
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runware-inputs-'));
  await writeFile(join(dir, 'seed.png'), png);
  await writeFile(join(dir, 'mask.jpg'), jpeg);
  await writeFile(join(dir, 'voice.wav'), wav);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('encodeMediaInputs with in-memory media', () => {
  it('encodes Uint8Array, Buffer, ArrayBuffer and Blob anywhere, leaving everything else', async () => {
    const params = {
      taskType: 'imageInference',
      model: 'runware:101@1',
      positivePrompt: 'a cat',
      width: 1024,
      seedImage: png,
      maskImage: Buffer.from(jpeg),
      referenceImages: [
        png.buffer.slice(0),
        'https://example.com/a.png',
        new Blob([jpeg], { type: 'image/x-mine' }),
      ],
      inputs: { deep: [{ audio: new Blob([wav]) }] },
      anyKey: { bytes: png },
      flags: [true, null, undefined, 3],
    };
    const out = await encodeMediaInputs(params);
    expect(out).toEqual({
      taskType: 'imageInference',
      model: 'runware:101@1',
      positivePrompt: 'a cat',
      width: 1024,
      seedImage: uri('image/png', png),
      maskImage: uri('image/jpeg', jpeg),
      referenceImages: [uri('image/png', png), 'https://example.com/a.png', uri('image/x-mine', jpeg)],
      inputs: { deep: [{ audio: uri('audio/wav', wav) }] },
      anyKey: { bytes: uri('image/png', png) },
      flags: [true, null, undefined, 3],
    });
  });

  it('recognises objects and bytes made in another realm', async () => {
    const foreign = runInNewContext(
      '({ inputs: { image: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), raw: new ArrayBuffer(2) } })',
    ) as Record<string, unknown>;
    expect(await encodeMediaInputs(foreign)).toEqual({
      inputs: { image: uri('image/png', png), raw: 'data:application/octet-stream;base64,AAA=' },
    });
  });

  it('never mutates the input and returns fresh containers', async () => {
    const inputs = { images: [png] };
    const params = { inputs, positivePrompt: 'x' };
    const out = await encodeMediaInputs(params);
    expect(params.inputs).toBe(inputs);
    expect(inputs.images[0]).toBe(png);
    expect(out.inputs).not.toBe(inputs);
    expect(out).toEqual({ inputs: { images: [uri('image/png', png)] }, positivePrompt: 'x' });
  });

  it('leaves strings alone without file access', async () => {
    const params = { seedImage: join(dir, 'seed.png'), inputs: { image: join(dir, 'mask.jpg') } };
    expect(await encodeMediaInputs(params)).toEqual(params);
  });
});

describe('encodeMediaInputs with local files', () => {
  it('reads paths under inputs and media-named keys, whatever the nesting', async () => {
    checked = [];
    const seed = join(dir, 'seed.png');
    const mask = join(dir, 'mask.jpg');
    const voice = join(dir, 'voice.wav');
    const out = await encodeMediaInputs(
      {
        taskType: 'imageInference',
        seedImage: seed,
        maskImage: mask,
        referenceImages: [seed, 'https://example.com/r.png'],
        inputs: { image: seed, extra: { anything: voice }, list: [mask] },
        controlNet: [{ guideImage: mask, model: 'runware:25@1' }],
        media: voice,
      },
      files,
    );
    expect(out).toEqual({
      taskType: 'imageInference',
      seedImage: uri('image/png', png),
      maskImage: uri('image/jpeg', jpeg),
      referenceImages: [uri('image/png', png), 'https://example.com/r.png'],
      inputs: {
        image: uri('image/png', png),
        extra: { anything: uri('audio/wav', wav) },
        list: [uri('image/jpeg', jpeg)],
      },
      controlNet: [{ guideImage: uri('image/jpeg', jpeg), model: 'runware:25@1' }],
      media: uri('audio/wav', wav),
    });
    expect(checked).not.toContain('https://example.com/r.png');
    expect(checked).not.toContain('runware:25@1');
  });

  it('leaves UUIDs, base64, URLs and data URIs under media keys as they are', async () => {
    checked = [];
    const params = {
      seedImage: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
      maskImage: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk',
      guideImage: 'data:image/png;base64,AAAA',
      image: 'HTTPS://example.com/x.png',
      referenceImages: ['', 'x'.repeat(4097)],
      // Raw base64 of a JPEG starts with '/': not a path.
      inputImage:
        '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/',
      media: 'runware:100@1',
    };
    expect(await encodeMediaInputs(params, files)).toEqual(params);
    expect(checked).toEqual([
      'f47ac10b-58cc-4372-a567-0e02b2c3d479',
      params.maskImage,
      params.inputImage,
      params.media,
    ]);
  });

  it.each([
    ['an absolute path', join(tmpdir(), 'runware-no-such-dir', 'missing.png')],
    ['a relative path', './photo.jpg'],
    ['a parent-relative path', '../photos/photo.jpg'],
    ['a home path', '~/photo.jpg'],
    ['a Windows path', 'C:\\photos\\x.png'],
    ['a Windows path with slashes', 'C:/photos/x.png'],
    ['a UNC path', '\\\\server\\share\\x.png'],
    ['a bare file name with a media extension', 'photo.jpg'],
    ['a relative path without a dot prefix', 'photos/cat.webp'],
  ])('rejects %s that names no file, naming the field', async (_, path) => {
    const error = await encodeMediaInputs(
      { inputs: { referenceImages: ['https://x/a.png', path] } },
      files,
    ).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(RunwareError);
    expect(error).toMatchObject({ code: 'validation', parameter: 'inputs.referenceImages.1' });
    expect((error as RunwareError).message).toMatch(/not found/);
    expect((error as RunwareError).message).toContain('inputs.referenceImages.1');
  });

  it('sends a path-like string as it is without file access (the server may take it)', async () => {
    const params = { seedImage: './photo.jpg', inputs: { image: '/tmp/x.png' } };
    expect(await encodeMediaInputs(params)).toEqual(params);
  });

  it('never reads paths under prompts, identifiers, URL fields, messages or unrelated keys', async () => {
    checked = [];
    const seed = join(dir, 'seed.png');
    const params = {
      positivePrompt: seed,
      negativePrompt: seed,
      model: seed,
      taskType: seed,
      taskUUID: seed,
      webhookURL: seed,
      uploadEndpoint: seed,
      outputFormat: seed,
      messages: [{ role: 'user', content: seed, image: seed }],
      frameImages: [{ inputImage: seed, frame: seed }],
      inputs: { prompt: seed, imageUUID: seed },
      lora: [{ model: seed, weight: 1 }],
      note: seed,
    };
    const out = await encodeMediaInputs(params, files);
    expect(out).toEqual({ ...params, frameImages: [{ inputImage: uri('image/png', png), frame: seed }] });
    expect(checked).toEqual([seed]);
  });

  it('names the dotted parameter when a file cannot be read', async () => {
    const seed = join(dir, 'seed.png');
    const broken: FileAccess = {
      isFile: async () => true,
      readFile: async () => {
        throw new Error('EACCES: permission denied');
      },
    };
    const error = await encodeMediaInputs(
      { inputs: { referenceImages: ['https://example.com/a.png', seed] } },
      broken,
    ).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(RunwareError);
    expect(error).toMatchObject({
      code: 'validation',
      rawCode: 'invalidMedia',
      parameter: 'inputs.referenceImages.1',
    });
    expect((error as RunwareError).message).toContain('inputs.referenceImages.1');
    expect((error as RunwareError).message).toContain('EACCES');
  });

  it('treats a throwing isFile as "not a file"', async () => {
    const flaky: FileAccess = {
      isFile: async () => {
        throw new Error('stat failed');
      },
      readFile: files.readFile,
    };
    expect(await encodeMediaInputs({ seedImage: 'abc' }, flaky)).toEqual({ seedImage: 'abc' });
  });

  it('encodes an object shared by siblings in both places (sharing is not a cycle)', async () => {
    const shared = { image: join(dir, 'seed.png'), bytes: jpeg };
    const out = await encodeMediaInputs({ inputs: { a: shared, b: [shared, shared] } }, files);
    const encoded = { image: uri('image/png', png), bytes: uri('image/jpeg', jpeg) };
    expect(out).toEqual({ inputs: { a: encoded, b: [encoded, encoded] } });
  });

  it('keeps a __proto__ key as data and survives cycles', async () => {
    const params = JSON.parse('{"__proto__": {"image": "x"}, "ok": 1}') as Record<string, unknown>;
    const out = await encodeMediaInputs(params, files);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ image: 'x' });
    const cyclic: Record<string, unknown> = { seedImage: png };
    cyclic.self = cyclic;
    const encoded = await encodeMediaInputs(cyclic);
    expect(encoded.seedImage).toBe(uri('image/png', png));
    expect(encoded.self).toBe(cyclic);
  });
});

describe('deeply nested params', () => {
  it('reject with a RunwareError naming the top parameter, not a stack overflow', async () => {
    for (const access of [undefined, files]) {
      let value: Record<string, unknown> = { image: png };
      for (let i = 0; i < 5000; i++) value = { inputs: value };
      const error = await encodeMediaInputs({ positivePrompt: 'x', deep: value }, access).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(RunwareError);
      expect(error).toMatchObject({ code: 'validation', parameter: 'deep' });
    }
  });

  it('are walked up to 256 levels', async () => {
    let value: unknown = 'leaf';
    for (let i = 0; i < 255; i++) value = [value];
    expect(await encodeMediaInputs({ deep: value })).toEqual({ deep: value });
  });
});

describe('params with nothing to encode (the fast path)', () => {
  const plain = {
    taskType: 'imageInference',
    model: 'runware:101@1',
    positivePrompt: '/tmp/looks/like/a/path.png',
    width: 1024,
    seedImage: 'https://example.com/a.png',
    maskImage: 'data:image/png;base64,AAAA',
    lora: [{ model: 'civitai:1@1', weight: 0.5 }],
    providerSettings: { bfl: { raw: true }, list: [1, null, undefined] },
    messages: [{ role: 'user', content: '/tmp/x.png' }],
    frameImages: [{ frame: 'first' }],
  };

  /** The answer if it is there after one microtask (a walk with a promise per value needs many). */
  async function atOnce(params: Record<string, unknown>, access?: FileAccess) {
    let out: Record<string, unknown> | undefined;
    const done = encodeMediaInputs(params, access).then((value) => {
      out = value;
    });
    await Promise.resolve();
    const early = out;
    await done;
    return { early, out };
  }

  it('are copied at once, fresh containers and all, with no file checked', async () => {
    for (const access of [undefined, files]) {
      checked = [];
      const { early, out = {} } = await atOnce(plain, access);
      expect(early).toEqual(plain);
      expect(out).toBe(early);
      expect(out.lora).not.toBe(plain.lora);
      expect((out.lora as unknown[])[0]).not.toBe(plain.lora[0]);
      expect(out.providerSettings).not.toBe(plain.providerSettings);
      expect(checked).toEqual([]);
    }
  });

  it('still go through the encoding wherever a value may need it', async () => {
    expect(
      (await atOnce({ positivePrompt: 'x', deep: { list: [1, { bytes: png }] } })).early,
    ).toBeUndefined();
    expect((await atOnce({ seedImage: join(dir, 'seed.png') }, files)).early).toBeUndefined();
    // A string is a candidate path only with file access and under a media key.
    const pathy = { seedImage: 'seed.png', inputs: { list: ['a-uuid-or-path'] } };
    expect((await atOnce(pathy)).early).toEqual(pathy);
  });

  it('keep __proto__ as data, cycles, holes and non-plain objects as the walk does', async () => {
    const params = JSON.parse('{"__proto__": {"image": "https://x"}, "ok": 1}') as Record<string, unknown>;
    const { early } = await atOnce(params, files);
    expect(Object.getPrototypeOf(early)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(early, '__proto__')?.value).toEqual({ image: 'https://x' });
    const date = new Date(0);
    const list: unknown[] = [];
    list.push(list);
    const holes: number[] = [];
    holes[0] = 1;
    holes[2] = 3;
    const cyclic: Record<string, unknown> = { when: date, list, holes };
    cyclic.self = cyclic;
    const { early: out = {} } = await atOnce(cyclic);
    expect(out.when).toBe(date);
    expect(out.self).toBe(cyclic);
    expect((out.list as unknown[])[0]).toBe(list);
    expect(out.holes).toEqual([1, undefined, 3]);
    expect(1 in (out.holes as unknown[])).toBe(true);
  });
});
