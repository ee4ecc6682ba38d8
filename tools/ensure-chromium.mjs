#!/usr/bin/env node
// The browser tests drive Debian's Chromium (never a downloaded one). Installs it with apt-get when
// it is missing: as root directly, else through sudo. CHROMIUM_PATH points elsewhere if needed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!hasApt) {
  console.error(
    `Chromium is missing at ${path} and apt-get is not available: install Chromium and set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
const root = process.getuid?.() === 0;
const prefix = root ? [] : ['sudo', '-n'];
const run = (args) => {
  const [command, ...rest] = [...prefix, ...args];
  const result = spawnSync(command, rest, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    console.error(`"${args.join(' ')}" failed; install Chromium (apt-get install chromium) and rerun.`);
    process.exit(1);
  }
};
console.log('Installing Chromium for the browser tests (apt-get install chromium)…');
run(['apt-get', 'update', '-qq']);
run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium']);
if (!existsSync(path)) {
  console.error(`apt-get installed chromium, but ${path} does not exist; set CHROMIUM_PATH.`);
  process.exit(1);
}
