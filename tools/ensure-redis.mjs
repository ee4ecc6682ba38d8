#!/usr/bin/env node
// The queue tests of @runware/batch run a real redis-server: Debian's (never a downloaded one).
// REDIS_SERVER_PATH points elsewhere if needed.
import { ensureDebianPackage } from './ensure-debian-package.mjs';

ensureDebianPackage({
  label: 'Redis',
  pkg: 'redis-server',
  path: process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server',
  envVar: 'REDIS_SERVER_PATH',
  purpose: 'the queue tests',
});
