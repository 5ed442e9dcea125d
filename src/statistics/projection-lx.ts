import type { LifeTableRow } from './life-table';
import { StatisticsInputError } from './statistics-error';

/**
 * A life table's person-years regrouped for a projection: nLx summed over groups of `step` years
 * from 0 (so an abridged table's 1L0 and 4L1 make 5L0), and T at `openAge` for the open group, as
 * {@link projectPopulation} expects. The table must have a boundary at every multiple of the
 * step up to the open age, and must reach that age.
 */
export function projectionLx(rows: readonly LifeTableRow[], step: number, openAge: number): number[] {
  const groups = openAge / step + 1;
  if (!Number.isInteger(groups) || groups < 2) {
    throw new StatisticsInputError('openAge', 'multiple-of-step', `must be a positive multiple of ${step}`);
  }
  const open = rows.find((row) => row.age === openAge);
  if (!open) {
    throw new StatisticsInputError('openAge', 'in-table', `the life table has no group starting at ${openAge}`);
  }
  const Lx = new Array<number>(groups).fill(0);
  for (const row of rows) {
    if (row.age >= openAge) continue;
    const end = row.n === null ? Infinity : row.age + row.n;
    const group = Math.floor(row.age / step);
    if (end > (group + 1) * step) {
      throw new StatisticsInputError('ages', 'aligned-to-step', `the group starting at ${row.age} crosses age ${(group + 1) * step}`);
    }
    Lx[group] += row.Lx;
  }
  Lx[groups - 1] = open.Tx;
  return Lx;
}
