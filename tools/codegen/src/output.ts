import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GeneratedFiles } from './generate';
import type { LoadedSnapshot } from './load-snapshot';

export interface StaleReport {
  /** Files whose committed text differs from what the generator produces. */
  changed: string[];
  /** Files the generator produces that are not on disk. */
  missing: string[];
  /** `.ts` files on disk that the generator no longer produces. */
  extra: string[];
}

async function listTs(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.ts')).sort();
  } catch {
    return [];
  }
}

/** Compares generated files with what is in `dir`, without writing. */
export async function compareOutput(dir: string, files: GeneratedFiles): Promise<StaleReport> {
  const onDisk = await listTs(dir);
  const report: StaleReport = { changed: [], missing: [], extra: onDisk.filter((f) => !files.has(f)) };
  for (const [name, text] of files) {
    if (!onDisk.includes(name)) report.missing.push(name);
    else if ((await readFile(join(dir, name), 'utf8')) !== text) report.changed.push(name);
  }
  return report;
}

/** Replaces the contents of `dir` with the generated files. */
export async function writeOutput(dir: string, files: GeneratedFiles): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const stale of (await listTs(dir)).filter((f) => !files.has(f))) await rm(join(dir, stale));
  for (const [name, text] of files) await writeFile(join(dir, name), text);
}

/** What is recorded next to a pinned snapshot so its provenance can be checked. */
export interface SnapshotMeta {
  snapshotVersion: string;
  sha256: string;
  source: string;
}

export function snapshotMeta(loaded: LoadedSnapshot, source: string): SnapshotMeta {
  return {
    snapshotVersion: loaded.snapshot.snapshotVersion,
    sha256: createHash('sha256').update(loaded.text).digest('hex'),
    source,
  };
}

/**
 * Records the snapshot in `schemasDir`: `snapshot-meta.json` always, `api-snapshot.json` only when
 * it came from elsewhere (`copy`).
 */
export async function pinSnapshot(
  schemasDir: string,
  loaded: LoadedSnapshot,
  source: string,
  copy: boolean,
): Promise<SnapshotMeta> {
  const meta = snapshotMeta(loaded, source);
  await mkdir(schemasDir, { recursive: true });
  if (copy) await writeFile(join(schemasDir, 'api-snapshot.json'), loaded.text);
  await writeFile(join(schemasDir, 'snapshot-meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}
