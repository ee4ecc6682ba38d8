/**
 * Reads a `Retry-After` header (RFC 9110: delay-seconds or an HTTP date) as milliseconds from
 * `now`. Returns undefined when absent or unreadable, so the backoff schedule applies instead.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date names its day and month; bare numbers Date.parse would accept (`-1`) are not dates.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
