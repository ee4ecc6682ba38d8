#!/usr/bin/env node
// Asserts that `turbo run build` right after a build is a full cache hit: every task's inputs and
// outputs are declared well enough that nothing rebuilds when nothing changed.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const turbo = fileURLToPath(new URL('../node_modules/.bin/turbo', import.meta.url));

const out = execFileSync(turbo, ['run', 'build', '--dry=json'], {
  encoding: 'utf8',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
  maxBuffer: 64 * 1024 * 1024,
});
// Packages without a build script show up as <NONEXISTENT>: nothing to cache there.
const tasks = JSON.parse(out).tasks.filter((task) => task.command !== '<NONEXISTENT>');
const misses = tasks.filter((task) => task.cache?.status !== 'HIT').map((task) => task.taskId);
if (tasks.length === 0 || misses.length > 0) {
  console.error(
    `turbo cache: a second build would not be a full cache hit; misses: ${misses.join(', ') || '(no tasks)'}`,
  );
  process.exit(1);
}
console.log(
  `turbo cache: ${tasks.length}/${tasks.length} build tasks are cache hits (a second build is FULL TURBO)`,
);
