import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Snapshot } from '../src/snapshot';

export const fixturePath = fileURLToPath(new URL('./fixtures/mini-snapshot.json', import.meta.url));
export const fixtureText = readFileSync(fixturePath, 'utf8');

/** A fresh, mutable copy of the fixture snapshot. */
export function fixture(): Snapshot {
  return JSON.parse(fixtureText) as Snapshot;
}
