import type { Sex } from '../domain/person/person-events';
import type { Day } from './civil-days';

/** A day after every simulated one: a person not dead, a marriage not ended. */
export const NEVER = Number.MAX_SAFE_INTEGER;

/** The simulation's truth about a person; names are indices into the name lists. */
export interface Person {
  id: string;
  sex: Sex;
  birth: Day;
  /** Calendar year and month·100+day of the birth, for ages on 1 January without date arithmetic. */
  birthYear: number;
  birthMonthDay: number;
  death: Day;
  given: number;
  fatherName: number;
  grandfatherName: number;
  family: number;
  mother: number;
  father: number;
  area: number;
  nationality: string;
  /** Emigration country while abroad. */
  abroad?: string;
  /** Latest registration day of a fact about this person: the next one is not recorded earlier. */
  lastDay: Day;
  marriages: number[];
  lastMarriageDay: Day;
  marriedInYear: number;
  lastBirthDay: Day;
  children: number;
  /** Education: the level being studied (-1 none) and the highest completed. */
  studying: number;
  completed: number;
  employment?: { id: string; start: Day };
}

export interface Marriage {
  id: string;
  index: number;
  husband: number;
  wife: number;
  date: Day;
  end: Day;
  place: number;
  lastDay: Day;
}

/** Whole years completed on 1 January of `year`. */
export function ageOnJanuaryFirst(p: Person, year: number): number {
  return year - p.birthYear - (p.birthMonthDay > 101 ? 1 : 0);
}

export function spouseIn(m: Marriage, person: number): number {
  return m.husband === person ? m.wife : m.husband;
}
