import { fnv1a, mulberry32 } from '../rng';

const vocabulary = [
  'light',
  'river',
  'quiet',
  'signal',
  'garden',
  'orbit',
  'amber',
  'lattice',
  'harbor',
  'echo',
  'meadow',
  'copper',
  'drift',
  'lantern',
  'summit',
  'velvet',
  'cascade',
  'ember',
  'prism',
  'tide',
  'canvas',
  'thread',
  'beacon',
  'marble',
  'horizon',
  'willow',
  'granite',
  'whisper',
  'spiral',
  'delta',
  'feather',
  'circuit',
];

export interface GeneratedText {
  /** The answer, split into the tokens a stream sends one by one. */
  tokens: string[];
  reasoning: string[];
  promptTokens: number;
}

/** The text a chat request asks about: the last user message. */
export function promptOfMessages(messages: unknown): string {
  if (!Array.isArray(messages)) return '';
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i] as { role?: unknown; content?: unknown } | undefined;
    if (message?.role === 'user' && typeof message.content === 'string') return message.content;
  }
  return '';
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Deterministic text for a prompt and seed: it quotes the start of the prompt, then continues
 * with words drawn from a seeded PRNG, up to `maxTokens` tokens (a token is a word here).
 */
export function generateText(
  prompt: string,
  seed: number,
  maxTokens: number,
  withReasoning: boolean,
): GeneratedText {
  const rng = mulberry32(fnv1a(prompt, seed >>> 0));
  const topic = prompt.split(/\s+/).filter(Boolean).slice(0, 6).join(' ') || 'nothing in particular';
  const words = ['Emulated', 'answer', 'about', `"${topic}":`];
  while (words.length < maxTokens) words.push(vocabulary[Math.floor(rng() * vocabulary.length)] ?? 'echo');
  const limited = words.slice(0, Math.max(1, maxTokens));
  const tokens = limited.map((word, i) => (i === limited.length - 1 ? `${word}.` : `${word} `));
  const reasoning = withReasoning ? ['Considering ', 'the ', 'question ', 'step ', 'by ', 'step. '] : [];
  return { tokens, reasoning, promptTokens: Math.max(1, countWords(prompt)) };
}
