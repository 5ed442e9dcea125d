import type { Sex } from '../../domain/person/person-events';
import { badRequest } from '../../http/validation';
import { registerRates, type RegisterRates, type VitalCounts } from '../../statistics/register-rates';
import { flowsBetween, OPEN_AGE, personYears, populationAt, type Reader } from '../population/population-queries';
import { populationTable, type Breakdown, type PopulationTable } from './population-table';

/** `by=age5,sex,area` → the breakdown; a 400 naming `by` for two age schemes or a repeat. */
export function breakdownOf(by = 'age5,sex'): Breakdown {
  const parts = by.split(',');
  const ages = parts.filter((part) => part === 'age1' || part === 'age5');
  if (ages.length > 1 || new Set(parts).size !== parts.length) {
    throw badRequest([{ field: 'by', rule: 'one-of-each', message: 'by names each of age (age1 or age5), sex and area at most once' }]);
  }
  return { ...(ages[0] ? { age: ages[0] as Breakdown['age'] } : {}), sex: parts.includes('sex'), area: parts.includes('area') };
}

export async function registerPopulation(reader: Reader, date: string, by: Breakdown, area: string | undefined, threshold: number): Promise<PopulationTable> {
  const counts = await populationAt(reader, date, area, by.area);
  return populationTable(counts, by, date, area, threshold);
}

/** What the register counted over [from, to] in an area, in the shape the rates take. */
export async function vitalCounts(reader: Reader, from: string, to: string, area?: string): Promise<VitalCounts> {
  const [{ byKind }, exposure] = await Promise.all([flowsBetween(reader, from, to, area), personYears(reader, from, to, area)]);
  const total = (kind: keyof typeof byKind) => (['F', 'M'] as Sex[]).reduce((sum, sex) => sum + byKind[kind][sex].reduce((a, b) => a + b, 0), 0);
  // Flow arrays hold an unknown age at index 0 and age a at a + 1.
  const known = (values: number[]) => values.slice(1, OPEN_AGE + 2);
  return {
    births: { F: known(byKind.birth.F), M: known(byKind.birth.M) },
    birthsUnknownAge: { F: byKind.birth.F[0]!, M: byKind.birth.M[0]! },
    deaths: { F: known(byKind.death.F), M: known(byKind.death.M) },
    exposure,
    immigrations: total('immigration'),
    emigrations: total('emigration'),
    moves: area ? { in: total('move-in'), out: total('move-out') } : null,
  };
}

export interface RatesReport extends RegisterRates {
  from: string;
  to: string;
  area: string | null;
}

export async function registerRatesReport(reader: Reader, from: string, to: string, area: string | undefined, threshold: number): Promise<RatesReport> {
  if (from > to) throw badRequest([{ field: 'to', rule: 'not-before-from', message: 'to must be on or after from' }]);
  const counts = await vitalCounts(reader, from, to, area);
  return { from, to, area: area ?? null, ...registerRates(counts, threshold) };
}
