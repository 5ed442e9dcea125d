import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { normaliseName } from '../src/domain/shared/person-name';
import { findDuplicates } from '../src/projections/duplicates/find-duplicates';
import { PersonSearchProjection } from '../src/projections/person-search/person-search.projection';
import { PERSON_SEARCH } from '../src/projections/person-search/search-document';
import { searchKeysOf } from '../src/projections/person-search/search-keys';
import { searchPersons } from '../src/projections/person-search/search-persons';
import type { SearchCriteria } from '../src/projections/person-search/search-ranking';
import { StagedUnitOfWork } from '../src/read-models/engine/unit-of-work';
import { SqliteReadModelStore } from '../src/read-models/sqlite/sqlite-read-model-store';
import { enrolmentAt, nationalIdOf, personAt } from './search-population';
import { random } from './seeded-random';

export interface SearchBenchOptions {
  persons: number;
  /** Timed queries of each kind after a warm-up (default 2,000). */
  queries?: number;
  /** Enrolments per projection batch while populating (default 20,000). */
  batchSize?: number;
  seed?: number;
}

export interface Latency {
  p50Ms: number;
  p99Ms: number;
  /**
   * The same percentiles of the CPU time this process spent (user + system): what the query
   * costs when the machine's other work does not take the core from it mid-query.
   */
  cpuP50Ms: number;
  cpuP99Ms: number;
}

interface Sample {
  wallMs: number;
  cpuMs: number;
}

export interface SearchBenchResult {
  persons: number;
  populateSeconds: number;
  /** Baseline: a raw better-sqlite3 equality lookup on the full-name index of the same table. */
  rawLookup: Latency;
  /** Over every query; those too broad to rank (`tooBroadShare`) are answered by counting alone. */
  search: Latency & { tooBroadShare: number; meanTotal: number; maxTotal: number };
  duplicates: Latency;
  /** The machine's one-minute load average when the timing ended (2 cores here, shared). */
  loadAverage: number;
}

const SEED = 7;

/** One query a registrar might type for person n: a shape of the name, sometimes narrowed. */
function queryFor(n: number, seed: number, r: () => number): SearchCriteria {
  const { name, motherName, dateOfBirth } = personAt(n, seed);
  const kind = r();
  const latin = name.latin !== undefined && kind < 0.15;
  const words = name.latin?.split(' ') ?? [];
  const text = latin
    ? r() < 0.5
      ? name.latin!
      : `${words[0]} ${words[words.length - 1]}`
    : kind < 0.45
      ? `${name.given} ${name.father} ${name.grandfather} ${name.family}`
      : kind < 0.7
        ? `${name.given} ${name.family}`
        : kind < 0.85
          ? `${name.given} ${name.father} ${name.family}`
          : `${name.given} ${name.father}`;
  return {
    name: normaliseName(text),
    script: latin ? 'latin' : 'arabic',
    ...(r() < 0.3 && { birthYear: Number(dateOfBirth.slice(0, 4)) }),
    ...(r() < 0.15 && { motherName: normaliseName(`${motherName.given} ${motherName.family}`) }),
  };
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const latencyOf = (samples: Sample[]): Latency => {
  const wall = samples.map((s) => s.wallMs).sort((a, b) => a - b);
  const cpu = samples.map((s) => s.cpuMs).sort((a, b) => a - b);
  return { p50Ms: percentile(wall, 0.5), p99Ms: percentile(wall, 0.99), cpuP50Ms: percentile(cpu, 0.5), cpuP99Ms: percentile(cpu, 0.99) };
};

async function timed<T>(run: () => Promise<T> | T): Promise<Sample> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const wallMs = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (user + system) / 1000 };
}

/**
 * Search p50/p99 over a read model of `persons` enrolments, populated through the projection's
 * own `apply` in large batches, beside a raw indexed equality lookup on the same SQLite table.
 */
