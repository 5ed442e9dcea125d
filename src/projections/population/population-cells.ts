import type { Sex } from '../../domain/person/person-events';
import type { Document } from '../../read-models/read-model.port';
import type { FlowKind } from './person-life';

/**
 * The aggregate documents of the population model, and how their keys pack.
 *
 * A cohort document holds, for one area, sex and birth year, the net change in the number of
 * people present keyed by (day of the change, birthday `MMDD`): births and arrivals add, deaths
 * and departures subtract. The population on day D is the sum of the changes dated on or before
 * D, each at the age its cohort has reached by D; no person is read.
 *
 * A flow document counts one kind of event for one area and calendar year, keyed by (day, sex,
 * age at the event; for births the mother's age).
 *
 * Every change is written twice: under its area and under `*`, the nation, so national questions
 * read one document per sex and birth year.
 */
export const NATION = '*';
const DAY_OFFSET = 100_000;

export interface CohortDocument extends Document {
  area: string;
  sex: Sex;
  birthYear: number;
  changes: Record<string, number>;
}

export interface FlowDocument extends Document {
  area: string;
  kind: FlowKind;
  year: number;
  counts: Record<string, number>;
}

export const cohortId = (area: string, sex: Sex, birthYear: number) => `${area}|${sex}|${birthYear}`;
export const flowId = (area: string, kind: FlowKind, year: number) => `${area}|${kind}|${year}`;

export const cohortKey = (day: number, monthDay: number) => (day + DAY_OFFSET) * 2000 + monthDay;
export function unpackCohortKey(key: number): { day: number; monthDay: number } {
  return { day: Math.floor(key / 2000) - DAY_OFFSET, monthDay: key % 2000 };
}

/** Ages above 253 share the last slot; an unknown age (a mother not in the register) is −1. */
export const flowKey = (day: number, sex: Sex, age: number) => (day + DAY_OFFSET) * 512 + (sex === 'M' ? 256 : 0) + Math.min(age + 1, 255);
export function unpackFlowKey(key: number): { day: number; sex: Sex; age: number } {
  const rest = key % 512;
  return { day: Math.floor(key / 512) - DAY_OFFSET, sex: rest >= 256 ? 'M' : 'F', age: (rest % 256) - 1 };
}

export const yearOfDay = (day: number) => new Date(day * 86_400_000).getUTCFullYear();
