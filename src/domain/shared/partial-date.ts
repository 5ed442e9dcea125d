import { boundedMemo } from './bounded-memo';
import { InvalidValue } from './domain-error';

/**
 * A civil date as the records know it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (Gregorian). A legacy
 * date known only to the year keeps that precision; it never becomes a guessed day. Rules compare
 * partial dates through the earliest and latest day they may stand for.
 */
export type PartialDate = string;

/** A civil date known to the day, `YYYY-MM-DD`. */
export type CivilDate = string;

export type DatePrecision = 'year' | 'month' | 'day';

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAY_MS = 86_400_000;

interface Parts {
  year: number;
  month?: number;
  day?: number;
  /** The first and last day the date may stand for, written once when it is parsed (the rules ask for them at every comparison). */
  earliest: CivilDate;
  latest: CivilDate;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Rules read the same dates over and over (every fact's, at every decision on the person). */
const parseOnce = boundedMemo(parse, 200_000);

function partsOf(value: unknown): Parts | undefined {
  // Longer texts never match the pattern, and are not kept.
  return typeof value === 'string' && value.length <= 10 ? parseOnce(value) : undefined;
}

function parse(value: string): Parts | undefined {
  const match = PATTERN.exec(value);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  // Years before 1000 are outside any civil register and would need special cases in Date.UTC.
  if (year! < 1000) return undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > daysInMonth(year!, month!))) return undefined;
  // A full date is its own first and last day, written the same way.
  if (day !== undefined) return { year: year!, month, day, earliest: value, latest: value };
  const [first, last] = month === undefined ? [1, 12] : [month, month];
  return { year: year!, month, day, earliest: `${year}-${pad(first)}-01`, latest: `${year}-${pad(last)}-${pad(daysInMonth(year!, last))}` };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

export function isPartialDate(value: unknown): value is PartialDate {
  return partsOf(value) !== undefined;
}

export function isCivilDate(value: unknown): value is CivilDate {
  return partsOf(value)?.day !== undefined;
}

/** Throws a 400 naming the field when the value is not a real calendar date of the given precision. */
export function parsePartialDate(value: unknown, field: string): PartialDate {
  if (!isPartialDate(value)) {
    throw new InvalidValue(
      field,
      'DATE.INVALID',
      `${field} must be a real calendar date written YYYY, YYYY-MM or YYYY-MM-DD (got ${JSON.stringify(value)})`,
    );
  }
  return value;
}

export function parseCivilDate(value: unknown, field: string): CivilDate {
  if (!isCivilDate(value)) {
    throw new InvalidValue(
      field,
      'DATE.INVALID',
      `${field} must be a real calendar date written YYYY-MM-DD (got ${JSON.stringify(value)})`,
    );
  }
  return value;
}

export function precisionOf(date: PartialDate): DatePrecision {
  const parts = partsOf(date)!;
  return parts.day !== undefined ? 'day' : parts.month !== undefined ? 'month' : 'year';
}

/** The first day the date may stand for: `1950` → `1950-01-01`. */
export function earliestDay(date: PartialDate): CivilDate {
  return partsOf(date)!.earliest;
}

/** The last day the date may stand for: `1950-02` → `1950-02-28`. */
export function latestDay(date: PartialDate): CivilDate {
  return partsOf(date)!.latest;
}

/** Days compare as strings because `YYYY-MM-DD` sorts chronologically. */
export function compareDays(a: CivilDate, b: CivilDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True only when every day `a` may stand for is before every day `b` may stand for. */
export function certainlyBefore(a: PartialDate, b: PartialDate): boolean {
  return latestDay(a) < earliestDay(b);
}

/** Orders partial dates by their earliest day, then the more precise first. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return compareDays(earliestDay(a), earliestDay(b)) || compareDays(latestDay(a), latestDay(b));
}

function dayNumber(day: CivilDate): number {
  const { year, month, day: d } = partsOf(day)!;
  return Date.UTC(year, month! - 1, d!) / DAY_MS;
}

export function daysBetween(from: CivilDate, to: CivilDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Whole years completed on `on` by someone born on `birth` (both full days). */
function wholeYears(birth: CivilDate, on: CivilDate): number {
  const years = digitsAt(on, 0, 4) - digitsAt(birth, 0, 4);
  // MMDD as a number orders as the `MM-DD` text does; read from the characters, as slices made
  // four strings a call (the rules ask for ages at every decision).
  const before = digitsAt(on, 5, 2) * 100 + digitsAt(on, 8, 2) < digitsAt(birth, 5, 2) * 100 + digitsAt(birth, 8, 2);
  return before ? years - 1 : years;
}

/** The number the `length` ASCII digits at `from` write (a civil day's digits, checked when it was parsed). */
function digitsAt(day: CivilDate, from: number, length: number): number {
  let value = 0;
  for (let at = from; at < from + length; at++) value = value * 10 + day.charCodeAt(at) - 48;
  return value;
}

/**
 * The possible whole-years ages on `on` of someone whose birth date is partial: `min` from the
 * latest possible birth and the earliest possible `on`, `max` the other way round.
 */
export function ageRange(birth: PartialDate, on: PartialDate): { min: number; max: number } {
  return {
    min: wholeYears(latestDay(birth), earliestDay(on)),
    max: wholeYears(earliestDay(birth), latestDay(on)),
  };
}

/**
 * The latest civil date anywhere on earth at `instant` (UTC+14): a fact dated today in the
 * office's time zone is never refused as "in the future" because UTC has not yet reached that day.
 */
export function latestCivilDateAt(instant: string): CivilDate {
  // A batch of commands shares one instant: the last answer is kept.
  if (instant !== lastInstant) {
    lastCivilDate = new Date(Date.parse(instant) + 14 * 3_600_000).toISOString().slice(0, 10);
    lastInstant = instant;
  }
  return lastCivilDate;
}

let lastInstant: string | undefined;
let lastCivilDate: CivilDate = '';
