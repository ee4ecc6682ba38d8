import { mulberry32, type Rng } from '../rng';
import { type CatalogArchitecture, catalogArchitectures, catalogEnd } from './catalog-architectures';
import {
  brandStems,
  checkpointNouns,
  embeddingStems,
  loraKinds,
  loraTopics,
  styles,
  versionStyles,
  wellKnownFamilies,
} from './catalog-words';
import type { CommunityModel, ModelListing } from './community-models';

type Category = CommunityModel['category'];

/**
 * Fixed, not the emulator's `seed`: the catalog is the platform's, the same for every emulator, so
 * an AIR found once can be hard-coded in a test and found again.
 */
const CATALOG_SEED = 0x52554e57;

/** Model ids the fixtures of `community-models.ts` and the curated list already use. */
const RESERVED_MODEL_IDS: ReadonlySet<number> = new Set([133005, 4384, 25694, 827184, 618692, 58390, 101055]);

const DAY = 86_400;
/** Generated model ids lie in [MIN, MAX), like civitai's: small ids stay free for hand-made AIRs. */
const MIN_MODEL_ID = 10_000;
const MAX_MODEL_ID = 2_000_000;
const animeStyles = ['anime', 'manga', 'chibi', 'pastel', 'comic', 'cartoon', 'semi-real'] as const;
const flavours = [
  'great for portraits',
  'strong at landscapes',
  'tuned for characters',
  'good with product shots',
  'a versatile all-rounder',
  'tuned for detailed scenes',
  'made for concept art',
  'good at fashion photography',
] as const;
const categoryLabels: Record<Category, string> = {
  checkpoint: 'checkpoint',
  lora: 'LoRA',
  lycoris: 'LyCORIS',
  embeddings: 'embedding',
  vae: 'VAE',
};

function pickFrom<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

const toTitle = (text: string) =>
  text.replace(/(^|[\s-])([a-z])/g, (_, sep, c: string) => sep + c.toUpperCase());
/** Title and Pascal forms of every style, computed once: regexes per model dominate a cold run. */
const titled: ReadonlyMap<string, string> = new Map(
  [...styles, ...animeStyles].map((style) => [style, toTitle(style)]),
);
const titleCase = (style: string) => titled.get(style) ?? toTitle(style);
const pascalCase = (style: string) => titleCase(style).replace(/[\s-]/g, '');

/** What one family draws: its name, style and the words its versions share. */
interface Family {
  name: string;
  style: string;
  topic: string;
  category: Category;
  versions: readonly string[];
  /** Well-known families rank first by downloads. */
  famous: boolean;
}

function styleFor(rng: Rng, arch: CatalogArchitecture): string {
  return arch.animeLeaning && rng() < 0.6 ? pickFrom(rng, animeStyles) : pickFrom(rng, styles);
}

function familyName(rng: Rng, arch: CatalogArchitecture, category: Category, style: string, topic: string) {
  const suffix = pickFrom(rng, arch.suffixes);
  const roll = rng();
  switch (category) {
    case 'checkpoint':
      if (roll < 0.35) return `${titleCase(style)} ${pickFrom(rng, checkpointNouns)}${suffix}`;
      if (roll < 0.65) return `${pickFrom(rng, brandStems)}${pickFrom(rng, checkpointNouns)}${suffix}`;
      return `${pickFrom(rng, brandStems)} ${titleCase(style)}${suffix}`;
    case 'lora':
      if (roll < 0.6) return `${titleCase(style)} ${topic} ${pickFrom(rng, loraKinds)}${suffix}`;
      return `${topic} ${pickFrom(rng, loraKinds)}${suffix}`;
    case 'lycoris':
      return `${titleCase(style)} ${topic} ${roll < 0.5 ? 'LoCon' : 'LoHa'}${suffix}`;
    case 'embeddings':
      return `${pascalCase(style)}${pickFrom(rng, embeddingStems)}${suffix.replace(/\s/g, '')}`;
    case 'vae':
      return `${roll < 0.5 ? pickFrom(rng, brandStems) : titleCase(style)} VAE${suffix}`;
  }
}

function versionCount(rng: Rng): number {
  const roll = rng();
  return roll < 0.5 ? 1 : roll < 0.75 ? 2 : roll < 0.9 ? 3 : 4;
}

function drawFamily(rng: Rng, arch: CatalogArchitecture, category: Category, taken: Set<string>): Family {
  for (let attempt = 0; ; attempt++) {
    const style = styleFor(rng, arch);
    const topic = pickFrom(rng, loraTopics);
    const base = familyName(rng, arch, category, style, topic);
    // A clash after a few draws gets a numeral, as a hub's "… II" would.
    const name = attempt < 6 ? base : `${base} ${attempt - 4}`;
    if (taken.has(name.toLowerCase())) continue;
    taken.add(name.toLowerCase());
    const label = pickFrom(rng, versionStyles);
    const versions: string[] = [];
    for (let i = versionCount(rng); i > 0; i--) versions.push(label(versions.length));
    return { name, style, topic, category, versions, famous: false };
  }
}

