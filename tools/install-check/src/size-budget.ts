/**
 * The REST-only bundle's budget, minified + gzipped (level 9), in bytes: the worker app of
 * `consumers/rest-only` (run with polling, a text stream, error mapping) bundled from the packed
 * tarballs of `@runware/core` and `@runware/transport-rest`. See README.md for what the bytes buy.
 */
// 21 KB until the async engine v2 (per-task poll times, learned cadence, submit coalescing: about
// 2.6 KB gzipped), which moving the content client out of the core client partly paid for (1.2 KB);
// 27 KB since the hardening work (argument checks at the door, error redaction, poll backoff,
// answer size limits, the getResponse check before failing a submit: about 3.8 KB gzipped).
// The edge-first work (issue 16) brings this down; until then it is an upper bound, not a target.
export const restOnlyGzipBudget = 27 * 1024;
