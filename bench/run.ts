import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
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

/** One benchmark of the suite: its name (for `npm run bench -- NAME`) and its markdown section. */
export interface Benchmark {
  name: string;
  title: string;
  run: () => Promise<string>;
}

export const benchmarks: Benchmark[] = [
  { name: 'store', title: 'Embedded event store beside raw better-sqlite3', run: async () => formatEventStoreBench(await runEventStoreBench()) },
  { name: 'peer', title: 'Embedded event store beside emmett-sqlite', run: async () => formatPeerBench(await runPeerBench()) },
  { name: 'births', title: 'Durable births over HTTP', run: async () => formatBirthsBench(await runBirthsBench()) },
  { name: 'import', title: 'Bulk import beside raw batched inserts', run: async () => formatImportBench(await runImportBench()) },
  { name: 'rebuild', title: 'Projection rebuild beside raw ordered read of the log', run: async () => formatRebuildBench(await runRebuildBench()) },
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
];

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
}

/**
 * `npm run bench [-- NAME ...]`: runs the suite (or the named benchmarks) one after another,
 * prints each section as it completes and writes bench/RESULTS.md. Every figure stands beside
 * the baseline measured in the same run.
 */
async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const selected = wanted.length ? benchmarks.filter((b) => wanted.includes(b.name)) : benchmarks;
  const sections: string[] = [];
  for (const benchmark of selected) {
    process.stdout.write(`\n## ${benchmark.title}\n`);
    const started = Date.now();
    const section = await benchmark.run();
    process.stdout.write(`${section}\n(${Math.round((Date.now() - started) / 1000)} s)\n`);
    sections.push(`## ${benchmark.title}\n\n${section}\n`);
  }
  const header = [
    '# Benchmark results',
    '',
    `Machine: ${machine()}. Run: ${new Date().toISOString()}.`,
    `Command: \`npm run bench${wanted.length ? ` -- ${wanted.join(' ')}` : ''}\`. Each figure is beside a baseline measured in the same run.`,
    '',
  ].join('\n');
  writeFileSync(join(__dirname, '..', '..', 'bench', 'RESULTS.md'), `${header}\n${sections.join('\n')}`);
}

if (require.main === module) void main();
