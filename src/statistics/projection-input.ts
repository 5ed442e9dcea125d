import {
  requireFinite,
  requireLength,
  requireList,
  requireNonNegative,
  requirePositive,
} from './input-checks';
import { StatisticsInputError } from './statistics-error';

export interface BySex<T> {
  F: T;
  M: T;
}

/**
 * Mid-period: half of a period's net migrants arrive at its start and live (and die, and bear
 * children) through it; the other half arrive at its end. End: all arrive at the end and take no
 * part in the period's births and deaths.
 */
export type MigrationConvention = 'mid-period' | 'end';

/** A value moving linearly from the base input to `target`, reached at `year` and held after. */
export interface Target<T> {
  target: T;
  year: number;
}

/**
 * Without a scenario every rate holds constant. TFR moves by scaling the ASFR schedule; life
 * expectancy by interpolating nLx toward a target schedule (so e0 = T0/l0 moves exactly linearly);
 * migration by interpolating each age–sex count toward a target schedule.
 */
export interface ProjectionScenario {
  tfr?: Target<number>;
  Lx?: Target<BySex<readonly number[]>>;
  migration?: Target<BySex<readonly number[]>>;
}

export interface ProjectionInput {
  baseYear: number;
  /** Years per step, and the width of every closed age group. */
  step: 1 | 5;
  /** Years to project; a multiple of the step. */
  horizon: number;
  /** Base population by age group (0, step, 2·step, ..., open group). */
  population: BySex<readonly number[]>;
  /** Life-table person-years per group for the period; the open group's value is its T. */
  Lx: BySex<readonly number[]>;
  /** Radix of the life table behind Lx. */
  l0: number;
  /** Annual births per woman in each group (zeros outside 15–49). */
  asfr: readonly number[];
  /** Male births per female birth. */
  sexRatioAtBirth: number;
  /** Net migrants per step by age group at the time of the count. */
  migration?: BySex<readonly number[]> & { convention?: MigrationConvention };
  scenario?: ProjectionScenario;
}

/** Dependency ratios split the population at 15 and 65, so the open group must start at 65 or later. */
const OLDEST_BOUNDARY = 65;

export function validateProjectionInput(input: ProjectionInput): void {
  const { step } = input;
  if (step !== 1 && step !== 5) {
    throw new StatisticsInputError('step', 'one-of', 'must be 1 or 5 years');
  }
  if (!Number.isInteger(input.baseYear)) {
    throw new StatisticsInputError('baseYear', 'integer', 'must be a whole year');
  }
  if (!Number.isInteger(input.horizon) || input.horizon <= 0 || input.horizon % step !== 0) {
    throw new StatisticsInputError('horizon', 'multiple-of-step', `must be a positive multiple of ${step} years`);
  }

  requireList('population.F', bySex(input.population, 'F'));
  const groups = input.population.F.length;
  if ((groups - 1) * step < OLDEST_BOUNDARY) {
    throw new StatisticsInputError(
      'population.F',
      'open-age-at-least-65',
      `${groups} groups of ${step} years put the open group below age ${OLDEST_BOUNDARY}`,
    );
  }
  for (const sex of ['F', 'M'] as const) {
    requireLength(`population.${sex}`, bySex(input.population, sex), groups);
    requireNonNegative(`population.${sex}`, input.population[sex]);
    requireLength(`Lx.${sex}`, bySex(input.Lx, sex), groups);
    requirePositive(`Lx.${sex}`, input.Lx[sex]);
  }
  requirePositive('l0', [input.l0]);
  requireLength('asfr', input.asfr, groups);
  requireNonNegative('asfr', input.asfr);
  if (input.asfr[0] !== 0) {
    // The first group at the end of a step is made of that step's births; it cannot bear them.
    throw new StatisticsInputError('asfr[0]', 'first-group-childless', 'must be zero');
  }
  requirePositive('sexRatioAtBirth', [input.sexRatioAtBirth]);

  if (input.migration) {
    const convention = input.migration.convention ?? 'mid-period';
    if (convention !== 'mid-period' && convention !== 'end') {
      throw new StatisticsInputError('migration.convention', 'one-of', 'must be "mid-period" or "end"');
    }
    requireSchedule('migration', input.migration, groups, requireFinite);
  }
  validateScenario(input, groups);
}

function validateScenario(input: ProjectionInput, groups: number): void {
  const scenario = input.scenario;
  if (!scenario) return;
  for (const key of ['tfr', 'Lx', 'migration'] as const) {
    const year = scenario[key]?.year;
    if (year !== undefined && !(Number.isFinite(year) && year > input.baseYear)) {
      throw new StatisticsInputError(`scenario.${key}.year`, 'after-base-year', `must be after ${input.baseYear}`);
    }
  }
  if (scenario.tfr) {
    requireNonNegative('scenario.tfr.target', [scenario.tfr.target]);
    if (input.asfr.every((f) => f === 0)) {
      throw new StatisticsInputError('asfr', 'schedule-to-scale', 'a TFR target needs a non-zero ASFR schedule to scale');
    }
  }
  if (scenario.Lx) requireSchedule('scenario.Lx.target', scenario.Lx.target, groups, requirePositive);
  if (scenario.migration) requireSchedule('scenario.migration.target', scenario.migration.target, groups, requireFinite);
}

function requireSchedule(
  field: string,
  schedule: BySex<readonly number[]>,
  groups: number,
  check: (field: string, values: readonly number[]) => void,
): void {
  for (const sex of ['F', 'M'] as const) {
    requireLength(`${field}.${sex}`, bySex(schedule, sex), groups);
    check(`${field}.${sex}`, schedule[sex]);
  }
}

/** One sex's schedule, or undefined where the input holds no object at all (JSON can send anything). */
function bySex(schedule: unknown, sex: keyof BySex<unknown>): unknown {
  return typeof schedule === 'object' && schedule !== null ? (schedule as Partial<BySex<unknown>>)[sex] : undefined;
}
