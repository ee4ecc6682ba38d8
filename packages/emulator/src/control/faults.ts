import { mulberry32 } from '../rng';
import type { Stats } from '../state/stats';
import { recordFault } from '../state/stats';
import type { FaultKind, FaultSpec } from './fault-spec';

export interface ActiveFault {
  id: number;
  spec: FaultSpec;
  fired: number;
}

export interface FaultContext {
  taskType?: string | undefined;
  transport?: 'rest' | 'ws' | undefined;
  /** The result index, for `itemError` faults that target one index. */
  index?: number | undefined;
  /** For `httpError`: before the tasks run, or after. */
  phase?: 'before' | 'after' | undefined;
  /** For `serviceError`: which service is answering. */
  service?: 'schemas' | 'content' | undefined;
}

export interface Faults {
  add(specs: readonly FaultSpec[]): ActiveFault[];
  list(): ActiveFault[];
  clear(): void;
  /**
   * Whether a fault of `kind` fires at this opportunity; returns it (and counts it) when it does.
   * Each fault draws from its own PRNG, so the same sequence of opportunities gives the same faults.
   */
  take<K extends FaultKind>(kind: K, context?: FaultContext): Extract<FaultSpec, { kind: K }> | undefined;
}

export function createFaults(seed: number, stats: Stats): Faults {
  let active: (ActiveFault & { rng: () => number; seen: number })[] = [];
  let nextId = 1;

  const matches = (fault: ActiveFault, kind: FaultKind, context: FaultContext) => {
    const spec = fault.spec;
    if (spec.kind !== kind) return false;
    if (spec.taskType !== undefined && context.taskType !== undefined && spec.taskType !== context.taskType)
      return false;
    if (
      spec.transport !== undefined &&
      context.transport !== undefined &&
      spec.transport !== context.transport
    )
      return false;
    if (spec.kind === 'itemError' && spec.index !== undefined && spec.index !== context.index) return false;
    if (spec.kind === 'httpError' && (spec.phase ?? 'before') !== (context.phase ?? 'before')) return false;
    if (spec.kind === 'serviceError' && spec.service !== context.service) return false;
    return true;
  };

  return {
    add(specs) {
      const added = specs.map((spec) => {
        const id = nextId++;
        return { id, spec, fired: 0, seen: 0, rng: mulberry32((seed * 7919 + id) >>> 0) };
      });
      active.push(...added);
      return added.map(({ id, spec, fired }) => ({ id, spec, fired }));
    },
    list: () => active.map(({ id, spec, fired }) => ({ id, spec, fired })),
    clear() {
      active = [];
    },
    take(kind, context = {}) {
      for (const fault of active) {
        if (!matches(fault, kind, context)) continue;
        // `afterFrames`: the first N opportunities pass untouched, the next one fires.
        if (
          fault.spec.kind === 'wsClose' &&
          fault.spec.afterFrames !== undefined &&
          fault.seen++ < fault.spec.afterFrames
        )
          continue;
        const rate = fault.spec.rate ?? 1;
        if (rate < 1 && fault.rng() >= rate) continue;
        fault.fired += 1;
        recordFault(stats, kind);
        if (fault.spec.count !== undefined && fault.fired >= fault.spec.count) {
          active = active.filter((f) => f !== fault);
        }
        return fault.spec as Extract<FaultSpec, { kind: typeof kind }>;
      }
      return undefined;
    },
  };
}
