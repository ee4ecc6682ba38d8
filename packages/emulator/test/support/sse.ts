/** A bare SSE reader written from PROTOCOL.md §5.3: `data:` lines, `:` comments, `[DONE]`. */
export async function readSse(
  response: Response,
): Promise<{ events: Record<string, unknown>[]; done: boolean; comments: number; cut: boolean }> {
  const events: Record<string, unknown>[] = [];
  let done = false;
  let comments = 0;
  let cut = false;
  let buffer = '';
  const decoder = new TextDecoder();
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no body');
  try {
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) break;
      buffer += decoder.decode(value, { stream: true });
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
        if (line === '') continue;
        if (line.startsWith(':')) comments += 1;
        else if (line.startsWith('data:')) {
          const data = line.slice(5).trim();
          if (data === '[DONE]') done = true;
          else events.push(JSON.parse(data) as Record<string, unknown>);
        }
      }
    }
  } catch {
    cut = true;
  }
  return { events, done, comments, cut };
}
