/**
 * Sample request/response pairs of a model: one per `io:*` capability (at most three), or one for
 * its operation when it has no `io:*` capability. Requests are valid-looking Runware tasks naming the
 * model's AIR; responses carry the result fields of the task type and a stable task UUID.
 */
import { pick, stableUuid } from './hash';
import type { ModelFacts } from './model-facts';
import type { Example } from './shapes';

const PROMPTS = [
  'a lighthouse on a cliff at dawn, volumetric light',
  'a ceramic coffee mug on a marble counter, morning light',
  'an astronaut riding a horse through a field of sunflowers',
  'a cozy reading nook with rain on the window, film photo',
] as const;

const SPEECH = 'Welcome to Runware. Your results are ready.';
const MUSIC = 'upbeat lo-fi hip hop with warm piano chords';

/** What one output looks like for a task type: result fields and the asset's file extension. */
function outputOf(taskType: string, category: string, asset: string, uuid: string): Record<string, unknown> {
  const resultUuid = stableUuid(`${uuid}/result`);
  switch (taskType) {
    case 'videoInference':
      return { videoUUID: resultUuid, videoURL: asset };
    case 'audioInference':
      return { audioUUID: resultUuid, audioURL: asset };
    case 'textInference':
      return { text: 'Here is a short answer to your question.', finishReason: 'stop' };
    case 'promptEnhance':
    case 'caption':
      return { text: 'A detailed description of the scene, its subject, lighting and mood.' };
    case '3dInference':
      return { outputs: { files: [{ url: asset, format: 'glb' }] } };
    case 'imageMasking':
      return {
        maskImageUUID: resultUuid,
        maskImageURL: asset,
        detections: [{ x_min: 112, y_min: 80, x_max: 402, y_max: 388 }],
      };
    case 'controlNetPreprocess':
      return { guideImageUUID: resultUuid, guideImageURL: asset };
    case 'training':
      return { air: `user:${resultUuid.slice(0, 8)}@1` };
    default:
      return category === 'video'
        ? { videoUUID: resultUuid, videoURL: asset }
        : { imageUUID: resultUuid, imageURL: asset };
  }
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  video: 'mp4',
  audio: 'mp3',
  '3d': 'glb',
  image: 'jpg',
  vector: 'svg',
};

/** Output kind of a capability (`io:text-to-video` → video), else the model's category. */
function outputKind(capability: string, category: string): string {
  const match = /-to-([a-z0-9]+)$/.exec(capability);
  const kind = match?.[1] ?? category;
  return kind === 'speech' ? 'audio' : kind;
}

const INPUT_FILES: Readonly<Record<string, readonly [string, string]>> = {
  image: ['image', 'jpg'],
  video: ['video', 'mp4'],
  audio: ['audio', 'mp3'],
};

/** Media inputs of the given `io:*` capabilities (text needs none; ops without io take an image). */
function inputsOf(
  capabilities: readonly string[],
  media: (kind: string, ext: string) => string,
): Record<string, unknown> {
  const inputs: Record<string, string> = {};
  for (const capability of capabilities) {
    const source = /^io:([a-z0-9]+)-to-/.exec(capability)?.[1] ?? 'image';
    const file = Object.hasOwn(INPUT_FILES, source) ? INPUT_FILES[source] : undefined;
    if (file !== undefined) inputs[file[0]] = media('input', file[1]);
  }
  return Object.keys(inputs).length === 0 ? {} : { inputs };
}

function promptFields(taskType: string, capability: string, key: string): Record<string, unknown> {
  if (taskType === 'textInference') {
    return { messages: [{ role: 'user', content: 'Explain diffusion models in two sentences.' }] };
  }
  if (taskType === 'promptEnhance') return { prompt: 'a cat', promptMaxLength: 300, promptVersions: 1 };
  if (capability === 'io:text-to-speech') return { speech: { text: SPEECH } };
  if (taskType === 'audioInference') return { positivePrompt: MUSIC, duration: 30 };
  if (!capability.startsWith('io:text-to-')) return {};
  const prompt = pick(key, 'prompt', PROMPTS);
  return taskType === 'videoInference' ? { positivePrompt: prompt, duration: 5 } : { positivePrompt: prompt };
}

export function examplesOf(facts: ModelFacts, baseUrl: string): Example[] {
  const { model, taskType, category } = facts;
  const io = model.capabilities.filter((c) => c.startsWith('io:')).slice(0, 3);
  // Lip sync and avatars take their inputs together (a face and a voice): one example with both.
  const joint = model.capabilities.includes('op:lip-sync') || model.capabilities.includes('op:avatar');
  const capabilities = io.length > 0 ? io : model.capabilities.filter((c) => c.startsWith('op:')).slice(0, 1);
  return (joint ? capabilities.slice(0, 1) : capabilities).map((capability, i) => {
    const id = `${model.model}-example-${i + 1}`;
    const taskUUID = stableUuid(`${model.air}/${id}`);
    const media = (kind: string, ext: string) =>
      `${baseUrl}/media/examples/${kind}/${encodeURIComponent(id)}.${ext}`;
    const kind = outputKind(capability, category);
    const asset =
      kind === 'text' || taskType === 'training' ? null : media('output', EXTENSIONS[kind] ?? 'jpg');
    const request: Record<string, unknown> = {
      taskType,
      taskUUID,
      model: model.air,
      ...promptFields(taskType, capability, id),
      ...inputsOf(joint ? io : [capability], media),
      ...(category === 'image' && taskType === 'imageInference' ? { width: 1024, height: 1024 } : {}),
      includeCost: true,
    };
    const response: Record<string, unknown> = {
      taskType,
      taskUUID,
      ...outputOf(taskType, kind, asset ?? '', taskUUID),
      // Text prices are per million tokens; a short answer uses about a thousand.
      cost: (model.pricingExamples?.[0]?.price ?? 0) / (taskType === 'textInference' ? 1000 : 1),
    };
    return {
      id,
      title: `${model.name}: ${capability.slice(capability.indexOf(':') + 1).replace(/-/g, ' ')}`,
      model: model.model,
      capability,
      asset,
      request,
      response,
    };
  });
}
