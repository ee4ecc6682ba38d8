import type { ModelRecord } from '../state/model-registry';

const sortKeys: Record<string, (m: ModelRecord) => string | number> = {
  name: (m) => m.name.toLowerCase(),
  popularity: (m) => (m.source === 'curated' ? 2 : 1),
  addedUnixTimestamp: (m) => m.air,
  updatedDateUnixTimestamp: (m) => m.air,
};

/** modelSearch over every model the emulator knows; filters and paging as the request names them. */
export function searchModels(models: readonly ModelRecord[], params: Record<string, unknown>) {
  const search = typeof params.search === 'string' ? params.search.toLowerCase() : '';
  const matches = models.filter((m) => {
    if (
      search &&
      !`${m.name} ${m.air} ${m.slug ?? ''} ${m.architecture ?? ''}`.toLowerCase().includes(search)
    )
      return false;
    if (typeof params.category === 'string' && m.category !== params.category) return false;
    if (typeof params.architecture === 'string' && m.architecture !== params.architecture) return false;
    if (params.source === 'featured' && m.source !== 'curated') return false;
    if (params.source === 'community' && m.source === 'curated') return false;
    if (params.visibility === 'private' || params.visibility === 'owned') return m.source === 'uploaded';
    return true;
  });
  const sort = typeof params.sort === 'string' ? params.sort : '-popularity';
  const descending = sort.startsWith('-');
  const key = sortKeys[sort.replace(/^-/, '')] ?? sortKeys.popularity;
  if (key) {
    matches.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const order = x < y ? -1 : x > y ? 1 : a.air < b.air ? -1 : 1;
      return descending ? -order : order;
    });
  }
  const offset = typeof params.offset === 'number' && params.offset > 0 ? Math.trunc(params.offset) : 0;
  const limit =
    typeof params.limit === 'number' && params.limit > 0 ? Math.min(100, Math.trunc(params.limit)) : 20;
  return {
    totalResults: matches.length,
    results: matches.slice(offset, offset + limit).map((m) => ({
      air: m.air,
      name: m.name,
      category: m.category,
      architecture: m.architecture ?? null,
      capabilities: [m.taskType],
      source: m.source === 'curated' ? 'featured' : 'community',
      heroImage: null,
      private: m.source === 'uploaded',
    })),
  };
}
