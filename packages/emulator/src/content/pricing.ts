/**
 * Illustrative prices: a per-unit rate drawn from a plausible range for the kind of model (hashed
 * from the AIR), a one-line overview and a few priced configurations. Models Runware runs itself
 * are cheaper; some examples carry what the same output costs elsewhere (`competitorPrice`).
 * `coming-soon` models have no price yet.
 */
import { unit } from './hash';
import type { Category, ContentModel, ModelStatus, Pricing, PricingExample } from './shapes';

interface RateCard {
  /** Cheapest and dearest rate of the range, USD per unit. */
  min: number;
  max: number;
  unit: string;
  /** Configurations and how many units each uses. */
  configurations: readonly (readonly [string, number])[];
}

const CARDS: Readonly<Record<string, RateCard>> = {
  image: {
    min: 0.0006,
    max: 0.08,
    unit: 'image',
    configurations: [
      ['1024×1024, 1 image', 1],
      ['2048×2048, 1 image', 3],
      ['1024×1024, 4 images', 4],
    ],
  },
  video: {
    min: 0.02,
    max: 0.5,
    unit: 'second',
    configurations: [
      ['5 s, 720p', 5],
      ['10 s, 1080p', 15],
    ],
  },
  speech: {
    min: 0.005,
    max: 0.1,
    unit: '1,000 characters',
    configurations: [
      ['1,000 characters', 1],
      ['10,000 characters', 10],
    ],
  },
  audio: {
    min: 0.005,
    max: 0.05,
    unit: 'second of audio',
    configurations: [
      ['30 s track', 30],
      ['2 min track', 120],
    ],
  },
  text: {
    min: 0.05,
    max: 15,
    unit: 'million output tokens',
    configurations: [
      ['1M input tokens', 0.25],
      ['1M output tokens', 1],
    ],
  },
  '3d': {
    min: 0.1,
    max: 0.6,
    unit: 'model',
    configurations: [
      ['1 mesh, textured', 1],
      ['1 mesh, high poly', 2],
    ],
  },
  operation: {
    min: 0.0002,
    max: 0.01,
    unit: 'image',
    configurations: [
      ['1 image up to 1 MP', 1],
      ['1 image up to 4 MP', 4],
    ],
  },
  training: {
    min: 0.8,
    max: 6,
    unit: 'training run',
    configurations: [
      ['1,000 steps', 1],
      ['3,000 steps', 3],
    ],
  },
};

function cardFor(taskType: string, category: Category, capabilities: readonly string[]): RateCard {
  const pickCard = (key: string): RateCard =>
    CARDS[key] ?? { min: 0.001, max: 0.01, unit: 'request', configurations: [['1 request', 1]] };
  if (taskType === 'training') return pickCard('training');
  if (capabilities.includes('io:text-to-speech')) return pickCard('speech');
  if (category === 'video' && !taskType.endsWith('Inference'))
    return { ...pickCard('video'), min: 0.005, max: 0.05 };
  if (!taskType.endsWith('Inference') && taskType !== 'promptEnhance') return pickCard('operation');
  return pickCard(category);
}

/** Rounds a USD amount to 4 significant digits, never below $0.0001. */
function money(amount: number): number {
  const rounded = Number(amount.toPrecision(4));
  return Math.max(rounded, 0.0001);
}

/** `$0.0038`, `$0.25`, `$12.5`: enough decimals to show the amount, at least two. */
export function formatUsd(amount: number): string {
  const shown = Number(amount >= 1 ? amount.toFixed(2) : amount.toPrecision(2));
  const decimals = (String(shown).split('.')[1] ?? '').length;
  return `$${shown.toFixed(Math.max(2, decimals))}`;
}

export interface PricingFacts {
  pricingOverview?: string;
  pricingExamples?: PricingExample[];
}

export function pricingFactsOf(
  air: string,
  taskType: string,
  category: Category,
  capabilities: readonly string[],
  status: ModelStatus,
  hosted: boolean,
): PricingFacts {
  if (status === 'coming-soon') return {};
  const card = cardFor(taskType, category, capabilities);
  // Skewed towards the cheap end; hosted models in the cheapest third.
  const position = unit(air, 'price') ** 2 * (hosted ? 0.33 : 1);
  const rate = money(card.min + (card.max - card.min) * position);
  const withCompetitor = unit(air, 'competitor') < 0.6;
  const markup = 1.2 + unit(air, 'markup') * 1.8;
  const pricingExamples = card.configurations.map(([configuration, units], i): PricingExample => {
    const price = money(rate * units);
    return i === 0 && withCompetitor
      ? { configuration, price, competitorPrice: money(price * markup) }
      : { configuration, price };
  });
  return { pricingOverview: `From ${formatUsd(rate)} per ${card.unit}`, pricingExamples };
}

/** The `/models/{id}/pricing` body. */
export function pricingOf(model: ContentModel, category: Category): Pricing {
  return {
    model: model.model,
    air: model.air,
    name: model.name,
    status: model.status,
    coverImage: model.coverImage ?? '',
    releasedAt: model.releasedAt,
    ...(model.pricingOverview !== undefined ? { pricingOverview: model.pricingOverview } : {}),
    ...(model.pricingExamples !== undefined ? { pricingExamples: model.pricingExamples } : {}),
    category: [category],
  };
}
