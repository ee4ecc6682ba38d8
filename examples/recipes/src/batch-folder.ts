/** Process a folder of images with bounded concurrency: at most 2 tasks in flight at a time. */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@runware/sdk';
import { runRecipe } from './support/run-recipe';
import { clientConfig } from './support/target';

const outputDir = join(import.meta.dirname, '..', 'output', 'batch-folder');

/** A tiny promise pool: runs `worker` over `items`, never more than `limit` at once. */
async function pool<T>(
  items: readonly T[],
  limit: number,
  worker: (item: T) => Promise<void>,
): Promise<void> {
  const queue = [...items];
  const lanes = Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await worker(item);
  });
  await Promise.all(lanes);
}

await runRecipe(async (target) => {
  await using client = await createClient(clientConfig(target));

  // 1. A folder of input images. Here we generate them (as base64, so no download is needed);
  //    in your app this is the folder you already have.
  const inputDir = await mkdtemp(join(tmpdir(), 'runware-batch-'));
  const subjects = ['a teapot', 'a bicycle', 'a cactus', 'a lamp', 'a sneaker'];
  await Promise.all(
    subjects.map(async (subject, i) => {
      const [image] = await client.run({
        model: 'runware:400@1',
        positivePrompt: `Product photo of ${subject} on a plain background`,
        width: 512,
        height: 512,
        outputType: 'base64Data',
        outputFormat: 'PNG',
      });
      if (!image?.imageBase64Data) throw new Error(`no image for ${subject}`);
      await writeFile(
        join(inputDir, `${i + 1}-${subject.replace(/\W+/g, '-')}.png`),
        Buffer.from(image.imageBase64Data, 'base64'),
      );
    }),
  );
  const files = (await readdir(inputDir)).filter((name) => name.endsWith('.png')).sort();
  console.log(`input: ${files.length} images in ${inputDir}`);

  // 2. Remove every background, 2 at a time: a bound keeps memory flat and stays under the
  //    account's concurrency limit however big the folder is.
  await mkdir(outputDir, { recursive: true });
  let done = 0;
  try {
    await pool(files, 2, async (name) => {
      const [result] = await client.run<'remove-background-image'>({
        model: 'runware:110@1',
        inputs: { image: join(inputDir, name) }, // a local path: the SDK reads and encodes it
        outputType: 'base64Data',
        outputFormat: 'PNG',
      });
      const base64: unknown = result?.imageBase64Data;
      if (typeof base64 !== 'string') throw new Error(`no output for ${name}`);
      await writeFile(join(outputDir, name), Buffer.from(base64, 'base64'));
      done += 1;
      console.log(`[${done}/${files.length}] ${name}`);
    });
  } finally {
    await rm(inputDir, { recursive: true, force: true });
  }
  console.log(`wrote ${done} files to ${outputDir}`);
});
