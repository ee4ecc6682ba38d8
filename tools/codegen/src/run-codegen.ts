import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type GeneratedFiles, generate } from './generate';
import { type LoadedSnapshot, loadSnapshot } from './load-snapshot';
import { compareOutput, pinSnapshot, type SnapshotMeta, snapshotMeta, writeOutput } from './output';

/** Environment variable naming another snapshot (path or URL) to generate from. */
export const snapshotEnvVar = 'RUNWARE_API_SNAPSHOT';

export interface CodegenOptions {
  /** The `@runware/types` package folder: holds `schemas/` and `src/generated/`. */
  root: string;
  /** Another snapshot, path or http(s) URL; defaults to the pinned copy. It becomes the pinned copy. */
  snapshot?: string | undefined;
  /** Only compare: report stale files and a pinned copy that does not match its metadata. */
  check?: boolean | undefined;
  log?: (line: string, level: 'info' | 'error') => void;
}

export interface CodegenResult {
  ok: boolean;
  snapshotVersion: string;
  files: string[];
  /** Why `--check` failed; empty when it passed or when writing. */
  problems: string[];
}

async function readMeta(path: string): Promise<SnapshotMeta | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as SnapshotMeta;
  } catch {
    return undefined;
  }
}

/** Everything `--check` finds wrong, as lines for the user; empty when all is fresh. */
async function findStaleness(
  loaded: LoadedSnapshot,
  files: GeneratedFiles,
  paths: { pinned: string; meta: string; out: string },
  fromPinned: boolean,
): Promise<string[]> {
  const problems: string[] = [];
  if (!fromPinned) {
    const pinnedText = await readFile(paths.pinned, 'utf8').catch(() => '');
    if (pinnedText !== loaded.text) problems.push(`schemas/api-snapshot.json differs from ${loaded.source}`);
  } else {
    const meta = await readMeta(paths.meta);
    const expected = snapshotMeta(loaded, meta?.source ?? '');
    if (meta?.sha256 !== expected.sha256 || meta.snapshotVersion !== expected.snapshotVersion) {
      problems.push('schemas/snapshot-meta.json does not match schemas/api-snapshot.json');
    }
  }
  const report = await compareOutput(paths.out, files);
  for (const f of report.changed) problems.push(`src/generated/${f} is stale`);
  for (const f of report.missing) problems.push(`src/generated/${f} is missing`);
  for (const f of report.extra) problems.push(`src/generated/${f} is not produced by the generator`);
  return problems;
}

export async function runCodegen(options: CodegenOptions): Promise<CodegenResult> {
  const log = options.log ?? (() => {});
  const schemasDir = join(options.root, 'schemas');
  const paths = {
    pinned: join(schemasDir, 'api-snapshot.json'),
    meta: join(schemasDir, 'snapshot-meta.json'),
    out: join(options.root, 'src', 'generated'),
  };
  const source = options.snapshot ?? paths.pinned;
  const fromPinned = !/^https?:/i.test(source) && resolve(source) === resolve(paths.pinned);

  const started = performance.now();
  const loaded = await loadSnapshot(source);
  const files = await generate(loaded.snapshot);
  const names = [...files.keys()];
  const version = loaded.snapshot.snapshotVersion;

  if (options.check) {
    const problems = await findStaleness(loaded, files, paths, fromPinned);
    if (problems.length === 0) {
      log(`codegen:check: ${names.length} generated files match snapshot ${version}`, 'info');
    } else {
      const list = problems.join('\n  - ');
      log(`codegen:check failed; run \`pnpm --filter @runware/types codegen\`:\n  - ${list}`, 'error');
    }
    return { ok: problems.length === 0, snapshotVersion: version, files: names, problems };
  }

  const pinnedSource = fromPinned ? ((await readMeta(paths.meta))?.source ?? 'pinned') : source;
  await pinSnapshot(schemasDir, loaded, pinnedSource, !fromPinned);
  await writeOutput(paths.out, files);
  const ms = Math.round(performance.now() - started);
  log(`codegen: wrote ${names.length} files from snapshot ${version} (${source}) in ${ms} ms`, 'info');
  return { ok: true, snapshotVersion: version, files: names, problems: [] };
}
