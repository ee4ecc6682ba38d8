/** The utility tasks: model search, uploads, media storage, account details, the task archive. */
import { createClient } from '@runware/sdk';
import { runRecipe } from './support/run-recipe';
import { clientConfig } from './support/target';

await runRecipe(async (target) => {
  await using client = await createClient(clientConfig(target));

  // Find models (checkpoints, LoRAs, …) on the platform, community ones included. Every utility
  // resolves with the task's result items, like run(): here one, the search answer.
  const [found] = await client.modelSearch({ search: 'sdxl', category: 'checkpoint', limit: 3 });
  console.log(
    `modelSearch: ${found?.totalResults} total, first ${found?.results[0]?.air} (${found?.results[0]?.name})`,
  );

  // An image to upload: generated here as base64, to stand in for a user's file.
  const [image] = await client.run({
    model: 'runware:400@1',
    positivePrompt: 'A postcard',
    width: 512,
    height: 512,
    outputType: 'base64Data',
    outputFormat: 'PNG',
  });
  if (!image?.imageBase64Data) throw new Error('no image');
  const dataUri = `data:image/png;base64,${image.imageBase64Data}`;

  // imageUpload gives a UUID usable as an input of later tasks (no need to re-send the bytes).
  const [uploaded] = await client.imageUpload({ image: dataUri });
  console.log(`imageUpload: ${uploaded?.imageUUID}`);

  // mediaStorage keeps any media until you delete it.
  const [stored] = await client.mediaStorage({ operation: 'upload', media: dataUri });
  if (!stored) throw new Error('mediaStorage answered nothing');
  console.log(`mediaStorage upload: ${stored.mediaUUID}`);
  const [deleted] = await client.mediaStorage({ operation: 'delete', media: stored.mediaUUID });
  console.log(`mediaStorage ${deleted?.operation}: ${deleted?.mediaUUID}`);

  const [account] = await client.accountManagement({ operation: 'getDetails' });
  console.log(
    `accountManagement: ${account?.organizationName} balance ${account?.balance?.amount} ${account?.balance?.currency}`,
  );

  // The archive: what was sent and answered for a task you ran earlier.
  const [details] = await client.getTaskDetails({ taskUUID: image.taskUUID });
  console.log(
    `getTaskDetails: ${details?.request.length} request(s), model ${String(details?.request[0]?.model)}`,
  );
});
