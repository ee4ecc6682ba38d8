/** What a model hub page shows beyond identity: what modelSearch sorts on and reports. */
export interface ModelListing {
  /** Downloads (the `popularity` sort). */
  downloads: number;
  /** Unix seconds. */
  addedAt: number;
  /** Unix seconds, not before `addedAt`. */
  updatedAt: number;
  shortDescription?: string;
  positiveTriggerWords?: string;
  negativeTriggerWords?: string;
}

/** A model the emulator knows that is not in the curated list (civitai uploads, fine-tunes). */
export interface CommunityModel {
  air: string;
  name: string;
  architecture: string;
  category: 'checkpoint' | 'lora' | 'lycoris' | 'vae' | 'embeddings';
  taskType: string;
  listing?: ModelListing;
}

/**
 * A few community models so community flows (explicit taskType, `/resolve`, modelSearch) have
 * something real to find. The names are made up; the AIRs include those the official READMEs use.
 */
export const communityModels: readonly CommunityModel[] = [
  {
    air: 'civitai:133005@782002',
    name: 'Community SDXL Portrait',
    architecture: 'sdxl',
    category: 'checkpoint',
    taskType: 'imageInference',
  },
  {
    air: 'civitai:4384@128713',
    name: 'Community SD 1.5 Classic',
    architecture: 'sd-1-5',
    category: 'checkpoint',
    taskType: 'imageInference',
  },
  {
    air: 'civitai:25694@143906',
    name: 'Community Pony Style',
    architecture: 'pony',
    category: 'checkpoint',
    taskType: 'imageInference',
  },
  {
    air: 'civitai:827184@1410435',
    name: 'Community Illustrious Anime',
    architecture: 'illustrious',
    category: 'checkpoint',
    taskType: 'imageInference',
  },
  {
    air: 'civitai:618692@691639',
    name: 'Community Flux Dev Detail LoRA',
    architecture: 'flux-1-dev',
    category: 'lora',
    taskType: 'imageInference',
  },
  {
    air: 'civitai:58390@62833',
    name: 'Community SD 1.5 Detail LoRA',
    architecture: 'sd-1-5',
    category: 'lora',
    taskType: 'imageInference',
  },
  {
    air: 'runware:exactly-illustrative@my-trained-style',
    name: 'Trained Illustrative Style',
    architecture: 'exactly-illustrative',
    category: 'checkpoint',
    taskType: 'imageInference',
  },
];
