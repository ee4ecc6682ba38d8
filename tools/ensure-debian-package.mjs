// Shared by the ensure-*.mjs scripts: makes sure a Debian package's binary is there (never a
// downloaded build), installing it with apt-get when it is missing: as root directly, else through
// sudo. `envVar` names the variable that points at another binary instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * @param {{ label: string, pkg: string, path: string, envVar: string, purpose: string }} wanted
 */
export function ensureDebianPackage({ label, pkg, path, envVar, purpose }) {
  if (existsSync(path)) return;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!hasApt) {
    console.error(
      `${label} is missing at ${path} and apt-get is not available: install ${label} and set ${envVar}.`,
    );
    process.exit(1);
  }
  const prefix = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const run = (args) => {
    const [command, ...rest] = [...prefix, ...args];
    const result = spawnSync(command, rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      console.error(`"${args.join(' ')}" failed; install ${label} (apt-get install ${pkg}) and rerun.`);
      process.exit(1);
    }
  };
  console.log(`Installing ${label} for ${purpose} (apt-get install ${pkg})…`);
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', pkg]);
  if (!existsSync(path)) {
    console.error(`apt-get installed ${pkg}, but ${path} does not exist; set ${envVar}.`);
    process.exit(1);
  }
}
