import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = dirname(dirname(fileURLToPath(import.meta.url)));
const folders = ['config', 'logger', 'media'];

/** Comments may mention Buffer or process.env; only code counts. */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\s\/\/ .*$/gm, '');
}

const sources = folders.flatMap((folder) =>
  readdirSync(join(src, folder))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => ({
      file: `${folder}/${name}`,
      text: withoutComments(readFileSync(join(src, folder, name), 'utf8')),
    })),
);

describe('config, logger and media are edge-safe', () => {
  it('has runtime sources to check', () => {
    expect(sources.length).toBeGreaterThan(10);
    expect(withoutComments('a(); // Buffer\n/* process.env */ b();')).not.toMatch(/Buffer|process/);
  });

  it.each(sources.map((source) => [source.file, source.text] as const))(
    '%s uses no Node built-ins',
    (_file, text) => {
      expect(text).not.toMatch(/from ['"](node:|fs|path|buffer|process|os|url|util|stream|crypto)/);
      expect(text).not.toMatch(/\brequire\(/);
      expect(text).not.toMatch(/\bBuffer\b/);
      // Only through globalThis (`hosts.process?.env`), never the bare global bundlers would shim.
      expect(text).not.toMatch(/(?<![.\w])process\??\./);
    },
  );
});
