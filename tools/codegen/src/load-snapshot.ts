import { readFile } from 'node:fs/promises';
import { assertSnapshot, type Snapshot, SnapshotError } from './snapshot';

export interface LoadedSnapshot {
  snapshot: Snapshot;
  /** The exact text read, so a pinned copy can be written byte for byte. */
  text: string;
  source: string;
}

function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

async function readSource(source: string): Promise<string> {
  if (!isUrl(source)) return readFile(source, 'utf8');
  let response: Response;
  try {
    response = await fetch(source, { headers: { accept: 'application/json' } });
  } catch (cause) {
    throw new SnapshotError(`could not fetch snapshot from ${source}: ${(cause as Error).message}`);
  }
  if (!response.ok)
    throw new SnapshotError(`could not fetch snapshot from ${source}: HTTP ${response.status}`);
  return response.text();
}

/** Reads a snapshot from a file path or an http(s) URL and checks its structure. */
export async function loadSnapshot(source: string): Promise<LoadedSnapshot> {
  const text = await readSource(source);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new SnapshotError(`snapshot at ${source} is not valid JSON: ${(cause as Error).message}`);
  }
  assertSnapshot(parsed);
  return { snapshot: parsed, text, source };
}
