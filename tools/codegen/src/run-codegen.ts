import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generate } from './generate';
import { loadSnapshot } from './load-snapshot';
import { compareOutput, isFresh, pinSnapshot, type SnapshotMeta, snapshotMeta, writeOutput } from './output';

/** Environment variable naming another snapshot (path or URL) to generate from. */
export const snapshotEnvVar = 'RUNWARE_API_SNAPSHOT';

export interface CodegenOptions {
  /** The `@runware/types` package folder: holds `schemas/` and `src/generated/`. */
  root: string;
  /** Another snapshot, path or http(s) URL; defaults to the pinned copy. It becomes the pinned copy. */
  snapshot?: string | undefined;
  /** Only compare: report stale files and a pinned copy that does not match its metadata. */
  check?: boolean | undefined;
  log?: (line: string) => void;
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

export async function runCodegen(options: CodegenOptions): Promise<CodegenResult> {
  const log = options.log ?? (() => {});
  const schemasDir = join(options.root, 'schemas');
  const pinnedPath = join(schemasDir, 'api-snapshot.json');
  const metaPath = join(schemasDir, 'snapshot-meta.json');
  const outDir = join(options.root, 'src', 'generated');
  const source = options.snapshot ?? pinnedPath;
  const fromPinned = !/^https?:/i.test(source) && resolve(source) === resolve(pinnedPath);

  const started = performance.now();
  const loaded = await loadSnapshot(source);
  const files = await generate(loaded.snapshot);
  const names = [...files.keys()];
  const meta = await readMeta(metaPath);

  if (options.check) {
    const problems: string[] = [];
    const expectedMeta = snapshotMeta(loaded, meta?.source ?? '');
    if (!fromPinned) {
      const pinnedText = await readFile(pinnedPath, 'utf8').catch(() => '');
      if (pinnedText !== loaded.text) problems.push(`schemas/api-snapshot.json differs from ${source}`);
    } else if (
      meta?.sha256 !== expectedMeta.sha256 ||
      meta.snapshotVersion !== expectedMeta.snapshotVersion
    ) {
      problems.push('schemas/snapshot-meta.json does not match schemas/api-snapshot.json');
    }
    const report = await compareOutput(outDir, files);
    if (!isFresh(report)) {
      for (const f of report.changed) problems.push(`src/generated/${f} is stale`);
      for (const f of report.missing) problems.push(`src/generated/${f} is missing`);
      for (const f of report.extra) problems.push(`src/generated/${f} is not produced by the generator`);
    }
    const ok = problems.length === 0;
    log(
      ok
        ? `codegen:check: ${names.length} generated files match snapshot ${loaded.snapshot.snapshotVersion}`
        : `codegen:check failed; run \`pnpm --filter @runware/types codegen\`:\n  - ${problems.join('\n  - ')}`,
    );
    return { ok, snapshotVersion: loaded.snapshot.snapshotVersion, files: names, problems };
  }

  await pinSnapshot(schemasDir, loaded, fromPinned ? (meta?.source ?? 'pinned') : source, !fromPinned);
  await writeOutput(outDir, files);
  const ms = Math.round(performance.now() - started);
  log(
    `codegen: wrote ${names.length} files from snapshot ${loaded.snapshot.snapshotVersion} (${source}) in ${ms} ms`,
  );
  return { ok: true, snapshotVersion: loaded.snapshot.snapshotVersion, files: names, problems: [] };
}
