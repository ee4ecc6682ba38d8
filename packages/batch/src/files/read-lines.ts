import { createReadStream } from 'node:fs';
import { open, stat, truncate } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/**
 * Cuts a torn last line (a write the crash interrupted: no final newline) off an append-only file,
 * so the next append starts on a line of its own. Returns the bytes removed.
 */
export async function repairTornTail(path: string): Promise<number> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  if (size === 0) return 0;
  const handle = await open(path, 'r');
  try {
    // Read backwards in blocks until a newline: the end of the last whole line.
    const block = Buffer.alloc(64 * 1024);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - block.length);
      const { bytesRead } = await handle.read(block, 0, end - start, start);
      const at = block.subarray(0, bytesRead).lastIndexOf(10);
      if (at !== -1) {
        const keep = start + at + 1;
        if (keep === size) return 0;
        await truncate(path, keep);
        return size - keep;
      }
      end = start;
    }
  } finally {
    await handle.close();
  }
  await truncate(path, 0);
  return size;
}

/** The lines of a file, streamed (never read whole), with 1-based line numbers. */
export async function* readLines(path: string): AsyncGenerator<{ line: number; text: string }> {
  const lines = createInterface({
    input: createReadStream(path, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    yield { line, text };
  }
}

export async function fileExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
