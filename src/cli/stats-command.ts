import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { PopulationProjection } from '../projections/population/population.projection';
import { withRegisterInputs } from '../projections/statistics/projection-request';
import { breakdownOf, registerPopulation, registerRatesReport } from '../projections/statistics/register-statistics';
import { populationCsv, projectionCsv, ratesCsv } from '../projections/statistics/statistics-output';
import { PopulationQueryDto, RatesQueryDto } from '../projections/statistics/statistics-requests.dto';
import { suppressionThreshold } from '../projections/statistics/statistics-settings';
import { createReadModelStore } from '../read-models/create-read-model-store';
import { ProjectionEngine } from '../read-models/engine/projection-engine';
import type { ReadModelStore } from '../read-models/read-model.port';
import { projectPopulation } from '../statistics/cohort-component';
import { StatisticsInputError } from '../statistics/statistics-error';
import { checkedOptions } from './checked-options';
import { openStore, type StoreOptions } from './open-store';

interface OutputOptions extends StoreOptions {
  csv?: boolean;
}

/** Brings the population model up to the log's head, then hands the read models to `work`. */
async function withPopulation<T>(options: StoreOptions, work: (readModels: ReadModelStore) => Promise<T>): Promise<T> {
  const { config, store } = await openStore(options);
  const readModels = await createReadModelStore({ dataDir: config.dataDir, mongodbUrl: config.mongodbUrl });
  const engine = new ProjectionEngine({ eventStore: store, readModels, projections: [new PopulationProjection()] });
  try {
    await engine.start();
    await engine.waitForHead({ timeoutMs: 3_600_000 });
    return await work(readModels);
  } finally {
    await engine.stop();
    await readModels.close();
    await store.close();
  }
}

const print = (options: OutputOptions, value: unknown, csv: () => string) =>
  process.stdout.write(options.csv ? csv() : `${JSON.stringify(value, null, 2)}\n`);

/** `sijil stats population|rates|project`: the statistician's routes from the command line, same suppression. */
export function statsCommand(): Command {
  const stats = new Command('stats').description('population statistics from the register (aggregates only, small cells suppressed)');
  stats
    .command('population')
    .description('population at the end of a day by age, sex and area')
    .requiredOption('--date <YYYY-MM-DD>')
    .option('--by <list>', 'age1 or age5, sex, area', 'age5,sex')
    .option('--area <code>', 'an area and every area within it')
    .option('--csv', 'CSV instead of JSON')
    .option('--data <dir>', 'embedded store folder (env SIJIL_DATA, default ./data)')
    .action(async (options: OutputOptions & { date: string; by: string; area?: string }) => {
      const { date, by, area } = await checkedOptions(PopulationQueryDto, { date: options.date, by: options.by, area: options.area });
      const table = await withPopulation(options, (readModels) => registerPopulation(readModels, date, breakdownOf(by), area, suppressionThreshold()));
      print(options, table, () => populationCsv(table));
    });
  stats
    .command('rates')
    .description('ASFR, TFR, GRR, NRR, crude rates, IMR, SRB and life tables over a period')
    .requiredOption('--from <YYYY-MM-DD>')
    .requiredOption('--to <YYYY-MM-DD>')
    .option('--area <code>')
    .option('--csv', 'CSV instead of JSON')
    .option('--data <dir>', 'embedded store folder (env SIJIL_DATA, default ./data)')
    .action(async (options: OutputOptions & { from: string; to: string; area?: string }) => {
      const { from, to, area } = await checkedOptions(RatesQueryDto, { from: options.from, to: options.to, area: options.area });
      const report = await withPopulation(options, (readModels) => registerRatesReport(readModels, from, to, area, suppressionThreshold()));
      print(options, report, () => ratesCsv(report));
    });
  stats
    .command('project <input.json>')
    .description("cohort-component projection; the file is POST /v1/statistics/projections' body (baseDate takes the register's inputs)")
    .option('--csv', 'CSV instead of JSON')
    .option('--data <dir>', 'embedded store folder (env SIJIL_DATA, default ./data)')
    .action(async (file: string, options: OutputOptions) => {
      const request = JSON.parse(readFileSync(file, 'utf8'));
      try {
        const result = await withPopulation(options, async (readModels) => {
          const input = await withRegisterInputs(readModels, request, suppressionThreshold());
          return { result: projectPopulation(input), step: input.step };
        });
        print(options, result.result, () => projectionCsv(result.result, result.step));
      } catch (error) {
        if (error instanceof StatisticsInputError) throw new Error(`${error.field}: ${error.message} (${error.rule})`);
        throw error;
      }
    });
  return stats;
}

