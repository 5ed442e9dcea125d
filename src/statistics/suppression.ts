/**
 * Small-cell suppression with complementary suppression (docs/statistics.md, "No person
 * exposed"). A table is a list of cell values; a line is a set of cells whose total is, or may
 * be, published (a row or column total, the grand total, a coarser age group that another output
 * publishes). Rules:
 *
 * 1. Primary: every cell from 1 to threshold − 1 is suppressed. A zero is published: it says
 *    that nobody is there, which tells nothing about a person; and since zeros are shown, a
 *    reader knows each suppressed cell holds at least one person, so complements are never zero.
 * 2. Complementary: a line that holds suppressed cells and whose total is published must not give
 *    any of them away. Its total minus its published cells is the sum S of its c suppressed cells,
 *    each at least 1, so each lies in [1, S − c + 1]; we require c ≥ 2 and S − c + 1 ≥ threshold,
 *    so every suppressed cell could hold any value from 1 to the threshold. Until that holds, the
 *    smallest published non-zero cell of the line is suppressed too. A line where it cannot hold
 *    (no published cell is left) has its total suppressed.
 * 3. Repeat until no line changes, since a complement may break another line.
 *
 * So a published line total minus its published cells gives only the sum of two or more hidden
 * cells, never a single one, nor an interval narrow enough to guess one.
 */
export interface Protected {
  /** The cell, or null when suppressed. */
  cells: Array<number | null>;
  /** Each line's total, or null when it may not be published. */
  lineTotals: Array<number | null>;
}

export const DEFAULT_THRESHOLD = 5;

/** c hidden cells of sum S, each at least 1: each could be anything in [1, S − c + 1]. */
const safe = (count: number, sum: number, threshold: number) => count >= 2 && sum - count + 1 >= threshold;

export function protectTable(values: readonly number[], lines: ReadonlyArray<readonly number[]>, threshold: number): Protected {
  const hidden = values.map((value) => value > 0 && value < threshold);
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      let count = 0;
      let sum = 0;
      for (const i of line) if (hidden[i]) (count++, (sum += values[i]!));
      while (count > 0 && !safe(count, sum, threshold)) {
        let smallest = -1;
        for (const i of line) if (!hidden[i] && values[i]! > 0 && (smallest < 0 || values[i]! < values[smallest]!)) smallest = i;
        if (smallest < 0) break;
        hidden[smallest] = true;
        count++;
        sum += values[smallest]!;
        changed = true;
      }
    }
  }
  const lineTotals = lines.map((line) => {
    let count = 0;
    let sum = 0;
    let total = 0;
    for (const i of line) (total += values[i]!), hidden[i] && (count++, (sum += values[i]!));
    return count === 0 || safe(count, sum, threshold) ? total : null;
  });
  return { cells: values.map((value, i) => (hidden[i] ? null : value)), lineTotals };
}

/**
 * The lines of a full table with the given dimension sizes (cells in row-major order): every
 * one-dimensional line along each dimension (what a query dropping that dimension would publish)
 * and the grand total.
 */
export function linesOfTable(sizes: readonly number[]): number[][] {
  const total = sizes.reduce((product, size) => product * size, 1);
  const strides = sizes.map((_, d) => sizes.slice(d + 1).reduce((product, size) => product * size, 1));
  const lines: number[][] = [];
  sizes.forEach((size, d) => {
    if (size < 2) return;
    for (let start = 0; start < total; start++) {
      if (Math.floor(start / strides[d]!) % size !== 0) continue;
      lines.push(Array.from({ length: size }, (_, j) => start + j * strides[d]!));
    }
  });
  lines.push(Array.from({ length: total }, (_, i) => i));
  return lines;
}
