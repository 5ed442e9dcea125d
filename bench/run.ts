import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { formatBirthsBench, runBirthsBench } from './http/births.bench';
import { formatEventStoreBench, runEventStoreBench } from './event-store.bench';
import { formatPeerBench, runPeerBench } from './peer/emmett.bench';
import { formatImportBench, runImportBench } from './import.bench';
import { formatPersonReadsHttpBench, runPersonReadsHttpBench } from './http/person-reads-http.bench';
import { formatPersonReadsBench, runPersonReadsBench } from './person-reads.bench';
import { formatStatisticsBench, runStatisticsBench } from './statistics.bench';
import { formatRebuildBench, runRebuildBench } from './read-models.bench';
import { formatSearchBench, runSearchBench } from './search.bench';
import { formatServerMemoryBench, runServerMemoryBench } from './server-memory.bench';
import { formatSynthBench, runSynthBench } from './synth.bench';

/** One benchmark of the suite: its name (for `npm run bench -- NAME`) and its markdown section. */
export interface Benchmark {
  name: string;
  title: string;
  run: () => Promise<string>;
}

/**
 * Events in the rebuild benchmark's log: about 100,000 persons. The 1,000,000-person rebuild is the
 * synthetic country's (its projections caught up from zero by `sijil serve`, in the synth section).
 */
const rebuildEvents = 500_000;

/** Persons in the synthetic-country benchmark: the 1,000,000 by default; set lower to try it. */
const synthPersons = Number(process.env.SIJIL_BENCH_SYNTH_PERSONS ?? 1_000_000);

/** Persons in the server-memory benchmark: the 1,000,000 by default; set lower (50,000) for a quick run. */
const memoryPersons = Number(process.env.SIJIL_BENCH_MEMORY_PERSONS ?? 1_000_000);

export const benchmarks: Benchmark[] = [
  { name: 'store', title: 'Embedded event store beside raw better-sqlite3', run: async () => formatEventStoreBench(await runEventStoreBench()) },
  { name: 'peer', title: 'Embedded event store beside emmett-sqlite', run: async () => formatPeerBench(await runPeerBench()) },
  { name: 'births', title: 'Durable births over HTTP', run: async () => formatBirthsBench(await runBirthsBench()) },
  {
    name: 'synth',
    title: 'A synthetic country generated and loaded',
    run: async () => formatSynthBench(await runSynthBench({ persons: synthPersons, years: 10 })),
  },
  { name: 'import', title: 'Bulk import beside raw batched inserts', run: async () => formatImportBench(await runImportBench()) },
  { name: 'rebuild', title: 'Projection rebuild beside raw ordered read of the log', run: async () => formatRebuildBench(await runRebuildBench({ events: rebuildEvents })) },
  {
    name: 'person-reads',
    title: 'Identity view and history in-process at 100,000 and 1,000,000 persons',
    run: async () => formatPersonReadsBench([await runPersonReadsBench({ persons: 100_000 }), await runPersonReadsBench({ persons: 1_000_000 })]),
  },
  { name: 'person-reads-http', title: 'Identity reads over HTTP', run: async () => formatPersonReadsHttpBench(await runPersonReadsHttpBench()) },
  { name: 'statistics', title: 'Population at a date and a 100-year projection', run: async () => formatStatisticsBench(await runStatisticsBench()) },
  {
    name: 'search',
    title: 'Search by name and duplicate candidates at 100,000 and 1,000,000 persons',
    run: async () => [formatSearchBench(await runSearchBench({ persons: 100_000 })), formatSearchBench(await runSearchBench({ persons: 1_000_000 }))].join('\n'),
  },
  {
    name: 'memory',
    title: 'Server RSS with 1,000,000 persons loaded',
    run: async () => formatServerMemoryBench(await runServerMemoryBench({ persons: memoryPersons })),
  },
];

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
}

const resultsFile = join(__dirname, '..', '..', 'bench', 'RESULTS.md');

/** The sections already in RESULTS.md, by benchmark name, so a partial run replaces only its own. */
function previousSections(): Map<string, string> {
  if (!existsSync(resultsFile)) return new Map();
  const sections = readFileSync(resultsFile, 'utf8').split(/^(?=## )/m).slice(1);
  return new Map(
    sections.flatMap((section) => {
      const benchmark = benchmarks.find((b) => section.startsWith(`## ${b.title}\n`));
      return benchmark ? [[benchmark.name, section.trimEnd()] as const] : [];
    }),
  );
}

/**
 * `npm run bench [-- NAME ...]`: runs the suite (or the named benchmarks) one after another,
 * prints each section as it completes and writes it into bench/RESULTS.md, keeping the sections
 * of benchmarks not run. Every figure stands beside the baseline measured in the same run; each
 * section says when it ran and how loaded the machine was, since these machines are shared.
 */
async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !benchmarks.some((b) => b.name === name));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${benchmarks.map((b) => b.name).join(', ')}`);
  const selected = wanted.length ? benchmarks.filter((b) => wanted.includes(b.name)) : benchmarks;
  const sections = previousSections();
  for (const benchmark of selected) {
    process.stdout.write(`\n## ${benchmark.title}\n`);
    const started = Date.now();
    const [loadBefore] = loadavg();
    const section = await benchmark.run();
    const seconds = Math.round((Date.now() - started) / 1000);
    const stamp = `Run ${new Date().toISOString()} (\`npm run bench -- ${benchmark.name}\`, ${seconds} s); load average ${loadBefore!.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, on ${cpus().length} cores.`;
    process.stdout.write(`${section}\n${stamp}\n`);
    sections.set(benchmark.name, `## ${benchmark.title}\n\n${stamp}\n\n${section}`);
    writeResults(sections);
  }
}

function writeResults(sections: Map<string, string>): void {
  const header = [
    '# Benchmark results',
    '',
    `Machine: ${machine()}.`,
    'Each figure stands beside a baseline measured in the same run; each section says when it ran.',
    '',
  ].join('\n');
  const ordered = benchmarks.flatMap((b) => (sections.has(b.name) ? [sections.get(b.name)!] : []));
  writeFileSync(resultsFile, `${header}\n${ordered.join('\n\n')}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
