/**
 * Who made a model. The creator is the vendor named by the slug's first word when that word is a
 * known vendor (Runware hosts `runware:101@1` = `bfl-flux-1-dev`, made by Black Forest Labs), else
 * the vendor of the AIR source, else an id made from the source itself.
 */
import type { ModelFacts } from './model-facts';
import { CATEGORIES, type Creator } from './shapes';

interface Vendor {
  id: string;
  name: string;
  /** The vendor's name is left out of model names (`openai-gpt-image-1` → "GPT Image 1"). */
  productNamed?: boolean;
}

/** Slug prefixes and AIR sources → vendor. */
const VENDORS: Readonly<Record<string, Vendor>> = {
  alibaba: { id: 'alibaba', name: 'Alibaba', productNamed: true },
  anthropic: { id: 'anthropic', name: 'Anthropic', productNamed: true },
  baidu: { id: 'baidu', name: 'Baidu', productNamed: true },
  bfl: { id: 'black-forest-labs', name: 'Black Forest Labs', productNamed: true },
  bria: { id: 'bria', name: 'Bria' },
  bytedance: { id: 'bytedance', name: 'ByteDance', productNamed: true },
  civitai: { id: 'civitai', name: 'Civitai' },
  creatify: { id: 'creatify', name: 'Creatify' },
  deepseek: { id: 'deepseek', name: 'DeepSeek' },
  exactly: { id: 'exactly', name: 'Exactly' },
  fishaudio: { id: 'fish-audio', name: 'Fish Audio' },
  google: { id: 'google', name: 'Google', productNamed: true },
  heygen: { id: 'heygen', name: 'HeyGen' },
  hidream: { id: 'hidream', name: 'HiDream' },
  hyper3d: { id: 'hyper3d', name: 'Hyper3D' },
  ideogram: { id: 'ideogram', name: 'Ideogram' },
  imagineart: { id: 'imagineart', name: 'ImagineArt' },
  inworld: { id: 'inworld', name: 'Inworld' },
  klingai: { id: 'kling-ai', name: 'Kling AI' },
  krea: { id: 'krea', name: 'Krea' },
  lightricks: { id: 'lightricks', name: 'Lightricks' },
  luma: { id: 'luma-ai', name: 'Luma AI' },
  memories: { id: 'memories-ai', name: 'Memories.ai' },
  meshy: { id: 'meshy', name: 'Meshy' },
  meta: { id: 'meta', name: 'Meta', productNamed: true },
  microsoft: { id: 'microsoft', name: 'Microsoft', productNamed: true },
  minimax: { id: 'minimax', name: 'MiniMax' },
  mirelo: { id: 'mirelo', name: 'Mirelo' },
  moonshotai: { id: 'moonshot-ai', name: 'Moonshot AI', productNamed: true },
  openai: { id: 'openai', name: 'OpenAI', productNamed: true },
  picsart: { id: 'picsart', name: 'Picsart' },
  pixverse: { id: 'pixverse', name: 'PixVerse' },
  prunaai: { id: 'pruna-ai', name: 'Pruna AI' },
  recraft: { id: 'recraft', name: 'Recraft' },
  reve: { id: 'reve', name: 'Reve' },
  rundiffusion: { id: 'rundiffusion', name: 'RunDiffusion' },
  runware: { id: 'runware', name: 'Runware', productNamed: true },
  runway: { id: 'runway', name: 'Runway' },
  skywork: { id: 'skywork', name: 'Skywork' },
  sourceful: { id: 'sourceful', name: 'Sourceful' },
  stabilityai: { id: 'stability-ai', name: 'Stability AI', productNamed: true },
  sync: { id: 'sync-labs', name: 'Sync Labs' },
  tencent: { id: 'tencent', name: 'Tencent', productNamed: true },
  topazlabs: { id: 'topaz-labs', name: 'Topaz Labs' },
  tripo: { id: 'tripo', name: 'Tripo' },
  veed: { id: 'veed', name: 'VEED' },
  vidu: { id: 'vidu', name: 'Vidu' },
  xai: { id: 'xai', name: 'xAI' },
  zai: { id: 'z-ai', name: 'Z.ai', productNamed: true },
};

export interface CreatorFacts {
  id: string;
  name: string;
  /** The slug's first word when it names this creator, so model names can drop it. */
  slugPrefix?: string;
  productNamed: boolean;
}

const own = (key: string): Vendor | undefined => (Object.hasOwn(VENDORS, key) ? VENDORS[key] : undefined);

/** An id-safe form of an unknown AIR source: lower case, runs of other characters become `-`. */
function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function creatorOf(air: string, slug: string): CreatorFacts {
  const prefix = slug.split('-')[0] ?? '';
  const bySlug = own(prefix);
  if (bySlug) {
    return {
      id: bySlug.id,
      name: bySlug.name,
      slugPrefix: prefix,
      productNamed: bySlug.productNamed ?? false,
    };
  }
  const source = air.split(':')[0] ?? '';
  const bySource = own(source.toLowerCase());
  if (bySource) return { id: bySource.id, name: bySource.name, productNamed: false };
  const id = slugify(source) || 'unknown';
  return { id, name: id.charAt(0).toUpperCase() + id.slice(1), productNamed: false };
}

/** Whether a word names a vendor; such a first word of a slug can be dropped to form an alias. */
export function isVendorWord(word: string): boolean {
  return own(word) !== undefined;
}

/**
 * The `/creators` list, sorted by id. `ranked` is every model in weight order (highest first);
 * each creator's inlined models keep that order.
 */
export function buildCreators(ranked: readonly ModelFacts[], baseUrl: string): Creator[] {
  const byId = new Map<string, { name: string; facts: ModelFacts[] }>();
  for (const facts of ranked) {
    const entry = byId.get(facts.creator.id) ?? { name: facts.creator.name, facts: [] };
    entry.facts.push(facts);
    byId.set(facts.creator.id, entry);
  }
  return [...byId.keys()].sort().map((id): Creator => {
    const { name, facts } = byId.get(id) ?? { name: id, facts: [] };
    const present = new Set(facts.map((f) => f.category));
    const categories = CATEGORIES.filter((c) => present.has(c));
    const count = facts.length === 1 ? '1 model' : `${facts.length} models`;
    return {
      id,
      name,
      logo: `${baseUrl}/media/creator/${encodeURIComponent(id)}.svg`,
      headline: `${count} on Runware`,
      description: `${name} models available through the Runware API, covering ${categories.join(', ')}.`,
      models: facts.map((f) => f.model),
    };
  });
}
