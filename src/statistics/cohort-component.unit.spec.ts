import fc from 'fast-check';
import { projectPopulation } from './cohort-component';
import type { ProjectionInput } from './projection-input';
import { StatisticsInputError } from './statistics-error';

/*
 * Preston, Heuveline and Guillot, Demography: Measuring and Modeling Population Processes
 * (Blackwell, 2001), ch. 6, Box 6.2: the female population of Sweden, 1 January 1993, projected
 * to 1998 with 1993 fertility and mortality and the period's net migration (mid-period
 * convention); 5-year groups, 85+ open, whose nLx is T85. Inputs and the printed results
 * (whole persons) as transcribed by the United Nations Population Division in
 * markalava/ccmppWPP, data-raw/sweden_1993.R, and checked there and in markalava/CCMPP,
 * tests/testthat/preseton_sweden_box_6_2.R.
 */
const sweden1993Females = {
  population: [
    293395, 248369, 240012, 261346, 285209, 314388, 281290, 286923, 304108, 324946, 247613,
    211351, 215140, 221764, 223506, 183654, 141990, 112424,
  ],
  Lx: [
    497487, 497138, 496901, 496531, 495902, 495168, 494213, 492760, 490447, 486613, 480665,
    471786, 457852, 436153, 402775, 350358, 271512, 291707,
  ],
  asfr: [0, 0, 0, 0.012, 0.0908, 0.1499, 0.1125, 0.0441, 0.0074, 0.0003, 0, 0, 0, 0, 0, 0, 0, 0],
  migration: [
    6840, 4150, 3365, 5270, 9240, 8230, 5470, 3155, 1770, 1115, 1075, 845, 645, 530, 465, 300,
    250, 175,
  ],
  printed: {
    population1998: [
      302392, 298682, 252007, 244150, 268267, 293515, 320624, 284767, 288031, 303166, 322062,
      243989, 205841, 205516, 205270, 194771, 142565, 131966,
    ],
    birthsByAgeOfMother: [0, 0, 0, 15244, 126688, 229354, 170057, 63203, 10971, 472, 0, 0, 0, 0, 0, 0, 0, 0],
  },
};

/** The box projects women only; men are given the same schedules so the two-sex run is complete. */
const sweden: ProjectionInput = {
  baseYear: 1993,
  step: 5,
  horizon: 5,
  population: { F: sweden1993Females.population, M: sweden1993Females.population },
  Lx: { F: sweden1993Females.Lx, M: sweden1993Females.Lx },
  l0: 100000,
  asfr: sweden1993Females.asfr,
  sexRatioAtBirth: 1.05,
  migration: { F: sweden1993Females.migration, M: sweden1993Females.migration, convention: 'mid-period' },
};

