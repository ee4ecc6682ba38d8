/**
 * Lifecycle status. Every model is `live` except a fixed handful of curated AIRs, chosen so SDK
 * tests meet each status Runware serves: older generations `deprecated` in favour of a newer model
 * of the same vendor, unreleased ones `coming-soon`, and two chat models served only through the
 * OpenAI-compatible endpoint. A map without these AIRs (a test's own data) is all `live`.
 */
import type { ModelStatus } from './shapes';

/** Deprecated AIR → the AIR that replaces it. Ignored when the replacement is not in the map. */
const DEPRECATED: Readonly<Record<string, string>> = {
  'klingai:1@1': 'klingai:5@1',
  'klingai:1@2': 'klingai:5@2',
  'pixverse:1@1': 'pixverse:1@8',
  'minimax:1@1': 'minimax:3@1',
  'ideogram:2@1': 'ideogram:4@1',
  'openai:1@1': 'openai:4@1',
  'vidu:1@0': 'vidu:4@1',
  'bfl:2@1': 'bfl:5@1',
};

const COMING_SOON: ReadonlySet<string> = new Set([
  'anthropic:claude@opus-4.8',
  'bytedance:seedance@2.0-mini',
  'ideogram:4@q',
]);

const OPENAI_COMPATIBLE: ReadonlySet<string> = new Set(['zai:glm@4.7', 'moonshotai:kimi@k2.6']);

export interface StatusFacts {
  status: ModelStatus;
  /** AIR of the successor, for `deprecated`. */
  replacedByAir?: string;
}

/** `present` says whether an AIR is in the catalog, so `replacedBy` never dangles. */
export function statusOf(air: string, present: (air: string) => boolean): StatusFacts {
  const successor = Object.hasOwn(DEPRECATED, air) ? DEPRECATED[air] : undefined;
  if (successor !== undefined && present(successor))
    return { status: 'deprecated', replacedByAir: successor };
  if (COMING_SOON.has(air)) return { status: 'coming-soon' };
  if (OPENAI_COMPATIBLE.has(air)) return { status: 'openai-compatible' };
  return { status: 'live' };
}
