/** Browse Runware's curated model catalog: models by category, one model, its pricing, creators. */
import { createClient } from '@runware/sdk';
import { runRecipe } from './support/run-recipe';
import { clientConfig } from './support/target';

await runRecipe(async (target) => {
  // client.content is plain HTTP to the content service: no task, no credits, no WebSocket.
  await using client = await createClient(clientConfig(target));
  const { content } = client;

  // Page through the video models, 5 at a time. Advance by `limit`, not by items.length: the
  // server's `total` can count a few models the client filters out of the pages.
  const limit = 5;
  const first = await content.listModels({ category: 'video', paginate: true, limit });
  console.log(`video models: ${first.total} in the catalog`);
  for (let offset = 0; offset < Math.min(first.total, 2 * limit); offset += limit) {
    const page =
      offset === 0 ? first : await content.listModels({ category: 'video', paginate: true, limit, offset });
    console.log(`page at ${offset}: ${page.items.map((m) => m.model).join(', ')}`);
  }

  // Free-text search without paging answers a plain array.
  const fluxes = await content.listModels({ category: 'image', search: 'flux' });
  console.log(`image models matching "flux": ${fluxes.length}`);

  // One model by slug or AIR; null (not an error) when the id is unknown.
  const model = await content.getModel('runware:400@1');
  if (!model) throw new Error('model not in the catalog');
  console.log(`model: ${model.name} (${model.model}) by ${model.creator}: ${model.headline}`);
  console.log(`unknown id: ${await content.getModel('no-such-model')}`);

  const pricing = await content.getModelPricing(model.model);
  console.log(`pricing: ${pricing?.pricingOverview ?? 'n/a'}`);

  const collections = await content.listCollections();
  console.log(`collections: ${collections.map((c) => `${c.name} (${c.models.length})`).join(', ')}`);
  const creators = await content.listCreators();
  const creator = await content.getCreator(model.creator);
  console.log(`creators: ${creators.length}; ${creator?.name} has ${creator?.models.length} curated models`);
});
