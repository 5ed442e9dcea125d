import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BulkRecorder } from '../src/bulk/bulk-recorder';
import { defaultPolicy } from '../src/domain/policy/jurisdiction-policy';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { Gazetteer } from '../src/gazetteer/gazetteer';
import { CountryGenerator } from '../src/synth/country-generator';
import { loadCountry, ratesFor, synthAreas } from '../src/synth/load-country';

export interface SynthBenchOptions {
  /** Base population (the country grows by its births and immigrants). */
  persons?: number;
  years?: number;
  seed?: string;
  batchSize?: number;
}

export interface SynthBenchResult {
  options: Required<SynthBenchOptions>;
  /** Generating the command stream alone, nothing recorded. */
  generate: { seconds: number; commands: number; commandsPerSecond: number };
  /** Generating and recording through the bulk path into a fresh embedded store. */
  load: { seconds: number; commands: number; events: number; eventsPerSecond: number; refused: number; persons: number };
  /** Peak resident set size of this process (generator + recorder + store), sampled every 250 ms. */
  peakRssMb: number;
}

const DEFAULTS: Required<SynthBenchOptions> = { persons: 100_000, years: 10, seed: 'bench', batchSize: 2_000 };

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
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  try {
    started = performance.now();
    const summary = await loadCountry(new BulkRecorder(store, gazetteer, defaultPolicy), synth, { batchSize: o.batchSize });
    const seconds = (performance.now() - started) / 1000;
    const load = summary.load!;
    peak = Math.max(peak, process.memoryUsage().rss);
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
    };
  } finally {
    clearInterval(sampler);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatSynthBench(r: SynthBenchResult): string {
  const n = (x: number) => Math.round(x).toLocaleString('en');
  return [
    `sijil synth, ${n(r.options.persons)} base persons, ${r.options.years} years, seed ${r.options.seed}, batches of ${n(r.options.batchSize)} (SQLite, WAL, synchronous=FULL)`,
    `generate only        ${n(r.generate.commands)} commands in ${r.generate.seconds.toFixed(1)} s  (${n(r.generate.commandsPerSecond)} commands/s)`,
    `generate and load    ${n(r.load.persons)} persons, ${n(r.load.commands)} commands, ${n(r.load.events)} events in ${r.load.seconds.toFixed(1)} s  (${n(r.load.eventsPerSecond)} events/s), ${r.load.refused} refused`,
    `peak RSS             ${n(r.peakRssMb)} MB`,
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
