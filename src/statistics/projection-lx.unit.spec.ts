import { lifeTable } from './life-table';
import { projectionLx } from './projection-lx';

const ages = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85];
const table = lifeTable({
  sex: 'F',
  ages,
  deaths: ages.map((x) => 5 + x * x),
  exposures: ages.map(() => 100000),
});

describe('projectionLx', () => {
  it('joins 1L0 and 4L1 into 5L0 and ends with T of the open group', () => {
    const Lx = projectionLx(table, 5, 80);
    expect(Lx).toHaveLength(17);
    expect(Lx[0]).toBeCloseTo(table[0].Lx + table[1].Lx, 9);
    expect(Lx[1]).toBe(table[2].Lx);
    expect(Lx[16]).toBe(table[17].Tx);
  });

  it('keeps the person-years of the whole table', () => {
    const Lx = projectionLx(table, 5, 85);
    expect(Lx.reduce((a, b) => a + b, 0)).toBeCloseTo(table[0].Tx, 6);
  });

  it('refuses a table whose groups straddle the step, or that stops short of the open age', () => {
    expect(() => projectionLx(table, 1, 85)).toThrow(expect.objectContaining({ field: 'ages', rule: 'aligned-to-step' }));
    expect(() => projectionLx(table, 5, 90)).toThrow(expect.objectContaining({ field: 'openAge', rule: 'in-table' }));
    expect(() => projectionLx(table, 5, 82)).toThrow(expect.objectContaining({ field: 'openAge', rule: 'multiple-of-step' }));
  });
});
