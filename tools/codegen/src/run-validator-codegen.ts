import { createRequire } from 'node:module';
import { join } from 'node:path';
import { emitValidators } from './emit-validators';
import { loadSnapshot } from './load-snapshot';
import { compareOutput, writeOutput } from './output';
import { planTypes } from './plan';

export interface ValidatorCodegenOptions {
  /** The `@runware/validate` package folder: validators go to its `src/generated/`. */
  root: string;
  /** Another snapshot (path or URL); defaults to the one pinned in `@runware/types`, as resolved from root. */
  snapshot?: string | undefined;
  /** Only compare: report stale, missing and extra generated files. */
  check?: boolean | undefined;
  log?: (line: string, level: 'info' | 'error') => void;
}

export interface ValidatorCodegenResult {
  ok: boolean;
  snapshotVersion: string;
  files: string[];
  problems: string[];
}

/**
 * Generates (or, with `check`, compares) the precompiled validators of `@runware/validate` from the
 * snapshot `@runware/types` pins, so both packages are built from the same schemas.
 */
export async function runValidatorCodegen(options: ValidatorCodegenOptions): Promise<ValidatorCodegenResult> {
  const log = options.log ?? (() => {});
  const out = join(options.root, 'src', 'generated');
  const source =
    options.snapshot ??
    createRequire(join(options.root, 'package.json')).resolve('@runware/types/api-snapshot.json');
  const loaded = await loadSnapshot(source);
  const files = emitValidators(planTypes(loaded.snapshot));
  const names = [...files.keys()];
  const version = loaded.snapshot.snapshotVersion;

  if (options.check) {
    const report = await compareOutput(out, files);
    const problems = [
      ...report.changed.map((f) => `src/generated/${f} is stale`),
      ...report.missing.map((f) => `src/generated/${f} is missing`),
      ...report.extra.map((f) => `src/generated/${f} is not produced by the generator`),
    ];
    if (problems.length === 0)
      log(`codegen:check: ${names.length} validator files match snapshot ${version}`, 'info');
    else
      log(
        `codegen:check failed; run \`pnpm --filter @runware/validate codegen\`:\n  - ${problems.join('\n  - ')}`,
        'error',
      );
    return { ok: problems.length === 0, snapshotVersion: version, files: names, problems };
  }
  await writeOutput(out, files);
  log(`codegen: wrote ${names.length} validator files from snapshot ${version} (${source})`, 'info');
  return { ok: true, snapshotVersion: version, files: names, problems: [] };
}