function describe(family: Family, arch: CatalogArchitecture, rng: Rng): string {
  const what = `${titleCase(family.style)} ${arch.label} ${categoryLabels[family.category]}`;
  return family.category === 'lora' || family.category === 'lycoris'
    ? `${what} for ${family.style} ${family.topic.toLowerCase()}.`
    : `${what}, ${pickFrom(rng, flavours)}.`;
}

/** The words that switch a LoRA or embedding on (negative ones go in the negative prompt). */
function triggerWordsOf(family: Family): { positive?: string; negative?: string } {
  if (family.category === 'lora' || family.category === 'lycoris')
    return { positive: `${family.style} ${family.topic.toLowerCase()}` };
  if (family.category !== 'embeddings') return {};
  const word = family.name.replace(/\s+/g, '');
  return /neg|bad/i.test(word) || family.style === 'negative' ? { negative: word } : { positive: word };
}

/** Unique civitai-style model ids: one per family, never a reserved one. */
function modelIdSource(rng: Rng): () => number {
  const used = new Set(RESERVED_MODEL_IDS);
  return () => {
    for (;;) {
      const id = MIN_MODEL_ID + Math.floor(rng() * (MAX_MODEL_ID - MIN_MODEL_ID));
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
}

/**
 * The community catalog modelSearch searches: about 6,600 checkpoints, LoRAs, LyCORIS, embeddings
 * and VAEs over the snapshot's architectures, drawn from one fixed-seed PRNG in a fixed order, so
 * every call returns the same models with the same AIRs (`civitai:<modelId>@<versionId>`). It costs
 * tens of milliseconds cold: use {@link communityCatalog}, which builds it once, when first needed.
 */
export function generateCommunityCatalog(): CommunityModel[] {
  const rng = mulberry32(CATALOG_SEED);
  const nextModelId = modelIdSource(rng);
  const models: CommunityModel[] = [];
  const byId = new Map(catalogArchitectures.map((arch) => [arch.id, arch]));

  const emit = (family: Family, arch: CatalogArchitecture) => {
    const modelId = nextModelId();
    const baseDownloads = family.famous
      ? 1_000_000 + Math.floor(rng() * 3_000_000)
      : 200 + Math.floor(rng() ** 5 * 900_000);
    const description = describe(family, arch, rng);
    const trigger = triggerWordsOf(family);
    let versionId = modelId + 1_000 + Math.floor(rng() * 400_000);
    let addedAt = arch.releasedAt + Math.floor(rng() ** 1.5 * (catalogEnd - arch.releasedAt) * 0.8);
    for (const version of family.versions) {
      const updatedAt = Math.min(catalogEnd, addedAt + Math.floor(rng() * 60) * DAY);
      const listing: ModelListing = {
        downloads: Math.floor(baseDownloads * (0.3 + 0.7 * rng())),
        addedAt,
        updatedAt,
        shortDescription: description,
      };
      if (trigger.positive) listing.positiveTriggerWords = trigger.positive;
      if (trigger.negative) listing.negativeTriggerWords = trigger.negative;
      models.push({
        air: `civitai:${modelId}@${versionId}`,
        name: `${family.name} ${version}`,
        architecture: arch.id,
        category: family.category,
        taskType: 'imageInference',
        listing,
      });
      versionId += 1 + Math.floor(rng() * 90_000);
      addedAt = Math.min(catalogEnd, addedAt + (10 + Math.floor(rng() * 110)) * DAY);
    }
  };

  const taken = new Set<string>();
  for (const known of wellKnownFamilies) {
    const arch = byId.get(known.architecture);
    if (!arch) continue;
    taken.add(known.name.toLowerCase());
    emit({ ...known, topic: 'Portrait', famous: true }, arch);
  }
  for (const arch of catalogArchitectures) {
    for (const [category, count] of Object.entries(arch.families) as [Category, number][]) {
      for (let i = 0; i < count; i++) emit(drawFamily(rng, arch, category, taken), arch);
    }
  }
  return models;
}

let built: readonly CommunityModel[] | undefined;

/**
 * The catalog, generated on first use and then shared by every emulator of the process: it is
 * read-only platform data (like the snapshot, see `loadSnapshotData`), so sharing it holds no state,
 * and a test file that starts several emulators pays for it once. Nobody may mutate the entries.
 */
export function communityCatalog(): readonly CommunityModel[] {
  built ??= generateCommunityCatalog();
  return built;
}

/**
 * Whether `air` can be a generated model: `civitai:<id>@<id>` with a model id in the generated
 * range. Lets a lookup of any other unknown AIR (`civitai:1@1`) answer without building the catalog.
 */
export function mayBeGenerated(air: string): boolean {
  const match = /^civitai:(\d+)@\d+$/.exec(air);
  return match !== null && Number(match[1]) >= MIN_MODEL_ID;
}
