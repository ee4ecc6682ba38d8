import type { TaskOutcome } from '../batch-types';

/** What a task cost: the sum of its items' `cost` (the batch asks for `includeCost`). */
export function costOf(outcome: TaskOutcome): number {
  let cost = 0;
  for (const item of outcome.items ?? [])
    if (typeof item.cost === 'number' && Number.isFinite(item.cost)) cost += item.cost;
  return cost;
}
