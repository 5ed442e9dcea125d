import fc from 'fast-check';
import { linesOfTable, protectTable } from './suppression';

/** Every assignment of the hidden cells (each at least 1) that adds up to `sum`. */
function* assignments(count: number, sum: number): Generator<number[]> {
  if (count === 1) {
    if (sum >= 1) yield [sum];
    return;
  }
  for (let first = 1; first <= sum - (count - 1); first++) for (const rest of assignments(count - 1, sum - first)) yield [first, ...rest];
}

const table = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 })
  .chain((sizes) =>
    fc.record({
      sizes: fc.constant(sizes),
      values: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 40 })), {
        minLength: sizes.reduce((p, s) => p * s, 1),
        maxLength: sizes.reduce((p, s) => p * s, 1),
      }),
      threshold: fc.integer({ min: 1, max: 6 }),
    }),
  );

describe('small-cell and complementary suppression', () => {
  it('publishes no cell from 1 to threshold − 1, and no line total from which a hidden cell follows', () => {
    fc.assert(
      fc.property(table, ({ sizes, values, threshold }) => {
        const lines = linesOfTable(sizes);
        const { cells, lineTotals } = protectTable(values, lines, threshold);
        cells.forEach((cell, i) => {
          expect(cell === null || cell === 0 || cell >= threshold).toBe(true);
          if (cell !== null) expect(cell).toBe(values[i]);
        });
        lines.forEach((line, l) => {
          const total = lineTotals[l];
          if (total === null || total === undefined) return;
          const hidden = line.filter((i) => cells[i] === null);
          if (hidden.length === 0) return;
          // What a reader derives: the hidden cells add up to the total minus the published ones.
          const rest = total - line.reduce((sum, i) => sum + (cells[i] ?? 0), 0);
          expect(hidden.length).toBeGreaterThanOrEqual(2);
          // Each hidden cell could hold any value from 1 to the threshold.
          expect(rest - (hidden.length - 1)).toBeGreaterThanOrEqual(threshold);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('a reader who tries every assignment consistent with a published total never pins a hidden cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 5, max: 12 })), { minLength: 2, maxLength: 5 }),
        (values) => {
          const all = values.map((_, i) => i);
          const { cells, lineTotals } = protectTable(values, [all], 5);
          const total = lineTotals[0];
          const hidden = all.filter((i) => cells[i] === null);
          if (total === null || total === undefined || hidden.length === 0) return;
          const rest = total - all.reduce((sum, i) => sum + (cells[i] ?? 0), 0);
          const seen = hidden.map(() => new Set<number>());
          for (const assignment of assignments(hidden.length, rest)) assignment.forEach((value, j) => seen[j]!.add(value));
          seen.forEach((values) => expect(values.size).toBeGreaterThan(1));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('suppresses a complement so that one small cell cannot be derived from the total', () => {
    const { cells, lineTotals } = protectTable([3, 40, 7, 0], [[0, 1, 2, 3]], 5);
    expect(cells).toEqual([null, 40, null, 0]);
    expect(lineTotals).toEqual([50]);
  });

  it('withholds a total when nothing is left to hide a small cell behind', () => {
    expect(protectTable([3, 0], [[0, 1]], 5)).toEqual({ cells: [null, 0], lineTotals: [null] });
  });

  it('lines of a 2×3 table: each row, each column and the grand total', () => {
    expect(linesOfTable([2, 3])).toEqual([[0, 3], [1, 4], [2, 5], [0, 1, 2], [3, 4, 5], [0, 1, 2, 3, 4, 5]]);
  });
});
