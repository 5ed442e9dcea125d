/**
 * Civil dates as day numbers (days since 1970-01-01), the simulation's unit of time: integer
 * arithmetic (Howard Hinnant's civil-from-days algorithms, proleptic Gregorian), then
 * `YYYY-MM-DD` only when a command is written. No Date objects in the hot loops.
 */
export type Day = number;

/** Days since 1970-01-01 of a Gregorian date. */
export function dayOf(year: number, month = 1, day = 1): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month, day] of a day number. */
export function civilOf(days: Day): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function isoDay(day: Day): string {
  const [y, m, d] = civilOf(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function yearOf(day: Day): number {
  return civilOf(day)[0];
}

/** The day someone born on `birth` turns `years` old (29 February birthdays fall on 1 March). */
export function birthday(birth: Day, years: number): Day {
  const [y, m, d] = civilOf(birth);
  return m === 2 && d === 29 && !isLeap(y + years) ? dayOf(y + years, 3, 1) : dayOf(y + years, m, d);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whole years completed on `on` by someone born on `birth`. */
export function ageOn(birth: Day, on: Day): number {
  const [by, bm, bd] = civilOf(birth);
  const [oy, om, od] = civilOf(on);
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
}
