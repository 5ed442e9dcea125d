import type { BySex } from './projection-input';

export interface DependencyRatios {
  /** Persons aged 0–14 per 100 aged 15–64; null when nobody is 15–64. */
  young: number | null;
  /** Persons aged 65 and over per 100 aged 15–64. */
  old: number | null;
  total: number | null;
}

export interface PopulationSummary {
  year: number;
  population: BySex<number[]>;
  total: number;
  dependencyRatio: DependencyRatios;
  /** Null for an empty population. */
  medianAge: number | null;
}

/**
 * The headline measures of a population counted in age groups of `width` years from 0 (the last
 * group open). Groups are assumed to meet 15 and 65 at their boundaries, which holds for 1- and
 * 5-year groups.
 */
export function summarizePopulation(
  year: number,
  population: BySex<ArrayLike<number>>,
  width: number,
): PopulationSummary {
  const groups = population.F.length;
  const both = new Float64Array(groups);
  for (let x = 0; x < groups; x++) both[x] = population.F[x] + population.M[x];

  let young = 0;
  let working = 0;
  let old = 0;
  for (let x = 0; x < groups; x++) {
    const age = x * width;
    if (age < 15) young += both[x];
    else if (age < 65) working += both[x];
    else old += both[x];
  }
  const per100 = (count: number) => (working > 0 ? (100 * count) / working : null);

  return {
    year,
    population: { F: Array.from(population.F), M: Array.from(population.M) },
    total: young + working + old,
    dependencyRatio: { young: per100(young), old: per100(old), total: per100(young + old) },
    medianAge: medianAge(both, width),
  };
}

/**
 * The age that halves the population, assuming people spread evenly within their group. When the
 * half falls in the open group, whose width is unknown, the answer is the open group's start.
 */
export function medianAge(counts: ArrayLike<number>, width: number): number | null {
  let total = 0;
  for (let x = 0; x < counts.length; x++) total += counts[x];
  if (total <= 0) return null;
  const half = total / 2;
  let below = 0;
  for (let x = 0; x < counts.length - 1; x++) {
    if (below + counts[x] >= half) return x * width + (width * (half - below)) / counts[x];
    below += counts[x];
  }
  return (counts.length - 1) * width;
}
