import fc from 'fast-check';
import { coaleDemenyA0, coaleDemenyA1 } from './coale-demeny';
import { LIFE_TABLE_RADIX, lifeTable, lifeTableFromRates } from './life-table';
import { StatisticsInputError } from './statistics-error';

/*
 * Preston, Heuveline and Guillot, Demography: Measuring and Modeling Population Processes
 * (Blackwell, 2001), Box 3.1, pp. 49–51: abridged life table for Austrian males, 1992 (data from
 * United Nations 1994), with the observed nax the box prints. Inputs and the printed lx, ndx and
 * nLx columns (whole numbers) as transcribed and cross-checked against the book in
 * ihmeuw-demographics/demCore, data-raw/austria_1992_lt.R; the lx column also in
 * jschoeley/pash, R/example_data.R (`prestons_lx`, citing p. 51).
 */
const austria1992Males = {
  ages: [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85],
  exposures: [
    47925, 189127, 234793, 238790, 254996, 326831, 355086, 324222, 269963, 261971, 238011,
    261612, 181385, 187962, 153832, 105169, 73694, 57512, 32248,
  ],
  deaths: [
    419, 70, 36, 46, 249, 420, 403, 441, 508, 769, 1154, 1866, 2043, 3496, 4366, 4337, 5279,
    6460, 6146,
  ],
  ax: [
    0.068, 1.626, 2.5, 3.143, 2.724, 2.52, 2.481, 2.601, 2.701, 2.663, 2.698, 2.676, 2.645,
    2.624, 2.619, 2.593, 2.518, 2.423, null,
  ],
  printed: {
    lx: [
      100000, 99133, 98986, 98910, 98815, 98334, 97704, 97151, 96492, 95588, 94195, 91937, 88711,
      83845, 76377, 66225, 53803, 37441, 21134,
    ],
    dx: [
      867, 147, 76, 95, 481, 630, 553, 659, 904, 1393, 2258, 3225, 4867, 7467, 10152, 12422,
      16362, 16307, 21134,
    ],
    Lx: [
      99192, 396183, 494741, 494375, 492980, 490106, 487127, 484175, 480384, 474686, 465777,
      452188, 432096, 401480, 357713, 301224, 228404, 145182, 110889,
    ],
  },
};

