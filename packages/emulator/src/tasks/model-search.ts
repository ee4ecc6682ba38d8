import { intBetween } from '../content/hash';
import { catalogEnd } from '../state/catalog-architectures';
import type { ModelRecord } from '../state/model-registry';

const DAY = 86_400;
const CATALOG_START = catalogEnd - 3 * 365 * DAY;

/** Downloads, for the popularity sort: generated models carry theirs, others get a stable one. */
function downloadsOf(m: ModelRecord): number {
  if (m.listing) return m.listing.downloads;
  return m.source === 'curated' || m.source === 'community'
    ? intBetween(m.air, 'downloads', 1_000, 500_000)
    : 0;
}

/** Unix seconds. Models added while running are the newest, whatever order they came in. */
function addedAtOf(m: ModelRecord): number {
  if (m.listing) return m.listing.addedAt;
  if (m.source === 'runtime' || m.source === 'uploaded') return catalogEnd + DAY;
  return CATALOG_START + intBetween(m.air, 'added', 0, 3 * 365) * DAY;
}

function updatedAtOf(m: ModelRecord): number {
  return m.listing?.updatedAt ?? addedAtOf(m);
}

/** Featured (curated) models outrank community ones under `popularity`, then downloads decide. */
const downloadsKey = (m: ModelRecord) => (m.source === 'curated' ? 1e12 : 0) + downloadsOf(m);

const sortKeys: Record<string, (m: ModelRecord) => string | number> = {
  name: (m) => m.name.toLowerCase(),
  popularity: downloadsKey,
  addedUnixTimestamp: addedAtOf,
  updatedDateUnixTimestamp: updatedAtOf,
};

/** What `search` is matched against: every word of the query must appear somewhere in it. */
function searchText(m: ModelRecord): string {
  return `${m.name} ${m.air} ${m.slug ?? ''} ${m.architecture ?? ''} ${m.category} ${m.listing?.shortDescription ?? ''}`.toLowerCase();
}

function capabilitiesOf(m: ModelRecord): string[] {
  return [m.taskType];
}

function visible(m: ModelRecord, visibility: unknown): boolean {
  const isPrivate = m.source === 'uploaded';
  if (visibility === 'private' || visibility === 'owned') return isPrivate;
  if (visibility === 'public') return !isPrivate;
  // The emulator keeps no favourites: nothing is one.
  if (visibility === 'favorite') return false;
  return true;
}

function resultOf(m: ModelRecord) {
  return {
    air: m.air,
    name: m.name,
    category: m.category,
    architecture: m.architecture ?? null,
    capabilities: capabilitiesOf(m),
    source: m.source === 'curated' ? 'featured' : 'community',
    heroImage: null,
    private: m.source === 'uploaded',
    ...(m.listing?.shortDescription ? { shortDescription: m.listing.shortDescription } : {}),
    ...(m.listing?.positiveTriggerWords ? { positiveTriggerWords: m.listing.positiveTriggerWords } : {}),
    ...(m.listing?.negativeTriggerWords ? { negativeTriggerWords: m.listing.negativeTriggerWords } : {}),
  };
}

/**
 * modelSearch over every model the emulator knows (curated, community, generated, added): filters
 * and paging as the request names them, a stable order (ties broken by AIR), so the same request
 * always gets the same page.
 */
export function searchModels(models: readonly ModelRecord[], params: Record<string, unknown>) {
  const words =
    typeof params.search === 'string' ? params.search.toLowerCase().split(/\s+/).filter(Boolean) : [];
  const wanted = Array.isArray(params.capabilities)
    ? params.capabilities.filter((c): c is string => typeof c === 'string')
    : [];
  const matches = models.filter((m) => {
    if (typeof params.category === 'string' && m.category !== params.category) return false;
    if (typeof params.architecture === 'string' && m.architecture !== params.architecture) return false;
    if (params.source === 'featured' && m.source !== 'curated') return false;
    if (params.source === 'community' && m.source === 'curated') return false;
    if (!visible(m, params.visibility)) return false;
    if (wanted.length > 0) {
      const has = capabilitiesOf(m);
      if (!wanted.every((c) => has.includes(c))) return false;
    }
    if (words.length > 0) {
      const text = searchText(m);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
  const sort = typeof params.sort === 'string' ? params.sort : '-popularity';
  const descending = sort.startsWith('-');
  const key = sortKeys[sort.replace(/^-/, '')] ?? downloadsKey;
  // Keys once per model, not per comparison: a broad search sorts thousands.
  const ordered = matches
    .map((m) => ({ m, k: key(m) }))
    .sort((a, b) => {
      const order = a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
      if (order !== 0) return descending ? -order : order;
      return a.m.air < b.m.air ? -1 : a.m.air > b.m.air ? 1 : 0;
    })
    .map((entry) => entry.m);
  const offset = typeof params.offset === 'number' && params.offset > 0 ? Math.trunc(params.offset) : 0;
  const limit =
    typeof params.limit === 'number' && params.limit > 0 ? Math.min(100, Math.trunc(params.limit)) : 20;
  return {
    totalResults: matches.length,
    results: ordered.slice(offset, offset + limit).map(resultOf),
  };
}
