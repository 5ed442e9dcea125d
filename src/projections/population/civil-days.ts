import type { PartialDate } from '../../domain/shared/partial-date';

/**
 * Calendar arithmetic for the population read model. Days are counted from 1970-01-01 (negative
 * before); a birthday is compared as `month·100 + day`, so 29 February counts as passed on
 * 1 March of a common year.
 */
const DAY_MS = 86_400_000;

export const dayOf = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The documented rule for partial birth dates (docs/statistics.md): a year alone stands for
 * 1 July of that year, a month alone for its 15th. Both are the middle of what the date may mean,
 * so ages and exposures are unbiased on average.
 */
export function resolveBirthDate(date: PartialDate): string {
  if (date.length === 4) return `${date}-07-01`;
  if (date.length === 7) return `${date}-15`;
  return date;
}

export const monthDayOf = (date: string): number => Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));

/** Whole years completed at the end of `on` by someone born in `birthYear` on `birthMonthDay`. */
export function ageOn(birthYear: number, birthMonthDay: number, on: string): number {
  return ageInYear(birthYear, birthMonthDay, Number(on.slice(0, 4)), monthDayOf(on));
}

/** `ageOn` a day given as its year and month-day (`monthDayOf`). */
export function ageInYear(birthYear: number, birthMonthDay: number, year: number, monthDay: number): number {
  const years = year - birthYear;
  return monthDay < birthMonthDay ? years - 1 : years;
}

/** The day number of the `age`-th birthday (29 February falls on 1 March in a common year). */
export function birthdayDay(birthYear: number, birthMonthDay: number, age: number): number {
  return Date.UTC(birthYear + age, Math.floor(birthMonthDay / 100) - 1, birthMonthDay % 100) / DAY_MS;
}
