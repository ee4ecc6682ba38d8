import { keyOf } from './hash';

/** Pitch in Hz for a seed: one of 25 semitones from A3 (220 Hz) up to A5. */
export function toneFrequency(seed: number): number {
  return 220 * 2 ** ((keyOf('tone', seed) % 25) / 12);
}

/**
 * Mono 16-bit PCM: a sine at the seed's pitch plus a quieter octave, with 10 ms fades so the
 * ends do not click.
 */
export function synthTone(seed: number, sampleRate: number, sampleCount: number): Int16Array {
  const out = new Int16Array(sampleCount);
  const w = (2 * Math.PI * toneFrequency(seed)) / sampleRate;
  const fade = Math.max(1, Math.round(sampleRate * 0.01));
  for (let i = 0; i < sampleCount; i++) {
    const envelope = Math.min(1, i / fade, (sampleCount - 1 - i) / fade);
    const v = Math.sin(w * i) * 0.8 + Math.sin(2 * w * i) * 0.2;
    out[i] = Math.round(v * envelope * 9000);
  }
  return out;
}
