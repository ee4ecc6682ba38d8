import { createReadStream } from 'node:fs';

/** Non-blank lines of a file, counted over its bytes as a stream (for the progress total). */
export async function countLines(path: string): Promise<number> {
  let lines = 0;
  let blank = true;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i] as number;
      if (byte === 10) {
        if (!blank) lines += 1;
        blank = true;
      } else if (byte !== 13 && byte !== 32 && byte !== 9) blank = false;
    }
  }
  return blank ? lines : lines + 1;
}
