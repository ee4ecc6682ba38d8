/**
 * One catalog model, derived only from its AIR, slug and task type (plus which other AIRs exist,
 * for `replacedBy`). Values that Runware curates by hand (dates, weights, popularity) are hashed
 * from the AIR, so they are stable across builds and independent of the other models.
 */
import { capabilitiesOf, capabilityLabel, categoryOf } from './capabilities';
import { type CreatorFacts, creatorOf } from './creators';
import { intBetween, isoDatePlus, unit } from './hash';
import { architectureOf, isHostedAir } from './model-architecture';
import { nameFromSlug } from './model-name';
import { statusOf } from './model-status';
import { pricingFactsOf } from './pricing';
import type { Category, ContentModel, ModelStatus } from './shapes';

/** A model plus the facts the service needs but the Model shape does not carry. */
export interface ModelFacts {
  model: ContentModel;
  taskType: string;
  category: Category;
  creator: CreatorFacts;
  /** Runs per month, for `sort=popularity`. */
  popularity: number;
}

export interface ModelContext {
  /** Slug of an AIR in the catalog, or undefined. */
  slugOf(air: string): string | undefined;
  /** Prefix of every media URL ('' for paths relative to the server). */
  baseUrl: string;
}

function releasedAtOf(air: string, status: ModelStatus): string {
  // Deprecated models predate the rest; unreleased ones lie ahead of the catalog's snapshot.
  if (status === 'deprecated') return isoDatePlus('2023-01-01', intBetween(air, 'released', 0, 364));
  if (status === 'coming-soon') return isoDatePlus('2026-09-01', intBetween(air, 'released', 0, 119));
  return isoDatePlus('2024-01-01', intBetween(air, 'released', 0, 899));
}

function headlineOf(capabilities: readonly string[], creatorName: string): string {
  const main = capabilities.find((c) => c.startsWith('io:')) ?? capabilities[0] ?? 'op:inference';
  const label = capabilityLabel(main).toLowerCase();
  const trait = capabilities.includes('form:fast')
    ? 'Fast '
    : capabilities.includes('form:pro')
      ? 'Pro-grade '
      : '';
  const what = trait === '' ? label.charAt(0).toUpperCase() + label.slice(1) : label;
  return `${trait}${what} model by ${creatorName}`;
}

function descriptionOf(m: ContentModel, creatorName: string, replacementName: string | undefined): string {
  const labels = m.capabilities
    .filter((c) => !c.startsWith('form:'))
    .map((c) => capabilityLabel(c).toLowerCase());
  const parts = [
    `${m.name} is a model by ${creatorName}, available on Runware as ${m.air}.`,
    labels.length > 0 ? `It supports ${labels.join(', ')}.` : '',
    m.hosted ? 'Runware runs it on its own GPUs from open weights.' : '',
    m.status === 'deprecated' ? `Deprecated: use ${replacementName ?? m.replacedBy} instead.` : '',
    m.status === 'coming-soon' ? 'Coming soon to Runware.' : '',
    m.status === 'openai-compatible' ? 'Served through the OpenAI-compatible endpoint.' : '',
  ];
  return parts.filter((p) => p !== '').join(' ');
}

/** A slug for a map entry with an empty one: the AIR with other characters turned into `-`. */
function fallbackSlug(air: string): string {
  return air
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function slugOfEntry(air: string, slug: string): string {
  return slug.trim() === '' ? fallbackSlug(air) : slug;
}

export function deriveModel(
  air: string,
  entry: { taskType: string; slug: string },
  ctx: ModelContext,
): ModelFacts {
  const slug = slugOfEntry(air, entry.slug);
  const hosted = isHostedAir(air);
  const creator = creatorOf(air, slug);
  const category = categoryOf(entry.taskType, slug);
  const capabilities = capabilitiesOf(entry.taskType, slug, hosted);
  const { status, replacedByAir } = statusOf(air, (other) => ctx.slugOf(other) !== undefined);
  const replacedBy = replacedByAir === undefined ? undefined : ctx.slugOf(replacedByAir);
  const architecture = architectureOf(air, slug);
  const name = nameFromSlug(slug, creator.productNamed ? creator.slugPrefix : undefined);
  const weight = intBetween(air, 'weight', 1, 1000);
  const media = (kind: string, ext: string) =>
    `${ctx.baseUrl}/media/${kind}/${encodeURIComponent(slug)}.${ext}`;

  const model: ContentModel = {
    model: slug,
    air,
    name,
    creator: creator.id,
    capabilities,
    ...(architecture !== undefined ? { architecture } : {}),
    hosted,
    status,
    ...(replacedBy !== undefined ? { replacedBy } : {}),
    releasedAt: releasedAtOf(air, status),
    weight: status === 'deprecated' ? Math.ceil(weight / 20) : weight,
    headline: headlineOf(capabilities, creator.name),
    description: '',
    coverImage: media('cover', 'jpg'),
    ogImage: media('og', 'jpg'),
    ...pricingFactsOf(air, entry.taskType, category, capabilities, status, hosted),
  };
  const replacementName =
    replacedByAir === undefined ? undefined : nameFromSlug(ctx.slugOf(replacedByAir) ?? replacedByAir);
  model.description = descriptionOf(model, creator.name, replacementName);

  const runs = Math.floor(unit(air, 'popularity') ** 3 * 2_000_000);
  const popularity = status === 'coming-soon' ? 0 : status === 'deprecated' ? Math.floor(runs / 10) : runs;
  return { model, taskType: entry.taskType, category, creator, popularity };
}
