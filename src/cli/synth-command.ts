import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { BulkRecorder } from '../bulk/bulk-recorder';
import { Gazetteer } from '../gazetteer/gazetteer';
import { loadCountry, ratesFor, synthAreas } from '../synth/load-country';
import { openStore } from './open-store';

interface SynthCommandOptions {
  persons: string;
  years: string;
  seed: string;
  areaCodes?: string;
  endYear: string;
  data?: string;
  summary?: string;
  batchSize: string;
  progress: boolean;
}

const positive = (value: string, name: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number (got ${value})`);
  return n;
};

export function synthCommand(): Command {
  return new Command('synth')
    .description('generate a synthetic country through the bulk command path, deterministically for a seed')
    .requiredOption('--persons <n>', 'base population, enrolled first from legacy registers')
    .requiredOption('--years <y>', 'years simulated after the base population')
    .requiredOption('--seed <s>', 'the same seed gives the same country')
    .option('--area-codes <codes>', 'comma-separated districts to populate (default: every district of the gazetteer)')
    .option('--end-year <year>', 'last simulated year', '2025')
    .option('--data <dir>', 'embedded store folder (env SIJIL_DATA, default ./data)')
    .option('--summary <file>', 'where to write the summary (default <data>/synth-summary.json)')
    .option('--batch-size <n>', 'commands per transaction', '2000')
    .option('--no-progress', 'no progress lines on stderr')
    .action(async (options: SynthCommandOptions) => {
      // A synthetic country is recorded at its own instants, not the machine's.
      let instant = new Date(0);
      const { config, store } = await openStore(options, () => instant);
      try {
        const gazetteer = Gazetteer.load(config.gazetteerPath);
        const synth = ratesFor(gazetteer, {
          persons: positive(options.persons, 'persons'),
          years: positive(options.years, 'years'),
          seed: options.seed,
          endYear: positive(options.endYear, 'end-year'),
          areaCodes: synthAreas(gazetteer, options.areaCodes),
        });
        let lastPrint = 0;
        const summary = await loadCountry(new BulkRecorder(store, gazetteer, config.policy), synth, {
          batchSize: positive(options.batchSize, 'batch-size') || 2000,
          onBatchInstant: (at) => (instant = new Date(at)),
          onProgress: ({ steps, events, day }) => {
            if (!options.progress || Date.now() - lastPrint < 1000) return;
            lastPrint = Date.now();
            process.stderr.write(`synth: ${day}, ${steps} commands, ${events} events\n`);
          },
        });
        const path = options.summary ?? join(config.dataDir, 'synth-summary.json');
        writeFileSync(path, `${JSON.stringify(summary, null, 1)}\n`);
        const load = summary.load!;
        process.stdout.write(
          `Synthetic country (seed ${options.seed}): ${summary.counts.basePersons} persons enrolled, ${summary.counts.births} born, ` +
            `${summary.counts.deaths} died over ${summary.options.startYear}–${summary.options.endYear}; ${load.recorded} commands recorded ` +
            `(${load.events} events) in ${load.seconds.toFixed(1)} s, ${load.duplicates} already there, ${load.refused} refused.\n` +
            (load.refused > 0 ? `Refusals: ${JSON.stringify(load.refusals)}\n` : '') +
            `Summary: ${path}\n`,
        );
      } finally {
        await store.close();
      }
    });
}
