import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Consumer, createConsumer } from './consumer';
import { consumerTsconfig } from './consumer-tsconfig';
import { workspaceClosure } from './workspace-closure';

/** What a published package's installed folder holds unless a pack test says otherwise. */
export const standardShippedFiles: readonly string[] = ['LICENSE', 'README.md', 'dist', 'package.json'];

export interface PackScript {
  /**
   * What the script imports: names from the package itself, or names by specifier (subpaths).
   * `esm.mjs` binds them with `import { … } from`, `cjs.cjs` with `require`, the rest is the same.
   */
  imports: readonly string[] | Readonly<Record<string, readonly string[]>>;
  /**
   * The body of an async function (so `await` works in both module systems) that returns the
   * result to check; it is printed as JSON. The arguments are in `process.argv.slice(2)`.
   */
  body: string;
}

export interface PackTestOptions {
  /** The folder of the package under test (a path or a `file:` URL). Its workspace dependencies are packed with it. */
  packageDir: string | URL;
  /** Run from an ESM and a CJS file of the consumer project. */
  script: PackScript;
  /** The script's arguments, read when the test runs (e.g. the URL of an emulator started in `beforeAll`). */
  args?: () => readonly string[];
  /** Runs the script once per variant, its values appended to `args` (e.g. `{ rest: ['rest'], websocket: ['websocket'] }`). */
  variants?: Readonly<Record<string, readonly string[]>>;
  /** What the script returns, compared with `toEqual` (asymmetric matchers allowed). */
  expected: unknown;
  /** A consumer's code type-checked as `typed.mts` and `typed.cts` under `moduleResolution: nodenext`. */
  typed: string | { readonly mts: string; readonly cts: string };
  /** Type-check as a browser project (DOM types, no `@types/node`). */
  browser?: boolean;
  /** The top-level entries of the installed package; default {@link standardShippedFiles}. */
  ships?: readonly string[];
  /** Packages that must (`present`) or must not (`absent`) end up in the consumer's node_modules. */
  installs?: { readonly present?: readonly string[]; readonly absent?: readonly string[] };
  /** Registers more tests in the same `describe`; `consumer()` is the installed project. */
  tests?: (consumer: () => Consumer) => void;
}

interface Manifest {
  name: string;
}

function scriptFiles(script: PackScript, packageName: string): Record<string, string> {
  const imports = Array.isArray(script.imports)
    ? { [packageName]: script.imports as readonly string[] }
    : (script.imports as Readonly<Record<string, readonly string[]>>);
  const bind = (line: (names: string, specifier: string) => string) =>
    Object.entries(imports)
      .map(([specifier, names]) => line(names.join(', '), specifier))
      .join('\n');
  const run = `(async () => {\n${script.body}\n})().then(\n  (result) => console.log(JSON.stringify(result)),\n  (error) => {\n    console.error(error);\n    process.exit(1);\n  },\n);\n`;
  return {
    'esm.mjs': `${bind((names, specifier) => `import { ${names} } from '${specifier}';`)}\n${run}`,
    'cjs.cjs': `${bind((names, specifier) => `const { ${names} } = require('${specifier}');`)}\n${run}`,
  };
}

/**
 * The standard pack test of a published package, as a vitest `describe`: packs the package and its
 * workspace dependencies, installs the tarballs into a project outside the workspace, then checks
 * that the script runs from ESM and CJS with the expected result, that only the expected files
 * ship, that a consumer type-checks under `moduleResolution: nodenext`, and (when asked) which
 * packages the install brought.
 */
export function describePackTest(options: PackTestOptions): void {
  const packageDir =
    typeof options.packageDir === 'string' ? options.packageDir : fileURLToPath(options.packageDir);
  const { name } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Manifest;
  let consumer: Consumer | undefined;
  const installed = (): Consumer => {
    if (!consumer) throw new Error('the consumer project was not installed (beforeAll failed?)');
    return consumer;
  };
  const typed =
    typeof options.typed === 'string' ? { mts: options.typed, cts: options.typed } : options.typed;

  describe(`packed ${name} installed outside the workspace`, () => {
    beforeAll(async () => {
      consumer = await createConsumer({
        packages: await workspaceClosure(packageDir),
        direct: [name],
        files: {
          ...scriptFiles(options.script, name),
          'typed.mts': typed.mts,
          'typed.cts': typed.cts,
          'tsconfig.json': consumerTsconfig({ browser: options.browser ?? false }),
        },
      });
    }, 240_000);
    afterAll(() => consumer?.cleanup());

    const variants = Object.entries(options.variants ?? { '': [] });
    const runs = ['esm.mjs', 'cjs.cjs'].flatMap((file) =>
      variants.map(([variant, extra]) => ({ file, extra, label: variant ? `${file} (${variant})` : file })),
    );
    it.each(runs.map((run) => [run.label, run] as const))('runs from %s', async (_label, run) => {
      const result = await installed().node(run.file, [...(options.args?.() ?? []), ...run.extra]);
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
      expect(JSON.parse(result.stdout)).toEqual(options.expected);
    });

    it('ships only what users need', async () => {
      const listed = await readdir(join(installed().dir, 'node_modules', ...name.split('/')));
      expect(listed.sort()).toEqual([...(options.ships ?? standardShippedFiles)].sort());
    });

    it('type-checks for ESM and CJS consumers under Node module resolution', async () => {
      const run = await installed().typecheck();
      expect(run.stdout + run.stderr).toBe('');
      expect(run.code).toBe(0);
    });

    const { present = [], absent = [] } = options.installs ?? {};
    if (present.length + absent.length > 0) {
      it(`installs ${[...present.map((p) => `+${p}`), ...absent.map((a) => `-${a}`)].join(' ')}`, async () => {
        const { stdout } = await installed().run('npm', ['ls', '--all', '--parseable']);
        const names = new Set(
          stdout
            .split('\n')
            .map((line) => /node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(line.trim())?.[1])
            .filter(Boolean),
        );
        expect({
          present: present.filter((p) => names.has(p)),
          absent: absent.filter((a) => names.has(a)),
        }).toEqual({ present, absent: [] });
      });
    }

    options.tests?.(installed);
  });
}
