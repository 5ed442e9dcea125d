import { ageRange } from '../domain/shared/partial-date';
import { ageOn, birthday, civilOf, dayOf, isoDay, yearOf } from './civil-days';

const DAY_MS = 86_400_000;

describe('civil days', () => {
  it('agree with Date.UTC on every day from 1900 to 2100', () => {
    const wrong: number[] = [];
    for (let day = dayOf(1900); day <= dayOf(2100, 12, 31); day++) {
      const [y, m, d] = civilOf(day);
      if (isoDay(day) !== new Date(day * DAY_MS).toISOString().slice(0, 10) || dayOf(y, m, d) !== day) wrong.push(day);
    }
    expect(wrong).toEqual([]);
    expect(yearOf(dayOf(2024, 12, 31))).toBe(2024);
  });

  it('count ages as the domain does', () => {
    for (const [birth, on] of [['2000-02-29', '2018-02-28'], ['2000-02-29', '2018-03-01'], ['1990-06-15', '2008-06-14'], ['1990-06-15', '2008-06-15']] as const) {
      const [b, o] = [birth, on].map((s) => dayOf(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))));
      expect(ageOn(b!, o!)).toBe(ageRange(birth, on).min);
    }
    expect(isoDay(birthday(dayOf(2000, 2, 29), 18))).toBe('2018-03-01');
  });
});
