/**
 * Civil dates as day numbers (days since 1970-01-01, UTC), the simulation's unit of time:
 * integer arithmetic, then `YYYY-MM-DD` only when a command is written.
 */
const DAY_MS = 86_400_000;

export type Day = number;

export function dayOf(year: number, month = 1, day = 1): Day {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function isoDay(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOf(day: Day): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** The day someone born on `birth` turns `years` old (29 February birthdays fall on 1 March). */
export function birthday(birth: Day, years: number): Day {
  const date = new Date(birth * DAY_MS);
  return Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()) / DAY_MS;
}

/** Whole years completed on `on` by someone born on `birth`. */
export function ageOn(birth: Day, on: Day): number {
  const b = new Date(birth * DAY_MS);
  const o = new Date(on * DAY_MS);
  let years = o.getUTCFullYear() - b.getUTCFullYear();
  if (o.getUTCMonth() < b.getUTCMonth() || (o.getUTCMonth() === b.getUTCMonth() && o.getUTCDate() < b.getUTCDate())) years--;
  return years;
}

/** An instant (ms since the epoch) as ISO 8601 UTC, as the log stores `recordedAt`. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}

export const MS_PER_DAY = DAY_MS;
