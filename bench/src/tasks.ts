import type { RunParams } from '@runware/sdk';

/**
 * The emulator's latency is set per taskType, so tasks of different durations in one emulator are
 * tasks of different types. These are small, valid tasks on curated models, one per type, in the
 * order the benchmarks hand them out (shortest class first).
 */
const paramsByTaskType = {
  imageInference: () => ({ model: 'runware:400@1', positivePrompt: 'bench', width: 64, height: 64 }),
  audioInference: () => ({
    model: 'alibaba:qwen@3-tts-1.7b-voicedesign',
    positivePrompt: 'a calm voice',
    speech: { text: 'bench', voice: 'design' },
  }),
  '3dInference': () => ({ model: 'meshy:meshy@6', positivePrompt: 'bench' }),
  videoInference: () => ({ model: 'google:3@3', positivePrompt: 'bench', duration: 2 }),
  upscale: () => ({ model: 'runware:504@1', inputs: { image: 'https://example.com/bench.jpg' } }),
  removeBackground: () => ({ model: 'runware:109@1', inputs: { image: 'https://example.com/bench.jpg' } }),
  caption: () => ({ model: 'runware:150@2', inputs: { image: 'https://example.com/bench.jpg' } }),
} as const;

export type BenchTaskType = keyof typeof paramsByTaskType;
export const benchTaskTypes = Object.keys(paramsByTaskType) as BenchTaskType[];

/** Fresh params of a small task of this type (the SDK adds taskUUID and deliveryMethod). */
export function taskParams(taskType: BenchTaskType, extra: Record<string, unknown> = {}): RunParams {
  return { ...paramsByTaskType[taskType](), ...extra } as RunParams;
}

/** One task type per duration class, and the emulator latency map that gives each its duration. */
export function classesOf(durationsMs: readonly number[]): {
  classes: { durationMs: number; taskType: BenchTaskType }[];
  latency: Record<string, number>;
} {
  if (durationsMs.length > benchTaskTypes.length)
    throw new Error(`at most ${benchTaskTypes.length} duration classes (one task type each)`);
  const classes = durationsMs.map((durationMs, index) => ({
    durationMs,
    taskType: benchTaskTypes[index] as BenchTaskType,
  }));
  const latency: Record<string, number> = {};
  for (const entry of classes) latency[entry.taskType] = entry.durationMs;
  return { classes, latency };
}

export const formatDuration = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${ms / 1000} s`);