describe('projectPopulation', () => {
  describe('reproduces Preston, Heuveline and Guillot (2001) Box 6.2, Sweden 1993–1998 females', () => {
    const [in1998] = projectPopulation(sweden).steps;

    it('projects the 1998 female population to the whole person, as printed', () => {
      expect(in1998.year).toBe(1998);
      expect(in1998.population.F.map(Math.round)).toEqual(sweden1993Females.printed.population1998);
    });

    it('counts births by age of mother to the whole birth, as printed', () => {
      expect(in1998.birthsByAgeOfMother.map(Math.round)).toEqual(sweden1993Females.printed.birthsByAgeOfMother);
    });

    it('splits births by the sex ratio at birth', () => {
      const all = in1998.births.F + in1998.births.M;
      expect(in1998.births.F).toBeCloseTo(all / 2.05, 6);
    });
  });

  describe('accounts for every person', () => {
    const run = (convention: 'mid-period' | 'end') =>
      projectPopulation({ ...sweden, horizon: 25, migration: { ...sweden.migration!, convention } });

    it.each(['mid-period', 'end'] as const)('start + births − deaths + migration = end (%s)', (convention) => {
      const result = run(convention);
      let before = result.base.total;
      for (const s of result.steps) {
        const flows = s.births.F + s.births.M - s.deaths.F - s.deaths.M + s.netMigration.F + s.netMigration.M;
        expect(s.total).toBeCloseTo(before + flows, 4);
        expect(s.growthRate).toBeCloseTo(Math.log(s.total / before) / 5, 12);
        before = s.total;
      }
    });

    it('places migrants by the convention: half survived from the start and half at the end, or all at the end', () => {
      const oneGroup = sweden.migration!.F.map((_, x) => (x === 10 ? 1000 : 0));
      const project = (migration?: ProjectionInput['migration']) =>
        projectPopulation({ ...sweden, asfr: sweden.asfr.map(() => 0), migration }).steps[0].population.F;
      const without = project(undefined);
      const mid = project({ F: oneGroup, M: oneGroup, convention: 'mid-period' });
      const end = project({ F: oneGroup, M: oneGroup, convention: 'end' });
      const survival = sweden.Lx.F[11] / sweden.Lx.F[10];
      expect(mid[10] - without[10]).toBeCloseTo(500, 6);
      expect(mid[11] - without[11]).toBeCloseTo(500 * survival, 6);
      expect(end[10] - without[10]).toBeCloseTo(1000, 6);
      expect(end[11] - without[11]).toBeCloseTo(0, 6);
    });
  });

  it('with zero fertility and no migration, the total only falls', () => {
    const schedule = fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 18, maxLength: 18 });
    fc.assert(
      fc.property(schedule, schedule, fc.constantFrom(5, 50, 100), (population, Lx, horizon) => {
        const sorted = [...Lx].sort((a, b) => b - a); // person-years fall with age
        const result = projectPopulation({
          ...sweden,
          horizon,
          population: { F: population, M: population },
          Lx: { F: sorted, M: sorted.map((L) => L * 0.99) },
          l0: Math.max(...sorted) / 5,
          asfr: sweden.asfr.map(() => 0),
          migration: undefined,
        });
        let before = result.base.total;
        for (const s of result.steps) {
          expect(s.total).toBeLessThanOrEqual(before);
          before = s.total;
        }
      }),
    );
  });

  describe('refuses inputs it cannot project, naming the field and the rule', () => {
    const cases: [string, Partial<ProjectionInput>, string, string][] = [
      ['a 10-year step', { step: 10 as 5 }, 'step', 'one-of'],
      ['a horizon off the step', { horizon: 7 }, 'horizon', 'multiple-of-step'],
      ['too few groups', { population: { F: [1, 2, 3], M: [1, 2, 3] } }, 'population.F', 'open-age-at-least-65'],
      ['a short male population', { population: { F: sweden.population.F, M: sweden.population.M.slice(1) } }, 'population.M', 'same-length'],
      ['a zero Lx', { Lx: { F: sweden.Lx.F, M: sweden.Lx.M.map((L, i) => (i === 7 ? 0 : L)) } }, 'Lx.M[7]', 'positive'],
      ['fertile infants', { asfr: sweden.asfr.map((f, i) => (i === 0 ? 0.1 : f)) }, 'asfr[0]', 'first-group-childless'],
      ['a negative ASFR', { asfr: sweden.asfr.map((f, i) => (i === 5 ? -0.1 : f)) }, 'asfr[5]', 'non-negative'],
      ['no sex ratio', { sexRatioAtBirth: 0 }, 'sexRatioAtBirth[0]', 'positive'],
      ['an unknown convention', { migration: { ...sweden.migration!, convention: 'start' as 'end' } }, 'migration.convention', 'one-of'],
      ['a target before the base', { scenario: { tfr: { target: 2, year: 1990 } } }, 'scenario.tfr.year', 'after-base-year'],
      // JSON can send any shape where a schedule belongs.
      ['a population without sexes', { population: {} as ProjectionInput['population'] }, 'population.F', 'list'],
      ['a male population that is a number', { population: { F: sweden.population.F, M: 5 as never } }, 'population.M', 'list'],
      ['an Lx that is no object', { Lx: null as never }, 'Lx.F', 'list'],
      ['a migration without males', { migration: { F: sweden.migration!.F } as never }, 'migration.M', 'list'],
      ['an Lx target that is no schedule', { scenario: { Lx: { target: 'F' as never, year: 2020 } } }, 'scenario.Lx.target.F', 'list'],
      ['a TFR target for a childless schedule', { asfr: sweden.asfr.map(() => 0), scenario: { tfr: { target: 2, year: 2020 } } }, 'asfr', 'schedule-to-scale'],
    ];
    it.each(cases)('%s', (_, change, field, rule) => {
      const attempt = () => projectPopulation({ ...sweden, ...change });
      expect(attempt).toThrow(StatisticsInputError);
      expect(attempt).toThrow(expect.objectContaining({ field, rule }));
    });
  });
});
