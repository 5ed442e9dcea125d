import type { BySex, MigrationConvention, ProjectionInput } from './projection-input';
import { validateProjectionInput } from './projection-input';
import { periodRates, type PeriodRates } from './projection-scenario';
import { summarizePopulation, type PopulationSummary } from './population-summary';

export interface ProjectionStep extends PopulationSummary {
  births: BySex<number>;
  /** Births of both sexes by the mother's age group at the start of the step. */
  birthsByAgeOfMother: number[];
  /** Deaths during the step, of the starting population, of migrants and of the step's births. */
  deaths: BySex<number>;
  netMigration: BySex<number>;
  /** r = ln(P(t+n) / P(t)) / n, per year. */
  growthRate: number;
}

export interface ProjectionResult {
  base: PopulationSummary;
  steps: ProjectionStep[];
}

/**
 * Cohort-component projection, two sexes, female-dominant births (Preston, Heuveline and Guillot
 * 2001, ch. 6; United Nations, ccmppWPP). Each step of n years:
 *
 *  1. under the mid-period convention, half of the step's net migrants join their age group at
 *     the start and share the step's risks;
 *  2. each group x−1 survives into group x with L_x/L_{x−1}; the last closed group and the open
 *     group together survive into the open group with T_ω/T_{ω−n};
 *  3. the other half of the migrants join at the end (all of them, under the end convention,
 *     after births are counted);
 *  4. births = n · Σ ASFR_x · (women_x at the start + women_x at the end) / 2, split by the sex
 *     ratio at birth (female share 1/(1+SRB)), and survive into the first group with L_0/(n·l_0).
 */
export function projectPopulation(input: ProjectionInput): ProjectionResult {
  validateProjectionInput(input);
  const { step, baseYear, sexRatioAtBirth } = input;
  const convention = input.migration?.convention ?? 'mid-period';

  let population: BySex<Float64Array> = {
    F: Float64Array.from(input.population.F),
    M: Float64Array.from(input.population.M),
  };
  let total = sum(population.F) + sum(population.M);
  const steps: ProjectionStep[] = [];
  for (let year = baseYear; year < baseYear + input.horizon; year += step) {
    const flows = projectStep(population, periodRates(input, year), step, sexRatioAtBirth, convention);
    const summary = summarizePopulation(year + step, flows.end, step);
    steps.push({
      ...summary,
      births: flows.births,
      birthsByAgeOfMother: Array.from(flows.birthsByAgeOfMother),
      deaths: flows.deaths,
      netMigration: flows.netMigration,
      growthRate: Math.log(summary.total / total) / step,
    });
    population = flows.end;
    total = summary.total;
  }
  return { base: summarizePopulation(baseYear, input.population, step), steps };
}

interface StepFlows {
  end: BySex<Float64Array>;
  births: BySex<number>;
  birthsByAgeOfMother: Float64Array;
  deaths: BySex<number>;
  netMigration: BySex<number>;
}

function projectStep(
  start: BySex<Float64Array>,
  rates: PeriodRates,
  n: number,
  sexRatioAtBirth: number,
  convention: MigrationConvention,
): StepFlows {
  const groups = start.F.length;
  const open = groups - 1;
  // Share of the step's migrants that arrives at its start, and the same share again at its end,
  // in time to count among the women at the end; under the end convention they all come later.
  const split = convention === 'mid-period' ? 0.5 : 0;

  const exposed = { F: new Float64Array(groups), M: new Float64Array(groups) };
  const end = { F: new Float64Array(groups), M: new Float64Array(groups) };
  const deaths = { F: 0, M: 0 };
  for (const sex of ['F', 'M'] as const) {
    const s = rates.survival[sex];
    const migrants = rates.migration[sex];
    const atStart = exposed[sex];
    for (let x = 0; x < groups; x++) atStart[x] = start[sex][x] + split * migrants[x];
    for (let x = 1; x < open; x++) end[sex][x] = atStart[x - 1] * s[x];
    const enteringOpen = atStart[open - 1] + atStart[open];
    end[sex][open] = enteringOpen * s[open];
    // Whoever started the step (or arrived at its start) and is not in a group at its end died;
    // the first group is still empty here, waiting for the step's births.
    deaths[sex] = sum(atStart) - sum(end[sex]);
    // The first group's migrants join once the step's births exist.
    for (let x = 1; x < groups; x++) end[sex][x] += split * migrants[x];
  }

  const birthsByAgeOfMother = new Float64Array(groups);
  let births = 0;
  for (let x = 1; x < groups; x++) {
    birthsByAgeOfMother[x] = (n * rates.asfr[x] * (exposed.F[x] + end.F[x])) / 2;
    births += birthsByAgeOfMother[x];
  }
  const birthsBySex = { F: births / (1 + sexRatioAtBirth), M: (births * sexRatioAtBirth) / (1 + sexRatioAtBirth) };

  const netMigration = { F: sum(rates.migration.F), M: sum(rates.migration.M) };
  for (const sex of ['F', 'M'] as const) {
    const survivingBirths = birthsBySex[sex] * rates.survival[sex][0];
    deaths[sex] += birthsBySex[sex] - survivingBirths;
    end[sex][0] = survivingBirths + split * rates.migration[sex][0];
    if (convention === 'end') {
      for (let x = 0; x < groups; x++) end[sex][x] += rates.migration[sex][x];
    }
    // Net emigration larger than a cell's population cannot leave fewer than nobody.
    for (let x = 0; x < groups; x++) if (end[sex][x] < 0) end[sex][x] = 0;
  }
  return { end, births: birthsBySex, birthsByAgeOfMother, deaths, netMigration };
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}
