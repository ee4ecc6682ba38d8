#!/usr/bin/env node
// Runs the pnpm version pinned in package.json#packageManager, so a machine with only Node and npm
// can run the workspace: `node tools/pnpm.mjs install`. An installed pnpm of that version is used
// as is; otherwise npx fetches exactly that version from the npm registry.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { packageManager } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const match = /^pnpm@(\d+\.\d+\.\d+)/.exec(packageManager ?? '');
if (!match) {
  console.error(
    `tools/pnpm.mjs: package.json#packageManager must pin pnpm, got ${JSON.stringify(packageManager)}`,
  );
  process.exit(2);
}
const version = match[1];
// This sandbox and CI have no network but the npm registry; turbo's telemetry must not try.
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };

const installed = spawnSync('pnpm', ['--version'], {
  encoding: 'utf8',
  env,
  shell: process.platform === 'win32',
});
const useInstalled = installed.status === 0 && installed.stdout.trim() === version;
const [command, args] = useInstalled
  ? ['pnpm', process.argv.slice(2)]
  : ['npx', ['--yes', `pnpm@${version}`, ...process.argv.slice(2)]];

const result = spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
if (result.error) {
  console.error(`tools/pnpm.mjs: could not run ${command}: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
