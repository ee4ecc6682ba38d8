import { render3d } from '../media/index';
import { costOf } from './cost';
import { finishItem, type JobInput, type JobPlan, perResult } from './job-types';
import { mediaUrl, resultSeed, resultUuid } from './output-fields';

/** 3dInference: one GLB (or PLY) file per result under `outputs.files`. */
export function threeDJob(input: JobInput): JobPlan {
  const { ctx, task } = input;
  const format = task.outputFormat === 'PLY' ? 'PLY' : 'GLB';
  return perResult(input, ({ seed, uuid }) => {
    ctx.media.putGenerated(uuid, format, () => render3d({ format, seed }));
    const outputs = { files: [{ uuid, url: mediaUrl(ctx, uuid, format) }] };
    return finishItem(input, { outputs, seed }, costOf('3dInference', task));
  });
}

/**
 * training: reports progress while it runs, then returns the trained model's AIR and its file;
 * the new model is registered, so it can be run right away.
 */
export function trainingJob(input: JobInput): JobPlan {
  const { ctx, task, taskUUID } = input;
  return {
    slots: 1,
    reportsProgress: true,
    build() {
      const uuid = resultUuid(taskUUID, 0);
      const air = `runware:trained-${taskUUID.slice(0, 8)}@1`;
      ctx.registry.add(
        { air, taskType: 'imageInference', name: `Trained ${taskUUID.slice(0, 8)}`, category: 'lora' },
        'uploaded',
      );
      const weights = () =>
        new TextEncoder().encode(`emulated weights ${resultSeed(ctx, task, taskUUID, 0)}`);
      ctx.media.putGenerated(uuid, 'SAFETENSORS', weights);
      return finishItem(
        input,
        { air, outputs: { files: [{ uuid, url: mediaUrl(ctx, uuid, 'SAFETENSORS') }] } },
        costOf('training', task),
      );
    },
  };
}
