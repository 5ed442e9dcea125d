import fc from 'fast-check';
import { projectPopulation } from './cohort-component';
import { dominantEigenvalue, leslieMatrix } from './leslie';
import type { ProjectionInput } from './projection-input';

/* Sweden 1993 women (Preston, Heuveline and Guillot 2001, Box 6.2), closed to migration. */
const Lx = [
  497487, 497138, 496901, 496531, 495902, 495168, 494213, 492760, 490447, 486613, 480665, 471786,
  457852, 436153, 402775, 350358, 271512, 291707,
];
const population = [
  293395, 248369, 240012, 261346, 285209, 314388, 281290, 286923, 304108, 324946, 247613, 211351,
  215140, 221764, 223506, 183654, 141990, 112424,
];
const asfr = [0, 0, 0, 0.012, 0.0908, 0.1499, 0.1125, 0.0441, 0.0074, 0.0003, 0, 0, 0, 0, 0, 0, 0, 0];
const closed: ProjectionInput = {
  baseYear: 1993,
  step: 5,
  horizon: 5,
  population: { F: population, M: population },
  Lx: { F: Lx, M: Lx },
  l0: 100000,
  asfr,
  sexRatioAtBirth: 1.05,
};

function times(matrix: Float64Array[], vector: readonly number[]): number[] {
  return matrix.map((row) => row.reduce((sum, a, j) => sum + a * vector[j], 0));
}

describe('leslieMatrix', () => {
  it('projects women exactly as the cohort-component projection does', () => {
    const matrix = leslieMatrix({ Lx, l0: 100000, asfr, sexRatioAtBirth: 1.05, step: 5 });
    const projected = projectPopulation(closed).steps[0].population.F;
    times(matrix, population).forEach((value, x) => expect(value).toBeCloseTo(projected[x], 6));
  });

  it('with constant rates, the long-run growth factor per step is its dominant eigenvalue', () => {
    const scales = fc.double({ min: 0.2, max: 3, noNaN: true });
    fc.assert(
      fc.property(scales, fc.constantFrom(1.03, 1.05, 1.07), (scale, sexRatioAtBirth) => {
        const scaled = asfr.map((f) => f * scale);
        const lambda = dominantEigenvalue(
          leslieMatrix({ Lx, l0: 100000, asfr: scaled, sexRatioAtBirth, step: 5 }),
        );
        const { steps } = projectPopulation({ ...closed, asfr: scaled, sexRatioAtBirth, horizon: 1500 });
        const [before, after] = steps.slice(-2);
        expect(after.total / before.total).toBeCloseTo(lambda, 7);
        expect(after.growthRate).toBeCloseTo(Math.log(lambda) / 5, 8);
      }),
      { numRuns: 30 },
    );
  });
});

describe('dominantEigenvalue', () => {
  it('finds the golden ratio for the Fibonacci matrix', () => {
    expect(dominantEigenvalue([[1, 1], [1, 0]])).toBeCloseTo((1 + Math.sqrt(5)) / 2, 12);
  });

  it('is zero for a population that cannot persist', () => {
    expect(dominantEigenvalue([[0, 0], [0.9, 0]])).toBe(0);
  });
});
