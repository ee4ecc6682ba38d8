/** One status line that rewrites itself in a terminal, and prints plain lines elsewhere (CI logs). */
export function createProgressLine(out: NodeJS.WriteStream = process.stdout) {
  let last = '';
  return {
    update(text: string) {
      if (text === last) return;
      last = text;
      if (out.isTTY) out.write(`\r\x1b[2K${text}`);
      else out.write(`${text}\n`);
    },
    done() {
      if (out.isTTY && last) out.write('\n');
    },
  };
}
