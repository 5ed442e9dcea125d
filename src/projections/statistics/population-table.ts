import type { Sex } from '../../domain/person/person-events';
import { linesOfTable, protectTable } from '../../statistics/suppression';
import { OPEN_AGE, type AgeCounts } from '../population/population-queries';

export type AgeScheme = 'age1' | 'age5';
export interface Breakdown {
  age?: AgeScheme;
  sex: boolean;
  area: boolean;
}

export interface PopulationCell {
  age?: string;
  sex?: Sex;
  area?: string;
  /** Null when suppressed. */
  count: number | null;
}

export interface PopulationTable {
  date: string;
  area: string | null;
  by: string[];
  threshold: number;
  cells: PopulationCell[];
  /** Null when publishing it would let a suppressed cell be derived. */
  total: number | null;
  suppressedCells: number;
}

const OPEN_AGE5 = 85;
export const ageLabels: Record<AgeScheme, string[]> = {
  age1: [...Array.from({ length: OPEN_AGE }, (_, a) => String(a)), `${OPEN_AGE}+`],
  age5: [...Array.from({ length: OPEN_AGE5 / 5 }, (_, g) => `${g * 5}-${g * 5 + 4}`), `${OPEN_AGE5}+`],
};
const groupOf = (scheme: AgeScheme, age: number) => (scheme === 'age1' ? Math.min(age, OPEN_AGE) : Math.min(Math.floor(age / 5), OPEN_AGE5 / 5));
const SEXES: Sex[] = ['F', 'M'];

/**
 * The published table: counts by the requested breakdown, protected by small-cell and
 * complementary suppression over every line a coarser query could publish (each dimension
 * dropped, the grand total, and five-year groups of a single-year table).
 */
export function populationTable(counts: Map<string, AgeCounts>, by: Breakdown, date: string, area: string | undefined, threshold: number): PopulationTable {
  const areas = by.area ? [...counts.keys()].sort() : ['all'];
  const dims: Array<{ name: string; labels: string[] }> = [
    ...(by.age ? [{ name: 'age', labels: ageLabels[by.age] }] : []),
    ...(by.sex ? [{ name: 'sex', labels: SEXES }] : []),
    ...(by.area ? [{ name: 'area', labels: areas }] : []),
  ];
  const sizes = dims.map(({ labels }) => labels.length);
  const strides = sizes.map((_, d) => sizes.slice(d + 1).reduce((p, s) => p * s, 1));
  const values = new Array<number>(sizes.reduce((p, s) => p * s, 1)).fill(0);
  for (const [key, bySex] of counts) {
    for (const sex of SEXES) {
      bySex[sex].forEach((count, age) => {
        const coordinates = dims.map(({ name, labels }) =>
          name === 'age' ? groupOf(by.age!, age) : name === 'sex' ? SEXES.indexOf(sex) : labels.indexOf(key),
        );
        values[coordinates.reduce((index, c, d) => index + c * strides[d]!, 0)]! += count;
      });
    }
  }
  const lines = linesOfTable(sizes);
  const grandTotal = lines.length - 1;
  if (by.age === 'age1') {
    for (let rest = 0; rest < strides[0]!; rest++) {
      for (let g = 0; g <= OPEN_AGE5 / 5; g++) {
        const ages = Array.from({ length: OPEN_AGE + 1 }, (_, a) => a).filter((a) => groupOf('age5', a) === g);
        lines.push(ages.map((a) => a * strides[0]! + rest));
      }
    }
  }
  const protectedTable = protectTable(values, lines, threshold);
  const cells = values.map((_, index) => {
    const cell: PopulationCell = { count: protectedTable.cells[index]! };
    dims.forEach(({ name, labels }, d) => {
      (cell as unknown as Record<string, string>)[name] = labels[Math.floor(index / strides[d]!) % sizes[d]!]!;
    });
    return cell;
  });
  return {
    date,
    area: area ?? null,
    by: dims.map(({ name }) => (name === 'age' ? by.age! : name)),
    threshold,
    cells,
    total: protectedTable.lineTotals[grandTotal]!,
    suppressedCells: protectedTable.cells.filter((cell) => cell === null).length,
  };
}
