/**
 * Small-cell suppression with complementary suppression (docs/statistics.md, "No person
 * exposed"). A table is a list of cell values; a line is a set of cells whose total is, or may
 * be, published (a row or column total, the grand total, a coarser age group that another output
 * publishes). Rules:
 *
 * 1. Primary: every cell below the threshold is suppressed, zeros included.
 * 2. Complementary: in every line that holds suppressed cells, the suppressed cells must be at least
 *    two and add up to at least the threshold; otherwise the smallest published cell of the line
 *    is suppressed too, again and again. A line whose cells are then all suppressed and still add
 *    up to less than the threshold has its total suppressed (it is itself a small cell).
 * 3. Repeat until no line changes, since a complement may break another line.
 *
 * So a published line total minus its published cells gives only the sum of two or more hidden
 * cells, a sum that itself passes the threshold, and never a single hidden cell.
 */
export interface Protected {
  /** The cell, or null when suppressed. */
  cells: Array<number | null>;
  /** Each line's total, or null when it may not be published. */
  lineTotals: Array<number | null>;
}

export const DEFAULT_THRESHOLD = 5;

export function protectTable(values: readonly number[], lines: ReadonlyArray<readonly number[]>, threshold: number): Protected {
  const hidden = values.map((value) => value < threshold);
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      let count = 0;
      let sum = 0;
      for (const i of line) if (hidden[i]) (count++, (sum += values[i]!));
      while (count > 0 && (count === 1 || sum < threshold)) {
        let smallest = -1;
        for (const i of line) if (!hidden[i] && (smallest < 0 || values[i]! < values[smallest]!)) smallest = i;
        if (smallest < 0) break;
        hidden[smallest] = true;
        count++;
        sum += values[smallest]!;
        changed = true;
      }
    }
  }
  const lineTotals = lines.map((line) => {
    const total = line.reduce((sum, i) => sum + values[i]!, 0);
    return total < threshold && line.some((i) => hidden[i]) ? null : total;
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
