/**
 * How much of the generated community catalog each snapshot architecture gets, and how its models
 * are named. Counts are families (a model page); each family has 1–4 versions (one AIR each). The
 * shares follow what community hubs hold: SD 1.5 and SDXL most, then Pony/Illustrious, Flux LoRAs.
 * `exactly-illustrative` is left out: it is Runware's trained-style target, not a community base.
 */
export interface CatalogArchitecture {
  id: string;
  /** Human label used in descriptions. */
  label: string;
  /** Appended to family names so the base shows in the name ("… XL", "… Pony"). */
  suffixes: readonly string[];
  /** Leans the styles drawn towards anime (Pony, Illustrious, NoobAI). */
  animeLeaning: boolean;
  /** Release of the base model (unix seconds): no community model predates it. */
  releasedAt: number;
  families: Readonly<Partial<Record<'checkpoint' | 'lora' | 'lycoris' | 'embeddings' | 'vae', number>>>;
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000;

export const catalogArchitectures: readonly CatalogArchitecture[] = [
  {
    id: 'sd-1-5',
    label: 'SD 1.5',
    suffixes: ['', '', ' SD1.5'],
    animeLeaning: false,
    releasedAt: day('2022-10-20'),
    families: { checkpoint: 300, lora: 450, lycoris: 60, embeddings: 150, vae: 6 },
  },
  {
    id: 'sdxl',
    label: 'SDXL',
    suffixes: [' XL', ' SDXL', 'XL'],
    animeLeaning: false,
    releasedAt: day('2023-07-26'),
    families: { checkpoint: 280, lora: 420, lycoris: 40, embeddings: 50, vae: 4 },
  },
  {
    id: 'pony',
    label: 'Pony',
    suffixes: [' Pony', ' PDXL', ' Pony XL'],
    animeLeaning: true,
    releasedAt: day('2024-01-05'),
    families: { checkpoint: 160, lora: 280, embeddings: 30 },
  },
  {
    id: 'illustrious',
    label: 'Illustrious',
    suffixes: [' IL', ' Illustrious', ' ILXL'],
    animeLeaning: true,
    releasedAt: day('2024-09-25'),
    families: { checkpoint: 140, lora: 240, embeddings: 20 },
  },
  {
    id: 'noobai',
    label: 'NoobAI',
    suffixes: [' NoobAI', ' NAI-XL'],
    animeLeaning: true,
    releasedAt: day('2024-11-01'),
    families: { checkpoint: 50, lora: 90 },
  },
  {
    id: 'flux-1-dev',
    label: 'FLUX.1 Dev',
    suffixes: [' Flux', ' FLUX.1', ' F.1'],
    animeLeaning: false,
    releasedAt: day('2024-08-01'),
    families: { checkpoint: 60, lora: 380 },
  },
  {
    id: 'flux-1-schnell',
    label: 'FLUX.1 Schnell',
    suffixes: [' Schnell', ' Flux Schnell'],
    animeLeaning: false,
    releasedAt: day('2024-08-01'),
    families: { checkpoint: 25, lora: 50 },
  },
  {
    id: 'flux-1-kontext-dev',
    label: 'FLUX.1 Kontext Dev',
    suffixes: [' Kontext', ' Kontext Dev'],
    animeLeaning: false,
    releasedAt: day('2025-06-26'),
    families: { checkpoint: 6, lora: 50 },
  },
  {
    id: 'sdxl-lightning',
    label: 'SDXL Lightning',
    suffixes: [' Lightning', ' XL Lightning'],
    animeLeaning: false,
    releasedAt: day('2024-02-21'),
    families: { checkpoint: 45, lora: 8 },
  },
  {
    id: 'sdxl-turbo',
    label: 'SDXL Turbo',
    suffixes: [' Turbo', ' XL Turbo'],
    animeLeaning: false,
    releasedAt: day('2023-11-28'),
    families: { checkpoint: 35, lora: 8 },
  },
  {
    id: 'z-image',
    label: 'Z-Image',
    suffixes: [' Z-Image', ' ZI'],
    animeLeaning: false,
    releasedAt: day('2025-11-27'),
    families: { checkpoint: 20, lora: 70 },
  },
  {
    id: 'z-image-turbo',
    label: 'Z-Image Turbo',
    suffixes: [' Z-Image Turbo', ' ZIT'],
    animeLeaning: false,
    releasedAt: day('2025-11-27'),
    families: { checkpoint: 20, lora: 70 },
  },
];

/** The snapshot's date: nothing in the catalog is newer. */
export const catalogEnd = day('2026-07-22');
