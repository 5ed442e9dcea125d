import type { Sex } from '../domain/person/person-events';
import { coaleDemenyA0, coaleDemenyA1 } from './coale-demeny';
import {
  requireIncreasing,
  requireLength,
  requireNonNegative,
  requirePositive,
} from './input-checks';
import { StatisticsInputError } from './statistics-error';

/** l0: the table follows 100,000 births, as published tables do. */
export const LIFE_TABLE_RADIX = 100_000;

export interface LifeTableRow {
  /** Exact age at the start of the group. */
  age: number;
  /** Width of the group in years; null for the open group. */
  n: number | null;
  mx: number;
  qx: number;
  ax: number;
  lx: number;
  dx: number;
  Lx: number;
  Tx: number;
  ex: number;
}

export interface LifeTableRates {
  sex: Sex;
  /** Start of each age group (abridged 0, 1, 5, 10, ... or single years); the last is open. */
  ages: readonly number[];
  /** Central death rates per group. */
  mx: readonly number[];
  /** Mean years lived in the group by those dying in it; null or absent: the default rule. */
  ax?: readonly (number | null)[];
}

export interface LifeTableInput {
  sex: Sex;
  ages: readonly number[];
  deaths: readonly number[];
  /** Person-years lived in each group during the period. */
  exposures: readonly number[];
  ax?: readonly (number | null)[];
}

/** A period life table from deaths and person-years: m = D/E, then {@link lifeTableFromRates}. */
export function lifeTable(input: LifeTableInput): LifeTableRow[] {
  const groups = input.ages.length;
  requireLength('deaths', input.deaths, groups);
  requireLength('exposures', input.exposures, groups);
  requireNonNegative('deaths', input.deaths);
  requirePositive('exposures', input.exposures);
  if (input.deaths[groups - 1] === 0) {
    // L = l/m in the open group: with no deaths there it would be infinite.
    throw new StatisticsInputError(
      `deaths[${groups - 1}]`,
      'open-group-deaths',
      'the open age group needs at least one death',
    );
  }
  const mx = input.deaths.map((d, i) => d / input.exposures[i]);
  return lifeTableFromRates({ sex: input.sex, ages: input.ages, mx, ax: input.ax }, 'deaths');
}

/**
 * The life table columns from death rates. `rateField` names the input blamed when a rate is
 * impossible, so callers that start from deaths see `deaths[i]` rather than an internal `mx[i]`.
 */
export function lifeTableFromRates(rates: LifeTableRates, rateField = 'mx'): LifeTableRow[] {
  const { sex, ages, mx } = rates;
  const groups = ages.length;
  if (groups < 2) {
    throw new StatisticsInputError('ages', 'open-group', 'needs at least one closed group and the open group');
  }
  requireIncreasing('ages', ages);
  requireNonNegative('ages', ages);
  requireLength(rateField, mx, groups);
  requireNonNegative(rateField, mx);
  if (mx[groups - 1] === 0) {
    throw new StatisticsInputError(`${rateField}[${groups - 1}]`, 'positive', 'the open group needs a death rate above zero');
  }
  if (rates.ax) requireLength('ax', rates.ax, groups);

  const rows: LifeTableRow[] = [];
  let lx = LIFE_TABLE_RADIX;
  for (let i = 0; i < groups; i++) {
    const m = mx[i];
    if (i === groups - 1) {
      // Everyone alive at the open age dies in it; they live 1/m years on average.
      rows.push({ age: ages[i], n: null, mx: m, qx: 1, ax: 1 / m, lx, dx: lx, Lx: lx / m, Tx: 0, ex: 0 });
      break;
    }
    const n = ages[i + 1] - ages[i];
    const ax = rates.ax?.[i] ?? defaultAx(sex, ages, i, mx);
    if (!Number.isFinite(ax) || ax < 0 || ax > n) {
      throw new StatisticsInputError(`ax[${i}]`, 'within-group', `must lie between 0 and the group width ${n}`);
    }
    const qx = (n * m) / (1 + (n - ax) * m);
    if (qx > 1) {
      throw new StatisticsInputError(
        `${rateField}[${i}]`,
        'probability-at-most-one',
        `a death rate of ${m} with ax ${ax} implies more deaths than survivors`,
      );
    }
    const dx = lx * qx;
    const next = lx - dx;
    rows.push({ age: ages[i], n, mx: m, qx, ax, lx, dx, Lx: n * next + ax * dx, Tx: 0, ex: 0 });
    lx = next;
  }

  let tx = 0;
  for (let i = groups - 1; i >= 0; i--) {
    tx += rows[i].Lx;
    rows[i].Tx = tx;
    rows[i].ex = tx / rows[i].lx;
  }
  return rows;
}

/**
 * Coale–Demeny for the infant group [0, 1) and for [1, 5) after it; n/2 elsewhere (0.5 in a
 * single-year table), which assumes deaths spread evenly over the group.
 */
function defaultAx(sex: Sex, ages: readonly number[], i: number, mx: readonly number[]): number {
  const n = ages[i + 1] - ages[i];
  const infantGroup = ages[0] === 0 && ages[1] === 1;
  if (infantGroup && i === 0) return coaleDemenyA0(sex, mx[0]);
  if (infantGroup && i === 1 && n === 4) return coaleDemenyA1(sex, mx[0]);
  return n / 2;
}
