// Preloaded (`node --import`) into a CLI the bench runs: writes the process's peak resident set
// size (`process.resourceUsage().maxRSS`, in KiB; the kernel's ru_maxrss) to the file named by
// BENCH_RSS_OUT when the process exits, so the bench reads the peak, not a sample of it.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_RSS_OUT;
if (out) process.on('exit', () => writeFileSync(out, `${process.resourceUsage().maxRSS}\n`));
