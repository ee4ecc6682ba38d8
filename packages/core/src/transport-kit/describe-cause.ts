/** The `code` of an error or of its `cause` chain (Node and undici put socket codes there). */
export function lowLevelCode(cause: unknown): string | undefined {
  let current: unknown = cause;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A short description of a failure, with the low-level code (ECONNREFUSED…) when there is one. */
export function describeCause(cause: unknown): string {
  // An Error, or anything else with a message.
  const message =
    typeof cause === 'object' && cause !== null && 'message' in cause
      ? String(cause.message)
      : cause === undefined
        ? 'connection closed'
        : String(cause);
  const code = lowLevelCode(cause);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
