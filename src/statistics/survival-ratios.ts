/**
 * Survival ratios for one projection step of width n (equal to the age-group width), from the
 * life table's person-years nLx, whose last value is T of the open group.
 *
 *   [0]      births to the first group: L_0 / (n · l_0)
 *   [x]      group x−1 to group x:      L_x / L_{x−1}
 *   [ω]      last closed group and open group together into the open group:
 *            T_ω / T_{ω−n} = L_ω / (L_{ω−n} + L_ω)
 *
 * A ratio of person-years, not of survivors lx, because a projection moves people who are spread
 * over the whole age group, as nLx are (Preston, Heuveline and Guillot 2001, ch. 6).
 */
export function survivalRatios(Lx: ArrayLike<number>, l0: number, n: number): Float64Array {
  const open = Lx.length - 1;
  const ratios = new Float64Array(Lx.length);
  ratios[0] = Lx[0] / (n * l0);
  for (let x = 1; x < open; x++) ratios[x] = Lx[x] / Lx[x - 1];
  ratios[open] = Lx[open] / (Lx[open - 1] + Lx[open]);
  return ratios;
}
