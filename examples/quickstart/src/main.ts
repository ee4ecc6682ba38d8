import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient, isRunwareError } from '@runware/sdk';
import { createProgressLine } from './progress-line';
import { pickTarget, type Target } from './target';

const outputDir = join(import.meta.dirname ?? '.', '..', 'output');

async function main(): Promise<void> {
  const target = await pickTarget();
  try {
    await demo(target);
  } finally {
    // Also on failure: a running in-process emulator would keep the process alive.
    await target.stop();
  }
}

async function demo(target: Target): Promise<void> {
  const started = performance.now();
  console.log(`Runware quickstart — talking to ${target.label}\n`);
  // The default transport: one WebSocket for every task (stream() uses REST/SSE beside it).
  await using client = await createClient({
    apiKey: target.apiKey,
    ...(target.httpBaseUrl ? { httpBaseUrl: target.httpBaseUrl } : {}),
    ...(target.wsBaseUrl ? { wsBaseUrl: target.wsBaseUrl } : {}),
    ...(target.schemasBaseUrl ? { schemasBaseUrl: target.schemasBaseUrl } : {}),
  });
  let cost = 0;

  // 1. An image, saved to disk. The result type (ImageInferenceResult) follows the model's AIR.
  const [image] = await client.run({
    model: 'runware:400@1',
    positivePrompt: 'A lighthouse on a cliff at dusk, oil painting',
    width: 512,
    height: 512,
    outputFormat: 'PNG',
    includeCost: true,
  });
  if (!image?.imageURL) throw new Error('no image came back');
  const bytes = new Uint8Array(await (await fetch(image.imageURL)).arrayBuffer());
  await mkdir(outputDir, { recursive: true });
  const file = join(outputDir, `${image.imageUUID}.png`);
  await writeFile(file, bytes);
  cost += image.cost ?? 0;
  console.log(`1. Image saved: ${file} (${bytes.byteLength} bytes)`);

  // 2. A streamed answer, token by token.
  process.stdout.write('2. Streaming: ');
  const stream = await client.stream({
    model: 'google:gemma@4-31b',
    messages: [{ role: 'user', content: 'Why do lighthouses use rotating lights?' }],
    includeCost: true,
    includeUsage: true,
  });
  for await (const token of stream.textStream) process.stdout.write(token);
  const answer = await stream.result();
  cost += answer.cost ?? 0;
  console.log(`\n   (${answer.usage?.completionTokens ?? '?'} tokens, finish: ${answer.finishReason})`);

  // 3. Several tasks at once, with a live progress line.
  const progress = createProgressLine();
  const jobs = [
    {
      model: 'runware:400@1',
      positivePrompt: 'A red fox in snow',
      width: 512,
      height: 512,
      numberResults: 2,
    },
    { model: 'runware:400@1', positivePrompt: 'A city at night', width: 512, height: 512 },
    { model: 'google:3@3', positivePrompt: 'Waves at sunset', duration: 2 },
    {
      model: 'alibaba:qwen@3-tts-1.7b-voicedesign',
      positivePrompt: 'A calm voice',
      speech: { text: 'Hello there', voice: 'design' },
    },
  ];
  const total = jobs.reduce((sum, job) => sum + (job.numberResults ?? 1), 0);
  let finished = 0;
  progress.update(`3. Concurrent tasks: 0/${total} results`);
  const results = await Promise.allSettled(
    jobs.map((job) =>
      client.run(
        { ...job, includeCost: true },
        {
          onResult: () => {
            finished += 1;
            progress.update(`3. Concurrent tasks: ${finished}/${total} results`);
          },
        },
      ),
    ),
  );
  progress.done();
  const failed = results.filter((r) => r.status === 'rejected');
  for (const r of results)
    if (r.status === 'fulfilled')
      for (const item of r.value) cost += typeof item.cost === 'number' ? item.cost : 0;
  for (const r of failed) {
    const error = (r as PromiseRejectedResult).reason;
    console.log(`   failed: ${isRunwareError(error) ? `${error.code}: ${error.message}` : String(error)}`);
  }

  console.log(
    `\nSummary: 1 image saved, 1 streamed answer, ${finished}/${total} concurrent results, ${failed.length} failed, cost $${cost.toFixed(4)}, ${Math.round(performance.now() - started)} ms.`,
  );
  if (failed.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(isRunwareError(error) ? `RunwareError ${error.code}: ${error.message}` : error);
  process.exitCode = 1;
});
