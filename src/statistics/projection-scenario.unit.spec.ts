import type { ProjectionInput } from './projection-input';
import { periodRates } from './projection-scenario';

const groups = 18;
const flat = (value: number) => Array.from({ length: groups }, () => value);
const asfr = flat(0).map((_, x) => (x >= 3 && x <= 9 ? 0.05 : 0)); // TFR = 5 · 7 · 0.05 = 1.75
const base: ProjectionInput = {
  baseYear: 2000,
  step: 5,
  horizon: 50,
  population: { F: flat(1000), M: flat(1000) },
  Lx: { F: flat(400000), M: flat(380000) },
  l0: 100000,
  asfr,
  sexRatioAtBirth: 1.05,
  migration: { F: flat(10), M: flat(20) },
};
const tfrOf = (rates: Float64Array) => 5 * rates.reduce((a, b) => a + b, 0);

describe('periodRates', () => {
  it('holds every rate constant without a scenario', () => {
    const [first, later] = [periodRates(base, 2000), periodRates(base, 2040)];
    expect(later).toEqual(first);
    expect(tfrOf(first.asfr)).toBeCloseTo(1.75, 12);
    expect(Array.from(first.migration.M)).toEqual(flat(20));
  });

  describe('moves toward a target linearly, read at mid-step, and holds it after the target year', () => {
    // Target year 2010: the step 2000–2005 is read at 2002.5, a quarter of the way.
    const scenario: ProjectionInput['scenario'] = {
      tfr: { target: 2.75, year: 2010 },
      Lx: { target: { F: flat(440000), M: flat(420000) }, year: 2010 },
      migration: { target: { F: flat(50), M: flat(-20) }, year: 2010 },
    };
    const at = (year: number) => periodRates({ ...base, scenario }, year);

    it('TFR, by scaling the ASFR schedule', () => {
      expect(tfrOf(at(2000).asfr)).toBeCloseTo(2, 12);
      expect(tfrOf(at(2005).asfr)).toBeCloseTo(2.5, 12);
      expect(tfrOf(at(2030).asfr)).toBeCloseTo(2.75, 12);
      const shape = at(2000).asfr.map((f) => f / 0.05);
      expect(Array.from(shape).filter((v) => v > 0).every((v) => Math.abs(v - 2 / 1.75) < 1e-12)).toBe(true);
    });

    it('life expectancy, by interpolating nLx (so L0/(n·l0) follows)', () => {
      expect(at(2000).survival.F[0]).toBeCloseTo(410000 / 500000, 12);
      expect(at(2005).survival.M[0]).toBeCloseTo(410000 / 500000, 12);
      expect(at(2050).survival.F[0]).toBeCloseTo(440000 / 500000, 12);
    });

    it('migration, age by age', () => {
      expect(at(2000).migration.F[4]).toBeCloseTo(20, 12);
      expect(at(2005).migration.M[4]).toBeCloseTo(-10, 12);
      expect(at(2020).migration.M[4]).toBeCloseTo(-20, 12);
    });
  });
});
