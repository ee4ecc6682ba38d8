import { parseArgs } from 'node:util';
import { runCodegen, snapshotEnvVar } from './run-codegen';
import { runValidatorCodegen } from './run-validator-codegen';

const usage = `Usage: runware-codegen [--root DIR] [--snapshot PATH|URL] [--check] [--validators]

Generates src/generated/ of @runware/types from the pinned API snapshot (schemas/api-snapshot.json).

  --root DIR         the @runware/types package folder (default: the current folder)
  --snapshot SOURCE  generate from another snapshot file or http(s) URL, and pin it in place of the
                     current one (also read from $${snapshotEnvVar})
  --check            write nothing; exit 1 when generated files or the pinned snapshot are stale
  --validators       generate the precompiled validators of @runware/validate (--root is its folder)
                     from the snapshot @runware/types pins, instead of the types
  --help             show this text`;

/** Runs the CLI and returns its exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values: { root?: string; snapshot?: string; check?: boolean; validators?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        root: { type: 'string' },
        snapshot: { type: 'string' },
        check: { type: 'boolean' },
        validators: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  try {
    const run = values.validators ? runValidatorCodegen : runCodegen;
    const result = await run({
      root: values.root ?? process.cwd(),
      snapshot: values.snapshot ?? (env[snapshotEnvVar] || undefined),
      check: values.check ?? false,
      log: (line, level) => (level === 'error' ? console.error(line) : console.log(line)),
    });
    return result.ok ? 0 : 1;
  } catch (error) {
    console.error(`runware-codegen: ${(error as Error).message}`);
    return 1;
  }
}
