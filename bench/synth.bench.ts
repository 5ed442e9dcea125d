import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { BulkRecorder } from '../src/bulk/bulk-recorder';
import { defaultPolicy } from '../src/domain/policy/jurisdiction-policy';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { Gazetteer } from '../src/gazetteer/gazetteer';
import { CountryGenerator } from '../src/synth/country-generator';
import { loadCountry, ratesFor, synthAreas } from '../src/synth/load-country';
import type { SynthSummary } from '../src/synth/synth-summary';
import { cpuSecondsOf } from './http/server-process';
import { addAgency, rssMbOf, serveData, untilLive } from './http/sijil-serve';

export interface SynthBenchOptions {
  /** Base population (the country grows by its births and immigrants). */
  persons?: number;
  years?: number;
  seed?: string;
  batchSize?: number;
  /** Then start the server on the loaded store and measure it (default true). */
  serve?: boolean;
}

export interface SynthBenchResult {
  options: Required<SynthBenchOptions>;
  /** Generating the command stream alone, nothing recorded. */
  generate: { seconds: number; commands: number; commandsPerSecond: number };
  /** Generating and recording through the bulk path into a fresh embedded store. */
  load: { seconds: number; commands: number; events: number; eventsPerSecond: number; refused: number; persons: number };
  /** Peak resident set size of this process (generator + recorder + store), sampled every 250 ms. */
  peakRssMb: number;
  /** `sijil serve` on the loaded store: projections caught up, then reads served. */
  server?: ServerFigures;
}

export interface ServerFigures {
  /** From start until every projection is live at the log's head. */
  catchUpSeconds: number;
  /** CPU the server spent meanwhile, all its threads: what a busy machine does not blur (Linux only). */
  catchUpCpuSeconds?: number;
  /** Peak RSS while the projections caught up, and while serving reads after. */
  catchUpPeakRssMb: number;
  readsPeakRssMb: number;
  reads: number;
  readsPerSecond: number;
}

const DEFAULTS: Required<SynthBenchOptions> = { persons: 100_000, years: 10, seed: 'bench', batchSize: 2_000, serve: true };

