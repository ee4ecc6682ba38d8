/**
 * The whole content catalog, built once from a models map: every model with its examples, pricing
 * and guides, creators, collections, the capability taxonomy, and the indexes that keep a request
 * cheap (id lookup, one presorted list per sort field, per-model search text). Everything is frozen:
 * responses hand out the same objects to every caller.
 */
import { capabilityTaxonomy } from './capabilities';
import { buildCollections } from './collections';
import { buildCreators, isVendorWord } from './creators';
import { examplesOf } from './examples';
import { guidesOf } from './guides';
import { deriveModel, type ModelFacts, slugOfEntry } from './model-facts';
import { pricingOf } from './pricing';
import type { Capability, Collection, Creator, Example, Guide, ModelsMap, Pricing } from './shapes';

/** Fields `/models` can sort by (`newest` and `alpha` are aliases, see list-models). */
export type SortField = 'weight' | 'releasedAt' | 'name' | 'creator' | 'popularity';

export interface CatalogEntry extends ModelFacts {
  examples: readonly Example[];
  pricing: Pricing;
  guides: readonly Guide[];
  capabilitySet: ReadonlySet<string>;
  /** Name, slug, AIR, headline and description, lower case, for `q`. */
  searchText: string;
}

export interface Catalog {
  /** Every model, highest weight first: the exact reverse of `ascending.weight`. */
  readonly entries: readonly CatalogEntry[];
  /** Slug, AIR and short alias → entry; see `findModel`. */
  readonly ids: ReadonlyMap<string, CatalogEntry>;
  /** Each sort field's ascending order (ties by slug); descending is the exact reverse. */
  readonly ascending: Readonly<Record<SortField, readonly CatalogEntry[]>>;
  readonly capabilities: readonly Capability[];
  readonly capabilityIds: ReadonlySet<string>;
  readonly creators: readonly Creator[];
  readonly creatorsById: ReadonlyMap<string, Creator>;
  readonly collections: readonly Collection[];
  readonly collectionsById: ReadonlyMap<string, Collection>;
}

export interface CatalogOptions {
  /** Prefix of every media and guide URL, e.g. `http://127.0.0.1:4000`. Default '' (server-relative). */
  baseUrl?: string;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders by `key`, then by slug and AIR so the order is total and the same on every build. */
function ascendingBy<T extends string | number>(
  entries: readonly CatalogEntry[],
  key: (e: CatalogEntry) => T,
): CatalogEntry[] {
  return [...entries].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const byKey =
      typeof ka === 'number' && typeof kb === 'number' ? ka - kb : compareText(String(ka), String(kb));
    return byKey || compareText(a.model.model, b.model.model) || compareText(a.model.air, b.model.air);
  });
}

/**
 * The slug without its vendor word, when that leaves a product name: `bfl-flux-1-dev` → `flux-1-dev`
 * (the id Runware's own docs use). Not for `klingai-1-0-pro`, which would leave a bare version.
 */
function aliasOf(slug: string): string | undefined {
  const dash = slug.indexOf('-');
  const rest = slug.slice(dash + 1);
  return dash > 0 && isVendorWord(slug.slice(0, dash)) && /^[a-z]/.test(rest) ? rest : undefined;
}

/**
 * Id lookup. Precedence: slugs, then AIRs, then aliases that exactly one model has; then the lower
 * case of each. When two AIRs share a slug, the first AIR in sort order owns it.
 */
function buildIds(entries: readonly CatalogEntry[]): Map<string, CatalogEntry> {
  const ids = new Map<string, CatalogEntry>();
  const add = (key: string, entry: CatalogEntry) => {
    if (!ids.has(key)) ids.set(key, entry);
  };
  const byAir = [...entries].sort((a, b) => compareText(a.model.air, b.model.air));
  for (const e of byAir) add(e.model.model, e);
  for (const e of byAir) add(e.model.air, e);
  const aliasCount = new Map<string, number>();
  for (const e of byAir) {
    const alias = aliasOf(e.model.model);
    if (alias !== undefined) aliasCount.set(alias, (aliasCount.get(alias) ?? 0) + 1);
  }
  for (const e of byAir) {
    const alias = aliasOf(e.model.model);
    if (alias !== undefined && aliasCount.get(alias) === 1) add(alias, e);
  }
  for (const [key, entry] of [...ids]) add(key.toLowerCase(), entry);
  return ids;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Deterministic: the same models map (in any key order) always gives the same catalog. */
export function buildCatalog(models: ModelsMap, options: CatalogOptions = {}): Catalog {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const airs = Object.keys(models).sort(compareText);
  const slugByAir = new Map<string, string>();
  for (const air of airs) {
    const entry = models[air];
    if (entry !== undefined) slugByAir.set(air, slugOfEntry(air, entry.slug));
  }
  const context = { slugOf: (air: string) => slugByAir.get(air), baseUrl };

  const entries: CatalogEntry[] = [];
  for (const air of airs) {
    const source = models[air];
    if (source === undefined) continue;
    const facts = deriveModel(air, source, context);
    const m = facts.model;
    entries.push({
      ...facts,
      examples: examplesOf(facts, baseUrl),
      pricing: pricingOf(m, facts.category),
      guides: guidesOf(facts, baseUrl),
      capabilitySet: new Set(m.capabilities),
      searchText: [m.name, m.model, m.air, m.headline, m.description].join('\n').toLowerCase(),
    });
  }
  deepFreeze(entries);

  const byWeight = ascendingBy(entries, (e) => e.model.weight);
  // Weight order as `/models` gives it by default, so collections and creators list models alike.
  const ranked = [...byWeight].reverse();
  const creators = deepFreeze(buildCreators(ranked, baseUrl));
  const collections = deepFreeze(buildCollections(ranked, baseUrl));
  const capabilities = deepFreeze(capabilityTaxonomy(entries.flatMap((e) => e.model.capabilities)));

  return Object.freeze({
    entries: Object.freeze(ranked),
    ids: buildIds(entries),
    ascending: Object.freeze({
      weight: Object.freeze(byWeight),
      releasedAt: Object.freeze(ascendingBy(entries, (e) => e.model.releasedAt)),
      name: Object.freeze(ascendingBy(entries, (e) => e.model.name.toLowerCase())),
      creator: Object.freeze(ascendingBy(entries, (e) => e.model.creator)),
      popularity: Object.freeze(ascendingBy(entries, (e) => e.popularity)),
    }),
    capabilities,
    capabilityIds: new Set(capabilities.map((c) => c.id)),
    creators,
    creatorsById: new Map(creators.map((c) => [c.id, c])),
    collections,
    collectionsById: new Map(collections.map((c) => [c.id, c])),
  });
}

/** A model by slug, AIR or short alias (already percent-decoded), case-insensitively as a fallback. */
export function findModel(catalog: Catalog, id: string): CatalogEntry | undefined {
  return catalog.ids.get(id) ?? catalog.ids.get(id.toLowerCase());
}
