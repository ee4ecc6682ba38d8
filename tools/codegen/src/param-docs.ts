/**
 * Short docs for the parameters people use most. The snapshot carries no descriptions, so these
 * are injected as JSON Schema `description`s before compiling, and become JSDoc on the generated
 * properties wherever a schema has a top-level property of that name.
 */
export const requestParamDocs: Readonly<Record<string, string>> = {
  model:
    'The model to run: an AIR (`source:id@version`, e.g. `runware:400@1`) or, for curated models, its slug. The SDK rewrites slugs to AIRs before sending.',
  taskType:
    'Which API task to run. The SDK infers it from a curated model; pass it yourself for community and fine-tuned models.',
  taskUUID:
    'Client-chosen UUID v4 that identifies the task; every result item echoes it. Generated for you when omitted.',
  positivePrompt: 'The prompt: a description of what to generate.',
  negativePrompt: 'What the output should avoid. Only some models honour it.',
  width: 'Output width in pixels. Each model accepts its own range and step (commonly a multiple of 64).',
  height: 'Output height in pixels. Each model accepts its own range and step (commonly a multiple of 64).',
  steps:
    'Number of denoising iterations. More steps generally add detail and take longer; distilled models need few.',
  CFGScale:
    'Guidance scale: how strictly the output follows the prompt. Higher is more literal; too high tends to burn the image.',
  seed: 'Random seed. The same seed with the same parameters reproduces the same output; omit it for a random one.',
  scheduler: 'The sampling scheduler used while denoising.',
  numberResults:
    'How many outputs this task should produce. Each arrives as its own result item carrying the same taskUUID.',
  outputType:
    'How generated media is returned: `URL` (a hosted file, the default), `base64Data` (raw base64) or `dataURI`.',
  outputFormat:
    'File format of the generated media, e.g. `JPG`, `PNG` or `WEBP` for images, `MP4` for video.',
  outputQuality: 'Compression quality of lossy output formats; higher means better quality and larger files.',
  deliveryMethod:
    '`sync` answers with the finished results; `async` acknowledges at once and results are fetched with getResponse (the SDK default, polled for you); `stream` (text only) sends tokens as they are produced.',
  includeCost: 'When true, each result item carries its cost in USD.',
  webhookURL: 'When set, every finished result item is also POSTed to this URL.',
};

export const resultFieldDocs: Readonly<Record<string, string>> = {
  taskUUID: 'The UUID of the task this item belongs to.',
  imageUUID: 'Identifier of the generated image; usable as an input of later tasks.',
  imageURL: 'Where to download the image (present when outputType is `URL`).',
  videoURL: 'Where to download the video.',
  audioURL: 'Where to download the audio (present when outputType is `URL`).',
  text: 'The generated text.',
  seed: 'The seed that was used; reuse it to reproduce this output.',
  cost: 'Cost of this item in USD (present when includeCost was set).',
  NSFWContent: 'True when the safety checker flagged the output.',
};