export async function runSearchBench(options: SearchBenchOptions): Promise<SearchBenchResult> {
  const { persons, queries = 2_000, batchSize = 20_000, seed = SEED } = options;
  const dir = mkdtempSync(join(tmpdir(), 'sijil-search-bench-'));
  const folder = join(dir, 'read-models');
  const store = new SqliteReadModelStore(folder);
  const projection = new PersonSearchProjection();
  try {
    await store.define(projection.collections, projection.name);
    const populateStart = performance.now();
    for (let from = 0; from < persons; from += batchSize) {
      const events = Array.from({ length: Math.min(batchSize, persons - from) }, (_, i) => enrolmentAt(from + i, seed));
      const unitOfWork = new StagedUnitOfWork(store);
      await projection.apply(events, unitOfWork);
      await store.commit(projection.name, events[events.length - 1]!.position, unitOfWork.writes());
    }
    const populateSeconds = (performance.now() - populateStart) / 1000;

    const r = random(seed + 1);
    const sampled = Array.from({ length: queries }, () => Math.floor(r() * persons));
    const criteria = sampled.map((n) => queryFor(n, seed, r));

    const raw = new Database(join(folder, `${projection.name}.sqlite`), { readonly: true });
    const lookup = raw.prepare(`SELECT doc FROM "rm_${PERSON_SEARCH}" WHERE "f_full" = ?`);
    const fullNames = sampled.map((n) => {
      const { name, motherName, dateOfBirth } = personAt(n, seed);
      return searchKeysOf(name, motherName, dateOfBirth).full;
    });
    const rawRun = (i: number) => (lookup.all(fullNames[i]) as Array<{ doc: string }>).map((row) => JSON.parse(row.doc));

    let ranked = 0;
    let totals = 0;
    let maxTotal = 0;
    const searchRun = async (i: number) => {
      const found = await searchPersons(store, criteria[i]!, { page: 1, pageSize: 20 });
      if ('tooBroad' in found) return;
      ranked += 1;
      totals += found.total;
      maxTotal = Math.max(maxTotal, found.total);
    };
    const duplicatesRun = (i: number) => findDuplicates(store, nationalIdOf(sampled[i]!));

    // Warm the caches and the JIT, then time the three in turn on each query, so that whatever
    // else the machine is doing weighs on the baseline as on the search.
    const rawSamples: Sample[] = [];
    const searchSamples: Sample[] = [];
    const duplicateSamples: Sample[] = [];
    for (let i = 0; i < 200; i++) {
      rawRun(i);
      await searchRun(i);
      await duplicatesRun(i);
    }
    ranked = totals = maxTotal = 0;
    for (let i = 0; i < queries; i++) {
      rawSamples.push(await timed(() => rawRun(i)));
      searchSamples.push(await timed(() => searchRun(i)));
      duplicateSamples.push(await timed(() => duplicatesRun(i)));
    }
    raw.close();
    return {
      persons,
      populateSeconds,
      rawLookup: latencyOf(rawSamples),
      search: { ...latencyOf(searchSamples), tooBroadShare: 1 - ranked / queries, meanTotal: totals / Math.max(1, ranked), maxTotal },
      duplicates: latencyOf(duplicateSamples),
      loadAverage: loadavg()[0]!,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatSearchBench(result: SearchBenchResult): string {
  const ms = (value: number) => `${value.toFixed(3)} ms`;
  const line = (label: string, l: Latency) =>
    `  ${label.padEnd(52)} p50 ${ms(l.p50Ms).padStart(10)}   p99 ${ms(l.p99Ms).padStart(10)}   (CPU p50 ${ms(l.cpuP50Ms)}, p99 ${ms(l.cpuP99Ms)})`;
  return [
    `search at ${result.persons.toLocaleString('en')} persons (SQLite read model, populated in ${result.populateSeconds.toFixed(1)} s through the projection; load average ${result.loadAverage.toFixed(1)})`,
    line('raw better-sqlite3 equality lookup on the full-name index', result.rawLookup),
    line('search (name, some with birthYear / motherName, page 20)', result.search),
    `  ${''.padEnd(52)} p99 ${(result.search.p99Ms / result.rawLookup.p99Ms).toFixed(1)}x raw; ranked totals mean ${result.search.meanTotal.toFixed(1)}, max ${result.search.maxTotal}; too broad ${(100 * result.search.tooBroadShare).toFixed(1)}%`,
    line('duplicate candidates of a person', result.duplicates),
  ].join('\n');
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  (async () => {
    for (const persons of sizes.length ? sizes : [100_000, 1_000_000]) console.log(formatSearchBench(await runSearchBench({ persons })));
  })().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
