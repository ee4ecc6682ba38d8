import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClientOptions, createClient, isRunwareError } from '../src/index';
import { useHarness } from './support/harness';

// The root README's TypeScript examples must keep compiling and running against the SDK as it is.
// Each ```ts block becomes a module of its own: its imports on top, its statements in an async
// function, and the names it takes for granted (a client, a key, a taskUUID…) taken from an
// environment module the test fills in with live values against the emulator.
const here = dirname(fileURLToPath(import.meta.url));
const readmePath = join(here, '../../../README.md');
const outDir = join(here, '.readme-examples');

interface Block {
  line: number;
  code: string;
}

/**
 * Blocks that are shown, type-checked, but not run here, and why. Keyed by a phrase of the block,
 * so the list survives edits elsewhere in the README.
 */
const notRun: readonly { marker: string; why: string }[] = [
  { marker: "inputs: { image: './photo.jpg' }", why: 'reads photo.jpg from the working directory' },
  { marker: 'createRunwareClient({', why: 'builds a core client with the default (live) URLs' },
  { marker: 'runTransportConformance(', why: 'registers a vitest suite' },
];

function tsBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  let start = -1;
  for (const [index, line] of lines.entries()) {
    if (start < 0 && line.trim() === '```ts') start = index + 1;
    else if (start >= 0 && line.trim() === '```') {
      blocks.push({ line: start + 1, code: lines.slice(start, index).join('\n') });
      start = -1;
    }
  }
  return blocks;
}

/** What the examples take for granted; the test sets each before running them. */
const environmentModule = `import type { ClientOptions, RunwareClient } from '@runware/sdk';
export const env = {} as {
  client: RunwareClient;
  apiKey: string;
  params: Record<string, unknown>;
  dataUri: string;
  taskUUID: string;
  downloadURL: string;
  /** createClient with the emulator's URLs (and key, unless one is given). */
  createClient: (options?: ClientOptions) => Promise<RunwareClient>;
  log: string[];
};
`;

const preamble = `import * as sdk from '@runware/sdk';
import type { TransportV1 } from '@runware/sdk';
import { env } from './environment';
const { client, apiKey, params, dataUri, taskUUID, downloadURL } = env;
const myLogger = { log: (...args: unknown[]) => void env.log.push(args.map(String).join(' ')) };
const readFile = async (_path: string) => new Uint8Array([137, 80, 78, 71]);
declare function createMyTransport(options: { apiKey: string; url: string }): TransportV1;
`;

function moduleOf(block: Block): string {
  const imports: string[] = [];
  const body: string[] = [];
  let inImport = false;
  for (const line of block.code.split('\n')) {
    if (line.startsWith('import ') || inImport) {
      imports.push(line);
      inImport = !line.trimEnd().endsWith(';');
    } else body.push(line);
  }
  return `${imports.join('\n')}
${preamble}
export async function example(): Promise<void> {
  const createClient = env.createClient;
  const { clearValidatorCache, fileToDataURI } = sdk;
${body.join('\n')}
}
`;
}

const h = useHarness();
let blocks: Block[] = [];
const files = new Map<Block, string>();

beforeAll(async () => {
  blocks = tsBlocks(await readFile(readmePath, 'utf8'));
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'environment.ts'), environmentModule);
  for (const block of blocks) {
    const file = join(outDir, `readme-line-${block.line}.ts`);
    await writeFile(file, moduleOf(block));
    files.set(block, file);
  }
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the root README’s TypeScript examples', () => {
  it('type-check against the SDK as built', () => {
    expect(blocks.length).toBeGreaterThan(10);
    const configPath = join(here, '../tsconfig.json');
    const parsed = ts.parseJsonConfigFileContent(
      ts.readConfigFile(configPath, ts.sys.readFile).config,
      ts.sys,
      dirname(configPath),
    );
    const names = [...files.values()];
    const program = ts.createProgram(names, parsed.options);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && names.includes(d.file.fileName))
      .map((d) => {
        const { line } = d.file?.getLineAndCharacterOfPosition(d.start ?? 0) ?? { line: 0 };
        const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
        return `${d.file?.fileName.split('/').at(-1)} (module line ${line + 1}): ${text}`;
      });
    expect(problems).toEqual([]);
  }, 120_000);

  it('run against the emulator (a block ending in `throw` rejects with that RunwareError)', async () => {
    const urls = {
      httpBaseUrl: h.emulator.httpUrl,
      wsBaseUrl: h.emulator.wsUrl,
      schemasBaseUrl: h.emulator.schemasUrl,
      contentBaseUrl: h.emulator.contentUrl,
    };
    const clients: { close(): Promise<void> }[] = [];
    const { env } = (await import(join(outDir, 'environment.ts'))) as {
      env: Record<string, unknown> & { log: string[] };
    };
    const [done] = await h.client.run({
      model: 'runware:400@1',
      positivePrompt: 'a lighthouse',
      width: 64,
      height: 64,
      deliveryMethod: 'sync',
    });
    Object.assign(env, {
      client: h.client,
      apiKey: h.emulator.apiKey,
      params: { model: 'runware:400@1', positivePrompt: 'a fox', width: 64, height: 64 },
      dataUri: 'data:image/png;base64,iVBORw0KGgo=',
      taskUUID: done?.taskUUID,
      downloadURL: 'https://example.com/model.safetensors',
      createClient: async (options: ClientOptions = {}) => {
        const client = await createClient({
          ...urls,
          ...options,
          apiKey: options.apiKey ?? h.emulator.apiKey,
        });
        clients.push(client);
        return client;
      },
      log: [],
    });
    const outcomes: string[] = [];
    try {
      for (const block of blocks) {
        if (notRun.some(({ marker }) => block.code.includes(marker))) continue;
        const { example } = (await import(files.get(block) as string)) as { example: () => Promise<void> };
        const throws = /^throw /m.test(block.code.trim().split('\n').at(-1) ?? '');
        const outcome = await example().then(
          () => 'resolved',
          (error: unknown) =>
            isRunwareError(error) ? `rejected ${error.rawCode}: ${error.message}` : `threw ${error}`,
        );
        const expected = throws ? outcome.startsWith('rejected ') : outcome === 'resolved';
        if (!expected) outcomes.push(`README line ${block.line}: ${outcome}`);
      }
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
    expect(outcomes).toEqual([]);
  }, 120_000);
});
