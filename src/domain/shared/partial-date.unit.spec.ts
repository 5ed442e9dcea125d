import {
  ageRange,
  certainlyBefore,
  comparePartialDates,
  daysBetween,
  earliestDay,
  isPartialDate,
  latestCivilDateAt,
  latestDay,
  parseCivilDate,
  parsePartialDate,
  precisionOf,
} from './partial-date';

describe('partial dates', () => {
  it.each(['1950', '1950-03', '1950-03-31', '2024-02-29', '2000-02-29'])('accepts %s', (date) => {
    expect(isPartialDate(date)).toBe(true);
  });

  it.each(['1950-13', '1950-00', '2023-02-29', '1900-02-29', '1950-04-31', '1950-3', '50', '1950-03-1', '0999', '', 1950])(
    'refuses %p with DATE.INVALID',
    (date) => {
      expect(() => parsePartialDate(date, 'dateOfBirth')).toThrow(
        expect.objectContaining({ code: 'DATE.INVALID', details: { field: 'dateOfBirth' } }),
      );
    },
  );

  it('demands a day where the fact is a civil date', () => {
    expect(parseCivilDate('2026-11-20', 'date')).toBe('2026-11-20');
    expect(() => parseCivilDate('2026-11', 'date')).toThrow(expect.objectContaining({ code: 'DATE.INVALID' }));
  });

  it('keeps its precision and spans its earliest and latest day', () => {
    expect(precisionOf('1950')).toBe('year');
    expect(precisionOf('1950-02')).toBe('month');
    expect(precisionOf('1950-02-03')).toBe('day');
    expect([earliestDay('1950'), latestDay('1950')]).toEqual(['1950-01-01', '1950-12-31']);
    expect([earliestDay('2024-02'), latestDay('2024-02')]).toEqual(['2024-02-01', '2024-02-29']);
    expect(latestDay('2023-02')).toBe('2023-02-28');
  });

  it('is certainly before another only when every day it may be is', () => {
    expect(certainlyBefore('1950', '1951-01-01')).toBe(true);
    expect(certainlyBefore('1950', '1950-12-31')).toBe(false);
    expect(certainlyBefore('1950-06-01', '1950')).toBe(false);
    expect(comparePartialDates('1950', '1950-01-01')).toBeGreaterThan(0);
  });

  it('gives the range of whole-years ages a partial birth date allows', () => {
    expect(ageRange('1980-05-10', '2026-05-09')).toEqual({ min: 45, max: 45 });
    expect(ageRange('1980-05-10', '2026-05-10')).toEqual({ min: 46, max: 46 });
    expect(ageRange('1980', '2026-06-01')).toEqual({ min: 45, max: 46 });
    expect(ageRange('2008-02-29', '2026-02-28')).toEqual({ min: 17, max: 17 });
    expect(ageRange('2008-02-29', '2026-03-01')).toEqual({ min: 18, max: 18 });
  });

  it('gives the ages the text formula gives, for dates of every precision (the ages are read from the digits)', () => {
    // The formula before: years from the first four characters, one less when `MM-DD` sorts before.
    const wholeYears = (birth: string, on: string) =>
      Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);
    const dates = ['1000', '1899-12', '1900-02', '1980-05-10', '1980-05-09', '1999-12-31', '2000-01-01', '2008-02', '2008-02-29', '2024', '9999-12-31'];
    for (const birth of dates) {
      for (const on of dates) {
        expect(ageRange(birth, on)).toEqual({
          min: wholeYears(latestDay(birth), earliestDay(on)),
          max: wholeYears(earliestDay(birth), latestDay(on)),
        });
      }
    }
  });

  it('counts days across leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-12-31', '2024-02-29')).toBe(60);
  });

  it('takes today as the latest civil date on earth, so a local today is never the future', () => {
    expect(latestCivilDateAt('2026-11-22T09:59:59Z')).toBe('2026-11-22');
    expect(latestCivilDateAt('2026-11-22T10:00:00Z')).toBe('2026-11-23');
  });
});
