import { dayOf } from './civil-days';
import { basePopulation } from './base-population';
import { births } from './births';
import { deaths } from './deaths';
import { schooling } from './education';
import { work } from './employment';
import { migration } from './migration';
import type { SynthOptions } from './synth-options';
import { lifeExpectancy, type SynthRates } from './synth-rates';
import type { SynthStep } from './synth-step';
import type { SynthSummary, YearFigures } from './synth-summary';
import { SynthWorld } from './synth-world';
import { divorces, yearMarriages } from './yearly-marriages';

export type { SynthOptions } from './synth-options';

/**
 * The synthetic country: a base population by age and sex enrolled from legacy registers, with
 * real families (parents linked, names following the father), then year by year deaths,
 * marriages (polygamous at a set rate), divorces, births, education, employment, moves and
 * migration. Every choice comes from one seeded PRNG and every date from the options, so the
 * same options give the same stream of commands. Commands come out in recording order: a fact
 * is recorded a few days after it happens (late registrations years after), never before a fact
 * it depends on.
 */
export class CountryGenerator {
  readonly rates: SynthRates;
  private readonly world: SynthWorld;
  private readonly byYear: YearFigures[] = [];

  constructor(private readonly options: SynthOptions) {
    this.world = new SynthWorld(options);
    this.rates = this.world.rates;
  }

  /** The commands in recording order. Run it once; `summary()` is complete when it ends. */
  *steps(): Generator<SynthStep> {
    const { world } = this;
    // Everything later happens on or after the first day: the base population can go as it is made.
    for (const _pause of basePopulation(world, this.options.persons)) yield* world.queue.release(dayOf(world.startYear) + 1);
    yield* world.queue.release(dayOf(world.startYear) + 1);
    for (let year = world.startYear; year <= world.endYear; year++) {
      this.byYear.push(simulateYear(world, year));
      yield* world.queue.release(dayOf(year + 1));
    }
    // Registrations due after the last simulated year are not yet recorded: the register's backlog.
    const cutoff = dayOf(world.endYear + 1) + 60;
    yield* world.queue.release(cutoff);
    world.counts.notYetRecorded = world.queue.size;
    world.queue.clear();
  }

  summary(): SynthSummary {
    const { world, rates } = this;
    return {
      options: {
        persons: this.options.persons,
        years: this.options.years,
        seed: this.options.seed,
        startYear: world.startYear,
        endYear: world.endYear,
        areaCodes: world.areas,
      },
      rates,
      derived: {
        lifeExpectancyAtBirth: { M: lifeExpectancy(rates, 'M'), F: lifeExpectancy(rates, 'F') },
        maritalTotalFertility: rates.maritalFertility.reduce((s, r) => s + 5 * r, 0),
        mortalityModel: 'Gompertz–Makeham by sex with infant and early-childhood terms',
        prng: 'sfc32 seeded by cyrb128',
      },
      counts: { ...world.counts, spellingVariants: { ...world.counts.spellingVariants } },
      recorded: { ...world.queue.recorded },
      years: this.byYear,
      duplicatePairs: world.duplicatePairs,
    };
  }
}

/** One simulated year, its processes in a fixed order (the PRNG's draws depend on it): the year's figures. */
function simulateYear(w: SynthWorld, year: number): YearFigures {
  const y0 = dayOf(year);
  const y1 = dayOf(year + 1);
  const figures: YearFigures = {
    year, population: 0, births: 0, expectedDeliveries: 0, deliveries: 0, deaths: 0, expectedDeaths: 0,
    marriages: 0, polygamousMarriages: 0, divorces: 0, immigrants: 0, emigrations: 0, returns: 0,
  };
  const marriagesBefore = w.counts.marriages;
  const polygamousBefore = w.counts.polygamousMarriages;
  // Those born or arriving this year are not at risk of this year's events before it ends.
  const count = w.persons.length;
  for (let i = 0; i < count; i++) {
    const p = w.persons[i]!;
    if (p.death < y0 || p.abroad) continue;
    figures.population++;
  }
  deaths(w, year, y0, y1, count, figures);
  yearMarriages(w, year, y0, y1, count);
  divorces(w, y0, y1);
  births(w, year, y0, y1, count, figures);
  schooling(w, year, y0, count);
  work(w, y0, y1, count);
  migration(w, year, y0, y1, count, figures);
  figures.marriages = w.counts.marriages - marriagesBefore;
  figures.polygamousMarriages = w.counts.polygamousMarriages - polygamousBefore;
  return figures;
}

/** The whole stream and its summary, for tests and small countries. */
export function generateCountry(options: SynthOptions): { steps: SynthStep[]; summary: SynthSummary } {
  const generator = new CountryGenerator(options);
  const steps = [...generator.steps()];
  return { steps, summary: generator.summary() };
}