describe('lifeTable', () => {
  describe('reproduces Preston, Heuveline and Guillot (2001) Box 3.1, Austria 1992 males', () => {
    const rows = lifeTable({ sex: 'M', ...austria1992Males });

    it.each(['lx', 'dx', 'Lx'] as const)('%s to the whole person, as printed', (column) => {
      expect(rows.map((r) => Math.round(r[column]))).toEqual(austria1992Males.printed[column]);
    });

    it('prints the open group a as 1/m (5.247 in the box)', () => {
      expect(rows[18].ax.toFixed(3)).toBe('5.247');
    });

    it('gives e0 as the sum of the printed nLx over the radix, within their rounding', () => {
      const printedT0 = austria1992Males.printed.Lx.reduce((a, b) => a + b, 0);
      expect(Math.abs(rows[0].Tx - printedT0)).toBeLessThanOrEqual(0.5 * 19);
      expect(rows[0].ex).toBeCloseTo(printedT0 / LIFE_TABLE_RADIX, 3);
    });
  });

  it('builds the same table from rates, blaming mx for an impossible one', () => {
    const { ages, deaths, exposures, ax } = austria1992Males;
    const mx = deaths.map((d, i) => d / exposures[i]);
    expect(lifeTableFromRates({ sex: 'M', ages, mx, ax })).toEqual(lifeTable({ sex: 'M', ...austria1992Males }));
    expect(() => lifeTableFromRates({ sex: 'M', ages, mx: mx.map((m, i) => (i === 18 ? 0 : m)) })).toThrow(
      expect.objectContaining({ field: 'mx[18]', rule: 'positive' }),
    );
  });

  describe('default ax', () => {
    const abridged = { ...austria1992Males, ax: undefined };

    it('uses the Coale–Demeny rules for ages 0 and 1–4 and n/2 above', () => {
      const rows = lifeTable({ sex: 'F', ...abridged });
      const m0 = 419 / 47925;
      expect(rows[0].ax).toBeCloseTo(coaleDemenyA0('F', m0), 12);
      expect(rows[1].ax).toBeCloseTo(coaleDemenyA1('F', m0), 12);
      expect(rows.slice(2, 18).every((r) => r.ax === 2.5)).toBe(true);
    });

    it('applies the rule per null in a partly supplied ax column', () => {
      const ax = austria1992Males.ax.map((a, i) => (i === 0 ? null : a));
      const rows = lifeTable({ sex: 'M', ...austria1992Males, ax });
      expect(rows[0].ax).toBeCloseTo(coaleDemenyA0('M', 419 / 47925), 12);
      expect(rows[1].ax).toBe(1.626);
    });

    it('switches to the constants when 1m0 is at least 0.107 (Table 3.3)', () => {
      expect([coaleDemenyA0('M', 0.2), coaleDemenyA0('F', 0.107)]).toEqual([0.33, 0.35]);
      expect([coaleDemenyA1('M', 0.107), coaleDemenyA1('F', 0.3)]).toEqual([1.352, 1.361]);
    });

    it('uses a0 by the same rule and 0.5 elsewhere in a single-year table', () => {
      const ages = Array.from({ length: 101 }, (_, x) => x);
      const rows = lifeTable({
        sex: 'M',
        ages,
        deaths: ages.map((x) => 10 + x * x),
        exposures: ages.map(() => 100000),
      });
      expect(rows[0].ax).toBeCloseTo(coaleDemenyA0('M', 10 / 100000), 12);
      expect(rows.slice(1, 100).every((r) => r.ax === 0.5 && r.n === 1)).toBe(true);
      expect(rows[100].n).toBeNull();
    });
  });

  it('keeps its identities for any admissible rates', () => {
    const table = fc.record({
      widths: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 25 }),
      rates: fc.array(fc.double({ min: 0, max: 0.3, noNaN: true }), { minLength: 26, maxLength: 26 }),
      openRate: fc.double({ min: 0.05, max: 2, noNaN: true }),
      sex: fc.constantFrom('M' as const, 'F' as const),
    });
    fc.assert(
      fc.property(table, ({ widths, rates, openRate, sex }) => {
        const ages = widths.reduce((acc, w) => [...acc, acc[acc.length - 1] + w], [0]);
        const exposures = ages.map(() => 1000);
        const deaths = ages.map((_, i) => (i === ages.length - 1 ? openRate : rates[i]) * 1000);
        const rows = lifeTable({ sex, ages, deaths, exposures });
        const sumD = rows.reduce((s, r) => s + r.dx, 0);
        expect(sumD).toBeCloseTo(LIFE_TABLE_RADIX, 6);
        rows.forEach((r, i) => {
          if (i > 0) expect(r.lx).toBeLessThanOrEqual(rows[i - 1].lx);
          if (r.n !== null) expect(r.Lx).toBeLessThanOrEqual(r.n * r.lx + 1e-9);
          expect(r.ex).toBeCloseTo(r.Tx / r.lx, 9);
        });
      }),
    );
  });

  describe('refuses inputs no table can use, naming the field and the rule', () => {
    const base = { sex: 'M' as const, ...austria1992Males };
    const cases: [string, Partial<typeof base>, string, string][] = [
      ['a missing exposure', { exposures: base.exposures.slice(1) }, 'exposures', 'same-length'],
      ['a zero exposure', { exposures: base.exposures.map((e, i) => (i === 4 ? 0 : e)) }, 'exposures[4]', 'positive'],
      ['negative deaths', { deaths: base.deaths.map((d, i) => (i === 2 ? -1 : d)) }, 'deaths[2]', 'non-negative'],
      ['ages out of order', { ages: base.ages.map((a, i) => (i === 3 ? 4 : a)) }, 'ages[3]', 'increasing'],
      ['no deaths in the open group', { deaths: base.deaths.map((d, i) => (i === 18 ? 0 : d)) }, 'deaths[18]', 'open-group-deaths'],
      ['an ax wider than its group', { ax: base.ax.map((a, i) => (i === 5 ? 6 : a)) }, 'ax[5]', 'within-group'],
      ['an ax column of the wrong length', { ax: [0.1] }, 'ax', 'same-length'],
      ['a rate that kills more than everyone', { deaths: base.deaths.map((d, i) => (i === 5 ? 400000 : d)) }, 'deaths[5]', 'probability-at-most-one'],
    ];
    it.each(cases)('%s', (_, change, field, rule) => {
      const attempt = () => lifeTable({ ...base, ...change });
      expect(attempt).toThrow(StatisticsInputError);
      expect(attempt).toThrow(expect.objectContaining({ field, rule }));
    });
  });
});
