import { medianAge, summarizePopulation } from './population-summary';

describe('summarizePopulation', () => {
  // Fourteen 5-year groups, 65+ open, 50 of each sex in each: 300 young, 1000 of working age, 100 old.
  const fifty = Array.from({ length: 14 }, () => 50);
  const summary = summarizePopulation(2030, { F: fifty, M: fifty }, 5);

  it('gives dependency ratios per 100 persons aged 15–64', () => {
    expect(summary.total).toBe(1400);
    expect(summary.dependencyRatio).toEqual({ young: 30, old: 10, total: 40 });
  });

  it('interpolates the median age within its group', () => {
    // Half is 700: six groups (0–29) hold 600, so the median lies 100/100 into 30–34.
    expect(summary.medianAge).toBe(35);
    expect(medianAge([10, 30, 0], 1)).toBeCloseTo(1 + 10 / 30, 12);
  });

  it('reports the open group start when half the population is in it, and no median for nobody', () => {
    expect(medianAge([1, 1, 10], 5)).toBe(10);
    expect(medianAge([0, 0, 0], 5)).toBeNull();
  });

  it('has no ratios without a working-age population', () => {
    const onlyChildren = Array.from({ length: 14 }, (_, x) => (x < 3 ? 5 : 0));
    expect(summarizePopulation(2030, { F: onlyChildren, M: onlyChildren }, 5).dependencyRatio).toEqual({
      young: null,
      old: null,
      total: null,
    });
  });
});
