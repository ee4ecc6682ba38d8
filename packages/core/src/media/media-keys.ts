/** Parameter names that carry media: `seedImage`, `maskImage`, `referenceImages`, `media`, `frameImages`… */
const mediaKeyPattern = /image|mask|media|audio|video|frame|reference/i;

/**
 * Parameters whose strings are never file paths even below a media key: prompts, identifiers,
 * URLs and enum-like settings (`frame: 'first'` inside `frameImages` is a position, not a file).
 */
const notMediaKeyPattern =
  /prompt|URL$|UUID$|Endpoint$|^(model|taskType|frame|outputType|outputFormat|deliveryMethod)$/i;

/** Subtrees never searched for file paths: chat messages are text the user wrote. */
const plainTextSubtrees = new Set(['messages']);

/** Where a value sits, as far as file-path detection cares. */
export interface MediaContext {
  /** Below `inputs` or a media-named key, and not below a plain-text subtree. */
  readonly media: boolean;
  /** Below a plain-text subtree: nothing in it is ever a path. */
  readonly plainText: boolean;
}

export const rootContext: MediaContext = Object.freeze({ media: false, plainText: false });
// The only other two contexts: shared, so walking a task allocates none.
const mediaContext: MediaContext = Object.freeze({ media: true, plainText: false });
const plainTextContext: MediaContext = Object.freeze({ media: false, plainText: true });

/** The context of the value under `key` (an object property) inside a value with `parent` context. */
export function childContext(parent: MediaContext, key: string): MediaContext {
  if (parent.plainText || plainTextSubtrees.has(key)) return plainTextContext;
  return parent.media || key === 'inputs' || mediaKeyPattern.test(key) ? mediaContext : rootContext;
}

/** Whether a string directly under `key` (the nearest property name) may be a path. */
export function mayHoldPath(context: MediaContext, key: string | undefined): boolean {
  return context.media && !context.plainText && (key === undefined || !notMediaKeyPattern.test(key));
}
