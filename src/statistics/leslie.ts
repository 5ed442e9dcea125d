import { survivalRatios } from './survival-ratios';

export interface LeslieInput {
  /** Female life-table person-years per group; the open group's value is its T. */
  Lx: readonly number[];
  l0: number;
  asfr: readonly number[];
  sexRatioAtBirth: number;
  /** Years per step and width of each closed group. */
  step: number;
}

/**
 * The female Leslie matrix A with P(t+n) = A · P(t) for a population closed to migration,
 * built to give exactly what {@link projectPopulation} gives for women. Sub-diagonal: the
 * survival ratios; bottom-right corner: the open group's T_ω/T_{ω−n} (it feeds itself). First
 * row: the daughters, surviving to the first group, born to a woman of each group over the step,
 * counting her ASFR at the start and, having survived into the next group, at the end:
 *
 *   A[0][j] = L_0/(n·l_0) · 1/(1+SRB) · n/2 · (F_j + F_{j+1} · S_{j+1})
 *
 * (women of the last closed and open groups both end in the open group).
 */
export function leslieMatrix(input: LeslieInput): Float64Array[] {
  const { Lx, asfr, step } = input;
  const groups = Lx.length;
  const open = groups - 1;
  const s = survivalRatios(Lx, input.l0, step);
  const matrix = Array.from({ length: groups }, () => new Float64Array(groups));

  for (let x = 1; x < open; x++) matrix[x][x - 1] = s[x];
  matrix[open][open - 1] = s[open];
  matrix[open][open] = s[open];

  const daughters = (s[0] * step) / (2 * (1 + input.sexRatioAtBirth));
  for (let j = 0; j < groups; j++) {
    const next = Math.min(j + 1, open);
    matrix[0][j] += daughters * (asfr[j] + asfr[next] * s[next]);
  }
  return matrix;
}

/**
 * The largest eigenvalue of a non-negative matrix by power iteration: the growth factor per step
 * of the stable population. Converges when that eigenvalue is strictly dominant, which holds for
 * a Leslie matrix with fertility in two consecutive age groups.
 */
export function dominantEigenvalue(
  matrix: readonly ArrayLike<number>[],
  tolerance = 1e-13,
  maxIterations = 100_000,
): number {
  const size = matrix.length;
  let vector = new Float64Array(size).fill(1 / size);
  let next = new Float64Array(size);
  let estimate = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let norm = 0;
    for (let i = 0; i < size; i++) {
      const row = matrix[i];
      let value = 0;
      for (let j = 0; j < size; j++) value += row[j] * vector[j];
      next[i] = value;
      norm += value;
    }
    // vector sums to 1, so the sum of A·vector is the growth of the whole population.
    if (norm === 0) return 0;
    for (let i = 0; i < size; i++) next[i] /= norm;
    [vector, next] = [next, vector];
    if (Math.abs(norm - estimate) <= tolerance * norm) return norm;
    estimate = norm;
  }
  return estimate;
}
