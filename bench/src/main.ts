import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sdkVersion } from '@runware/sdk';
import {
  type BenchConfig,
  defaultConfig,
  defaultScenarioIds,
  quickConfig,
  type ScenarioId,
  scenarioIds,
} from './config';
import { machine, markdownTable, table } from './report';
import { runScenarios } from './run-scenarios';

const usage = `Usage: pnpm --filter @runware/bench start [options]   (from the root: npm run bench -- [options])

  --quick            one run, smaller sizes (about a minute)
  --runs N           runs per figure (default 3; the median and the min–max are reported)
  --only a,b         scenarios to run: ${scenarioIds.join(', ')} (default all but chaos,
                     batch and batch-queue)
  --out PATH         where to write the JSON (default bench/results/latest.json; the table in
                     Markdown goes beside it, .md)
  --help`;

const { values } = parseArgs({
  // `pnpm start -- --quick` passes the `--` through.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const base = values.quick ? quickConfig : defaultConfig;
const runs = values.runs === undefined ? base.runs : Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 50) {
  console.error(`--runs must be an integer from 1 to 50, got ${values.runs}\n\n${usage}`);
  process.exit(2);
}
const only = (values.only?.split(',').map((id) => id.trim()) ?? [...defaultScenarioIds]) as ScenarioId[];
const unknown = only.filter((id) => !scenarioIds.includes(id));
if (unknown.length > 0) {
  console.error(`unknown scenario ${unknown.join(', ')}\n\n${usage}`);
  process.exit(2);
}
const config: BenchConfig = { ...base, runs };
const out = resolve(values.out ?? fileURLToPath(new URL('../results/latest.json', import.meta.url)));

const problems: string[] = [];
const started = performance.now();
const host = machine();
console.error(
  `bench: @runware/sdk ${sdkVersion}, node ${host.node}, ${host.nproc} CPUs, ${host.memoryGiB} GiB; ${runs} run(s); ${only.join(', ')}`,
);
const metrics = await runScenarios(config, only, {
  runs,
  log: (line) => console.error(`  ${line}`),
  problem: (line) => {
    if (problems.length < 200) problems.push(line);
    if (problems.length <= 20) console.error(`  problem: ${line}`);
  },
});
const seconds = Math.round((performance.now() - started) / 1000);

console.log(`\n${table(metrics)}\n`);
const missed = metrics.filter((m) => m.goal && !m.pass).length;
const goals = metrics.filter((m) => m.goal).length;
console.log(`${goals - missed}/${goals} goals met; ${seconds} s; ${problems.length} problem(s)`);
if (problems.length > 0)
  console.log(`problems (first ${Math.min(problems.length, 20)}):\n  ${problems.slice(0, 20).join('\n  ')}`);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    { date: new Date().toISOString(), sdkVersion, machine: host, seconds, config, metrics, problems },
    null,
    2,
  )}\n`,
);
const markdown = out.replace(/(\.json)?$/, '.md');
writeFileSync(markdown, `${markdownTable(metrics)}\n`);
console.log(`JSON: ${out}\nMarkdown table: ${markdown}`);
