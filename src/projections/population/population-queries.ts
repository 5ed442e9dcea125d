import type { Sex } from '../../domain/person/person-events';
import type { Query, ReadModelStore } from '../../read-models/read-model.port';
import type { BySex } from '../../statistics/projection-input';
import { birthdayDay, dayOf, monthDayOf } from './civil-days';
import { FLOW_KINDS, type FlowKind } from './person-life';
import { COHORTS, FLOWS } from './population.projection';
import { NATION, unpackFlowKey, type CohortDocument, type FlowDocument } from './population-cells';

/** Ages are single years up to this one, which is the open group (100+). */
export const OPEN_AGE = 100;
export type Reader = Pick<ReadModelStore, 'find'>;
export type AgeCounts = BySex<number[]>;

const zeros = (): AgeCounts => ({ F: new Array(OPEN_AGE + 1).fill(0), M: new Array(OPEN_AGE + 1).fill(0) });

/** The documents of an area and every area within it; of every leaf area when `area` is undefined and `byArea`. */
async function findByArea<T>(reader: Reader, collection: string, area: string | undefined, byArea: boolean, extra: Query['where'] = {}): Promise<T[]> {
  if (area === undefined) {
    return reader.find(collection, { where: { ...extra, area: byArea ? { gt: NATION } : NATION } }) as Promise<T[]>;
  }
  const [own, within] = await Promise.all([
    reader.find(collection, { where: { ...extra, area } }),
    reader.find(collection, { where: { ...extra, area: { gt: `${area}-`, lt: `${area}.` } } }),
  ]);
  return [...own, ...within] as T[];
}

/**
 * The population at the end of `date` by single year of age and sex, per leaf area when `byArea`
 * (else one entry under `area ?? '*'`). Sums each cohort's changes dated on or before the day.
 */
export async function populationAt(reader: Reader, date: string, area?: string, byArea = false): Promise<Map<string, AgeCounts>> {
  const cohorts = await findByArea<CohortDocument>(reader, COHORTS, area, byArea);
  const day = dayOf(date);
  const year = Number(date.slice(0, 4));
  const monthDay = monthDayOf(date);
  const limit = (day + 100_000 + 1) * 2000;
  const result = new Map<string, AgeCounts>(byArea ? [] : [[area ?? NATION, zeros()]]);
  for (const cohort of cohorts) {
    if (cohort.birthYear > year) continue;
    const key = byArea ? cohort.area : (area ?? NATION);
    let counts = result.get(key);
    if (!counts) result.set(key, (counts = zeros()));
    const ages = counts[cohort.sex];
    const reached = year - cohort.birthYear;
    for (const packed in cohort.changes) {
      const k = +packed;
      if (k >= limit) continue;
      const age = k % 2000 > monthDay ? reached - 1 : reached;
      ages[age > OPEN_AGE ? OPEN_AGE : age]! += cohort.changes[packed]!;
    }
  }
  return result;
}

/**
 * Person-years lived from the start of `from` to the end of `to` by age and sex: for each day,
 * the population at its end, summed and divided by 365.25.
 */
export async function personYears(reader: Reader, from: string, to: string, area?: string): Promise<AgeCounts> {
  const cohorts = await findByArea<CohortDocument>(reader, COHORTS, area, false);
  const first = dayOf(from);
  const last = dayOf(to);
  const days = zeros();
  for (const cohort of cohorts) {
    const ages = days[cohort.sex];
    for (const packed in cohort.changes) {
      const k = +packed;
      const changed = Math.floor(k / 2000) - 100_000;
      if (changed > last) continue;
      const monthDay = k % 2000;
      const delta = cohort.changes[packed]!;
      let day = Math.max(changed, first);
      let age = Number(new Date(day * 86_400_000).toISOString().slice(0, 4)) - cohort.birthYear;
      if (birthdayDay(cohort.birthYear, monthDay, age) > day) age--;
      while (day <= last) {
        const next = birthdayDay(cohort.birthYear, monthDay, age + 1);
        const end = Math.min(next - 1, last);
        ages[Math.min(age, OPEN_AGE)]! += delta * (end - day + 1);
        day = next;
        age++;
      }
    }
  }
  const toYears = (values: number[]) => values.map((value) => value / 365.25);
  return { F: toYears(days.F), M: toYears(days.M) };
}

export interface FlowCounts {
  /** By kind, by sex, by age (the mother's for births); index 0 holds an unknown age. */
  byKind: Record<FlowKind, BySex<number[]>>;
}

/** Events from the start of `from` to the end of `to`, by kind, sex and age. */
export async function flowsBetween(reader: Reader, from: string, to: string, area?: string): Promise<FlowCounts> {
  const first = dayOf(from);
  const last = dayOf(to);
  const flows = await findByArea<FlowDocument>(reader, FLOWS, area, false, {
    year: { gte: Number(from.slice(0, 4)), lte: Number(to.slice(0, 4)) },
  });
  const byKind = Object.fromEntries(
    FLOW_KINDS.map((kind) => [kind, { F: new Array(OPEN_AGE + 2).fill(0), M: new Array(OPEN_AGE + 2).fill(0) }]),
  ) as FlowCounts['byKind'];
  for (const flow of flows) {
    for (const packed in flow.counts) {
      const { day, sex, age } = unpackFlowKey(+packed);
      if (day < first || day > last) continue;
      byKind[flow.kind][sex as Sex][Math.min(age + 1, OPEN_AGE + 1)]! += flow.counts[packed]!;
    }
  }
  return { byKind };
}
