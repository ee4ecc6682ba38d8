#!/usr/bin/env node
// The queue tests of @runware/batch run a real redis-server: Debian's (never a downloaded one).
// Installs it with apt-get when it is missing: as root directly, else through sudo.
// REDIS_SERVER_PATH points elsewhere if needed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
if (existsSync(path)) process.exit(0);

const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!hasApt) {
  console.error(
    `redis-server is missing at ${path} and apt-get is not available: install Redis and set REDIS_SERVER_PATH.`,
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
    console.error(`"${args.join(' ')}" failed; install Redis (apt-get install redis-server) and rerun.`);
    process.exit(1);
  }
};
console.log('Installing Redis for the queue tests (apt-get install redis-server)…');
run(['apt-get', 'update', '-qq']);
run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'redis-server']);
if (!existsSync(path)) {
  console.error(`apt-get installed redis-server, but ${path} does not exist; set REDIS_SERVER_PATH.`);
  process.exit(1);
}
