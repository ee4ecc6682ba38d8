/**
 * For `npm run size`'s "where the bytes go": a consumer app built from the workspace sources, so
 * esbuild's metafile names source files (tsup's dist no longer does). The budgets are measured
 * from tarballs; this only explains them.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Resolves `@runware/<pkg>[/sub]` to the workspace sources instead of installed packages. */
export const workspaceSources: Plugin = {
  name: 'workspace-sources',
  setup(b) {
    b.onResolve({ filter: /^@runware\/[^/]+(\/.*)?$/ }, (args) => {
      const [, pkg, sub] = /^@runware\/([^/]+)(?:\/(.*))?$/.exec(args.path) ?? [];
      const base = join(root, 'packages', pkg ?? '', 'src');
      const candidates = sub
        ? [join(base, sub, 'index.ts'), join(base, `${sub}.ts`)]
        : [join(base, 'index.ts')];
      const found = candidates.find((c) => existsSync(c));
      return found ? { path: found } : undefined;
    });
  },
};