/** `sijil synth` measured: the generator alone, then generating and loading a country of `persons`. */
export async function runSynthBench(options: SynthBenchOptions = {}): Promise<SynthBenchResult> {
  const o = { ...DEFAULTS, ...options };
  const gazetteer = Gazetteer.load();
  const synth = ratesFor(gazetteer, { persons: o.persons, years: o.years, seed: o.seed, areaCodes: synthAreas(gazetteer) });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250);

  let started = performance.now();
  let commands = 0;
  for (const _step of new CountryGenerator(synth).steps()) commands++;
  const generateSeconds = (performance.now() - started) / 1000;

  const dir = mkdtempSync(join(tmpdir(), 'sijil-synth-bench-'));
  try {
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    let summary: SynthSummary;
    let seconds: number;
    try {
      started = performance.now();
      summary = await loadCountry(new BulkRecorder(store, gazetteer, defaultPolicy), synth, { batchSize: o.batchSize });
      seconds = (performance.now() - started) / 1000;
      peak = Math.max(peak, process.memoryUsage().rss);
    } finally {
      clearInterval(sampler);
      await store.close();
    }
    const load = summary.load!;
    const server = o.serve ? await measureServer(dir) : undefined;
    return {
      options: o,
      generate: { seconds: generateSeconds, commands, commandsPerSecond: commands / generateSeconds },
      load: {
        seconds,
        commands: load.recorded,
        events: load.events,
        eventsPerSecond: load.events / seconds,
        refused: load.refused,
        persons: (summary.recorded.EnrolPerson ?? 0) + (summary.recorded.RegisterBirth ?? 0),
      },
      peakRssMb: peak / 2 ** 20,
      ...(server && { server }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The issue's "server RSS with it loaded": `sijil serve` on the data folder the load left, its
 * projections running there from an empty read side until live at the log's head, then one
 * identity view per sampled person (history, family and duplicates for one in ten), one at a time.
 */
async function measureServer(dataDir: string, reads = 2_000): Promise<ServerFigures> {
  const credential = addAgency(dataDir, 'synth bench', 'supervisor');
  const started = performance.now();
  const server = serveData(dataDir);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMbOf(server.process.pid!))), 250);
  try {
    const url = await server.listening;
    await untilLive(url);
    const catchUpSeconds = (performance.now() - started) / 1000;
    const catchUpCpuSeconds = cpuSecondsOf(server.process.pid!);
    const catchUpPeakRssMb = peak;
    peak = 0;
    const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    // Every person's first event, spread over the log (a random order would sort a million streams).
    const { persons } = db.prepare(`SELECT count(*) AS persons FROM events WHERE revision = 0 AND stream_id LIKE 'person-%'`).get() as { persons: number };
    const every = Math.max(1, Math.floor(persons / reads));
    const streams = db
      .prepare(`SELECT stream_id FROM events WHERE revision = 0 AND stream_id LIKE 'person-%' AND position % ? = 0 LIMIT ?`)
      .all(every, reads) as Array<{ stream_id: string }>;
    db.close();
    const headers = { authorization: `Bearer ${credential}`, 'x-purpose': 'synth benchmark' };
    const readsStarted = performance.now();
    let count = 0;
    for (const [i, { stream_id }] of streams.entries()) {
      const nid = stream_id.slice('person-'.length);
      const paths = i % 10 === 0 ? ['', '/history', '/family', '/duplicates'] : [''];
      for (const path of paths) {
        const response = await fetch(`${url}/v1/persons/${nid}${path}`, { headers });
        if (!response.ok) throw new Error(`GET /v1/persons/${nid}${path}: ${response.status}`);
        await response.arrayBuffer();
        count++;
      }
    }
    const readsPerSecond = count / ((performance.now() - readsStarted) / 1000);
    return { catchUpSeconds, catchUpCpuSeconds, catchUpPeakRssMb, readsPeakRssMb: Math.max(peak, rssMbOf(server.process.pid!)), reads: count, readsPerSecond };
  } finally {
    clearInterval(sampler);
    server.process.kill('SIGTERM');
  }
}

export function formatSynthBench(r: SynthBenchResult): string {
  const n = (x: number) => Math.round(x).toLocaleString('en');
  return [
    `sijil synth, ${n(r.options.persons)} base persons, ${r.options.years} years, seed ${r.options.seed}, batches of ${n(r.options.batchSize)} (SQLite, WAL, synchronous=FULL)`,
    `generate only        ${n(r.generate.commands)} commands in ${r.generate.seconds.toFixed(1)} s  (${n(r.generate.commandsPerSecond)} commands/s)`,
    `generate and load    ${n(r.load.persons)} persons, ${n(r.load.commands)} commands, ${n(r.load.events)} events in ${r.load.seconds.toFixed(1)} s  (${n(r.load.eventsPerSecond)} events/s), ${r.load.refused} refused`,
    `peak RSS             ${n(r.peakRssMb)} MB`,
    ...(r.server
      ? [
          `sijil serve on it    projections live after ${r.server.catchUpSeconds.toFixed(1)} s (${r.server.catchUpCpuSeconds === undefined ? '' : `CPU ${r.server.catchUpCpuSeconds.toFixed(1)} s, `}peak RSS ${n(r.server.catchUpPeakRssMb)} MB); ` +
            `${n(r.server.reads)} reads at ${n(r.server.readsPerSecond)}/s, peak RSS ${n(r.server.readsPeakRssMb)} MB`,
        ]
      : []),
  ].join('\n');
}

if (require.main === module) {
  const persons = Number(process.argv[2] ?? DEFAULTS.persons);
  const years = Number(process.argv[3] ?? DEFAULTS.years);
  runSynthBench({ persons, years }).then(
    (result) => console.log(formatSynthBench(result)),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
