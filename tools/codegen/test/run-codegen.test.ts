import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli';
import { runCodegen } from '../src/run-codegen';
import { fixture, fixturePath, fixtureText } from './fixture';

let root: string;
const logs: string[] = [];
const log = (line: string) => logs.push(line);

async function freshRoot(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'runware-types-'));
  await cp(fixturePath, join(dir, 'schemas', 'api-snapshot.json'));
  return dir;
}

beforeEach(async () => {
  logs.length = 0;
  root = await freshRoot();
  await runCodegen({ root, log });
});

describe('runCodegen', () => {
  it('writes the generated folder and the snapshot metadata', async () => {
    const meta = JSON.parse(await readFile(join(root, 'schemas', 'snapshot-meta.json'), 'utf8'));
    expect(meta).toMatchObject({
      snapshotVersion: 'fixture-1',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await readFile(join(root, 'src', 'generated', 'tables.ts'), 'utf8')).toContain('"fixture-1"');
    expect(logs.at(-1)).toMatch(/^codegen: wrote 13 files from snapshot fixture-1/);
  });

  it('passes --check when nothing changed', async () => {
    const result = await runCodegen({ root, check: true, log });
    expect(result).toMatchObject({ ok: true, problems: [] });
  });

  it('fails --check on an edited, a missing and an extra generated file, and writes nothing', async () => {
    const generated = join(root, 'src', 'generated');
    await writeFile(join(generated, 'models.ts'), '// hand edit\n');
    await rm(join(generated, 'tables.ts'));
    await writeFile(join(generated, 'leftover.ts'), 'export {};\n');
    const result = await runCodegen({ root, check: true, log });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      'src/generated/models.ts is stale',
      'src/generated/tables.ts is missing',
      'src/generated/leftover.ts is not produced by the generator',
    ]);
    expect(await readFile(join(generated, 'models.ts'), 'utf8')).toBe('// hand edit\n');
    expect(logs.at(-1)).toContain('run `pnpm --filter @runware/types codegen`');
  });

  it('fails --check when the pinned snapshot was edited without regenerating', async () => {
    const edited = fixture();
    edited.models['runware:2@1'] = {
      taskType: 'imageInference',
      slug: 'two',
      resultType: 'ImageInferenceResult',
    };
    await writeFile(join(root, 'schemas', 'api-snapshot.json'), JSON.stringify(edited));
    const result = await runCodegen({ root, check: true, log });
    expect(result.problems).toContain('schemas/snapshot-meta.json does not match schemas/api-snapshot.json');
    expect(result.problems).toContain('src/generated/models.ts is stale');
  });

  it('regenerating removes files the generator no longer produces', async () => {
    await writeFile(join(root, 'src', 'generated', 'leftover.ts'), 'export {};\n');
    await runCodegen({ root, log });
    expect((await runCodegen({ root, check: true, log })).ok).toBe(true);
  });
});

describe('another snapshot by URL', () => {
  let server: Server;
  let url: string;
  let served = fixtureText;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/snapshot.json') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(served);
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('generates from it and pins it with its source', async () => {
    const next = fixture();
    next.snapshotVersion = 'fixture-2';
    next.models['runware:2@1'] = {
      taskType: 'imageInference',
      slug: 'two',
      resultType: 'ImageInferenceResult',
    };
    served = JSON.stringify(next, null, 2);
    const source = `${url}/snapshot.json`;

    const stale = await runCodegen({ root, snapshot: source, check: true, log });
    expect(stale.problems).toContain(`schemas/api-snapshot.json differs from ${source}`);

    const result = await runCodegen({ root, snapshot: source, log });
    expect(result.snapshotVersion).toBe('fixture-2');
    expect(await readFile(join(root, 'schemas', 'api-snapshot.json'), 'utf8')).toBe(served);
    const meta = JSON.parse(await readFile(join(root, 'schemas', 'snapshot-meta.json'), 'utf8'));
    expect(meta).toMatchObject({ snapshotVersion: 'fixture-2', source });
    expect(await readFile(join(root, 'src', 'generated', 'models.ts'), 'utf8')).toContain('"runware:2@1"');
    expect((await runCodegen({ root, check: true, log })).ok).toBe(true);
  });

  it('reports an HTTP failure and a malformed body clearly', async () => {
    await expect(runCodegen({ root, snapshot: `${url}/missing.json`, log })).rejects.toThrow(/HTTP 404/);
    served = '{"snapshotVersion": 1}';
    await expect(runCodegen({ root, snapshot: `${url}/snapshot.json`, log })).rejects.toThrow(
      /snapshotVersion: expected a non-empty string/,
    );
    served = 'not json';
    await expect(runCodegen({ root, snapshot: `${url}/snapshot.json`, log })).rejects.toThrow(
      /is not valid JSON/,
    );
  });
});

describe('CLI', () => {
  it('exits 0 when fresh, 1 when stale, 2 on a bad flag, and reads the snapshot from the environment', async () => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await main(['--root', root, '--check'])).toBe(0);
      await writeFile(join(root, 'src', 'generated', 'models.ts'), '');
      expect(await main(['--root', root, '--check'])).toBe(1);
      expect(await main(['--bogus'])).toBe(2);
      expect(await main(['--root', root], { RUNWARE_API_SNAPSHOT: join(root, 'nope.json') })).toBe(1);
      expect(err.mock.calls.flat().join('\n')).toContain('nope.json');
      expect(await main(['--root', root])).toBe(0);
      expect(await main(['--root', root, '--check'])).toBe(0);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
