import type { BySex, ProjectionInput, Target } from './projection-input';
import { survivalRatios } from './survival-ratios';

/** The rates that govern one projection step. */
export interface PeriodRates {
  asfr: Float64Array;
  survival: BySex<Float64Array>;
  /** Net migrants over the step, by age group. */
  migration: BySex<Float64Array>;
}

/**
 * Rates for the step starting in `periodStart`. A scenario's value is read at the middle of the
 * step (where a period rate belongs), on the straight line from the base value at `baseYear` to
 * the target at its year, and held at the target after that year.
 */
export function periodRates(input: ProjectionInput, periodStart: number): PeriodRates {
  const { scenario, step } = input;
  const midYear = periodStart + step / 2;
  const progress = (target: Target<unknown> | undefined): number =>
    target ? Math.min(1, (midYear - input.baseYear) / (target.year - input.baseYear)) : 0;

  const asfr = Float64Array.from(input.asfr);
  if (scenario?.tfr) {
    const baseTfr = step * asfr.reduce((sum, f) => sum + f, 0);
    const tfr = lerp(baseTfr, scenario.tfr.target, progress(scenario.tfr));
    for (let x = 0; x < asfr.length; x++) asfr[x] *= tfr / baseTfr;
  }

  const Lx = interpolate(input.Lx, scenario?.Lx, progress(scenario?.Lx));
  const zeros = input.population.F.map(() => 0);
  const migration = interpolate(
    input.migration ?? { F: zeros, M: zeros },
    scenario?.migration,
    progress(scenario?.migration),
  );
  return {
    asfr,
    survival: {
      F: survivalRatios(Lx.F, input.l0, step),
      M: survivalRatios(Lx.M, input.l0, step),
    },
    migration,
  };
}

function lerp(from: number, to: number, progress: number): number {
  return from + (to - from) * progress;
}

function interpolate(
  base: BySex<readonly number[]>,
  target: Target<BySex<readonly number[]>> | undefined,
  progress: number,
): BySex<Float64Array> {
  const one = (sex: 'F' | 'M') =>
    Float64Array.from(base[sex], (v, x) => (target ? lerp(v, target.target[sex][x], progress) : v));
  return { F: one('F'), M: one('M') };
}
