/**
 * Editorial guides about a model. Only some models have any (an empty list is a valid answer, unlike
 * an unknown model): the better-placed half of the live ones get a getting-started guide, and
 * generative image and video models among them a prompting guide too.
 */
import { intBetween, isoDatePlus } from './hash';
import type { ModelFacts } from './model-facts';
import type { Guide } from './shapes';

/** Models at or above this weight (1–1000) have guides. */
const GUIDED_WEIGHT = 500;

export function guidesOf(facts: ModelFacts, baseUrl: string): Guide[] {
  const { model, category, taskType } = facts;
  if (model.status !== 'live' || model.weight < GUIDED_WEIGHT) return [];
  const guide = (suffix: string, title: string, description: string, afterDays: number): Guide => {
    const slug = `${model.model}-${suffix}`;
    return {
      slug,
      title,
      description,
      date: isoDatePlus(model.releasedAt, afterDays),
      url: `${baseUrl}/guides/${encodeURIComponent(slug)}`,
    };
  };
  const guides = [
    guide(
      'getting-started',
      `Getting started with ${model.name}`,
      `Send your first ${model.name} task through the Runware API, with the parameters that matter most.`,
      intBetween(model.air, 'guide-date', 1, 30),
    ),
  ];
  if ((category === 'image' || category === 'video') && taskType.endsWith('Inference')) {
    guides.push(
      guide(
        'prompting',
        `Prompting ${model.name}`,
        `How to write prompts that get the most out of ${model.name}: subject, style, composition and light.`,
        intBetween(model.air, 'guide-date', 31, 90),
      ),
    );
  }
  return guides;
}
