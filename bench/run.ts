// npm run bench [-- --only=checkin,reports,rules,cold,size] [--fresh] [--pools=4,8,16] [--clients=32] [--compare=bench/results/x.md]
// Starts PostgreSQL (scripts/postgres-up.sh), runs each figure with its baseline from the same run,
// prints one table and writes it to bench/results/latest.md. Only tingkan_bench_* databases are touched.
// --compare adds a column with each figure's value in an earlier results file (before/after).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchCheckin } from './checkin';
import { benchReports } from './reports';
import { benchRules } from './rules';
import { benchColdStart } from './coldstart';
import { benchSize } from './size';
import { earlierValues, machine, notes, rows, table } from './lib';

const args = process.argv.slice(2);
const opt = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const only = opt('only')?.split(',');
const wants = (name: string) => !only || only.includes(name);
const pools = (opt('pools') ?? '4,8,16').split(',').map(Number);
const clients = Number(opt('clients') ?? 32);
const fresh = args.includes('--fresh');
const compare = opt('compare');

function postgresUp(): string {
  const root = join(__dirname, '..');
  const out = execFileSync('bash', [join(root, 'scripts', 'postgres-up.sh')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], timeout: 300_000 });
  const url = out.toString().trim().split('\n').pop() ?? '';
  if (!/^postgres:\/\//.test(url)) throw new Error(`postgres-up.sh printed no DATABASE_URL: ${out.toString()}`);
  return url;
}

async function step(name: string, fn: () => Promise<void>): Promise<void> {
  if (!wants(name)) return;
  console.log(`\n## ${name}`);
  const t0 = Date.now();
  try {
    await fn();
  } catch (e) {
    rows.push({ figure: `${name}: error`, value: String(e instanceof Error ? e.message : e).slice(0, 120), target: '-', baseline: '-', ratio: '-', pass: false });
    console.error(e);
  }
  console.log(`  (${name} took ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

async function main(): Promise<void> {
  const started = new Date();
  const needsPg = wants('checkin') || wants('reports');
  const url = needsPg ? postgresUp() : '';
  await step('checkin', () => benchCheckin(url, { pools, concurrency: clients }));
  await step('reports', () => benchReports(url, { fresh }));
  await step('rules', () => benchRules());
  await step('cold', () => benchColdStart());
  await step('size', () => benchSize());

  const text = [
    `# Benchmarks: latest run`,
    '',
    `${started.toISOString()} · ${machine()}${compare ? ` · before: ${compare}` : ''}`,
    '',
    table(compare ? earlierValues(readFileSync(compare, 'utf8')) : undefined),
    '',
    ...(notes.length > 0 ? ['Notes:', '', ...notes.map((n) => `- ${n}`), ''] : []),
  ].join('\n');
  console.log(`\n${text}`);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, only ? `partial-${only.join('-')}.md` : 'latest.md'), text);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
