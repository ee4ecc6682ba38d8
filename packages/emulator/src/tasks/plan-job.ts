import { audioJob, videoJob } from './av-jobs';
import { imageInferenceJob, imageOperationJob } from './image-jobs';
import type { JobInput, JobPlan } from './job-types';
import { threeDJob, trainingJob } from './model-jobs';
import { captionJob, promptEnhanceJob, textInferenceJob } from './text-jobs';

/** Picks how an inference or processing task produces its results. */
export function planJob(input: JobInput): JobPlan {
  const videoInput = input.input?.kind === 'video';
  switch (input.taskType) {
    case 'imageInference':
      return imageInferenceJob(input);
    case 'videoInference':
      return videoJob(input);
    case 'audioInference':
      return audioJob(input);
    case 'textInference':
      return textInferenceJob(input);
    case '3dInference':
      return threeDJob(input);
    case 'training':
      return trainingJob(input);
    case 'caption':
      return captionJob(input);
    case 'promptEnhance':
      return promptEnhanceJob(input);
    case 'upscale':
    case 'removeBackground':
      return videoInput ? videoJob(input) : imageOperationJob(input);
    default:
      return imageOperationJob(input);
  }
}
