import type { Sex } from '../domain/person/person-events';
import { lifeTable, LIFE_TABLE_RADIX, type LifeTableRow } from './life-table';
import type { BySex } from './projection-input';
import { StatisticsInputError } from './statistics-error';
import { protectTable } from './suppression';

/** What the register counted over a period and area; arrays are by single year of age, the last open. */
export interface VitalCounts {
  /** Births by the mother's age, by the child's sex. */
  births: BySex<number[]>;
  /** Births whose mother is not in the register (age unknown). */
  birthsUnknownAge: BySex<number>;
  deaths: BySex<number[]>;
  /** Person-years lived. */
  exposure: BySex<number[]>;
  immigrations: number;
  emigrations: number;
  /** Moves between areas: null for the nation, where they are not migration. */
  moves: { in: number; out: number } | null;
}

export interface Rate {
  numerator: number | null;
  denominator: number | null;
  /** Per person-year (ASFR) or per 1,000 (crude rates, IMR), as named; null when suppressed. */
  rate: number | null;
}

export interface RegisterLifeTable {
  rows: LifeTableRow[] | null;
  /** Why the table is not published: `small-cells` or the input rule the data broke. */
  withheld?: string;
}

export interface RegisterRates {
  threshold: number;
  asfr: { single: Array<{ age: number } & Rate>; fiveYear: Array<{ ages: string } & Rate> };
  tfr: number | null;
  grr: number | null;
  nrr: number | null;
  meanAgeAtChildbearing: number | null;
  crudeBirthRate: Rate;
  crudeDeathRate: Rate;
  netMigrationRate: Rate;
  infantMortalityRate: Rate;
  sexRatioAtBirth: { female: number | null; male: number | null; ratio: number | null };
  lifeTables: BySex<{ abridged: RegisterLifeTable; single: RegisterLifeTable }>;
}

const FIRST = 15;
const LAST = 49;
const SEXES: Sex[] = ['F', 'M'];
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const ratio = (numerator: number | null, denominator: number | null, per = 1): number | null =>
  numerator === null || denominator === null || denominator === 0 ? null : (per * numerator) / denominator;
const allPublished = (values: Array<number | null>): values is number[] => values.every((value) => value !== null);

/** Births by mother's age 15–49, those younger counted at 15 and older at 49 (the usual convention). */
function birthsByAge(counts: VitalCounts): number[] {
  const both = counts.births.F.map((f, age) => f + counts.births.M[age]!);
  return range(FIRST, LAST).map((age) =>
    age === FIRST ? sum(both.slice(0, FIRST + 1)) : age === LAST ? sum(both.slice(LAST)) : both[age]!,
  );
}

const fiveYearLines = () => range(0, 6).map((g) => range(g * 5, g * 5 + 4));

function fertility(counts: VitalCounts, k: number) {
  const births = birthsByAge(counts);
  const unknown = counts.birthsUnknownAge.F + counts.birthsUnknownAge.M;
  // The last cell holds births to mothers of unknown age: part of the total, in no age group.
  const all = range(0, births.length);
  const b = protectTable([...births, unknown], [all, ...fiveYearLines()], k);
  const womenYears = range(FIRST, LAST).map((age) => counts.exposure.F[age]!);
  const e = protectTable(womenYears, [range(0, womenYears.length - 1), ...fiveYearLines()], k);
  const single = range(FIRST, LAST).map((age, i) => ({ age, numerator: b.cells[i]!, denominator: e.cells[i]!, rate: ratio(b.cells[i]!, e.cells[i]!) }));
  const fiveYear = range(0, 6).map((g) => {
    const numerator = b.lineTotals[g + 1]!;
    const denominator = e.lineTotals[g + 1]!;
    return { ages: `${FIRST + 5 * g}-${FIRST + 5 * g + 4}`, numerator, denominator, rate: ratio(numerator, denominator) };
  });
  const rates5 = fiveYear.map(({ rate }) => rate);
  const tfr = allPublished(rates5) ? 5 * sum(rates5) : null;
  const meanAge = allPublished(rates5) && sum(rates5) > 0 ? sum(rates5.map((r, g) => r * (FIRST + 5 * g + 2.5))) / sum(rates5) : null;
  return { single, fiveYear, rates5, tfr, meanAge, total: b.lineTotals[0]! };
}

const ABRIDGED = [0, 1, ...range(1, 17).map((g) => g * 5)];
const SINGLE = range(0, 85);

/** The table's groups as index ranges into single-year ages 0..last (the last open). */
function groupsOf(ages: number[], last: number): number[][] {
  return ages.map((age, i) => range(age, i + 1 < ages.length ? ages[i + 1]! - 1 : last));
}

function registerLifeTable(sex: Sex, ages: number[], deaths: Array<number | null>, exposures: Array<number | null>): RegisterLifeTable {
  if (!allPublished(deaths) || !allPublished(exposures)) return { rows: null, withheld: 'small-cells' };
  try {
    return { rows: lifeTable({ sex, ages, deaths, exposures }) };
  } catch (error) {
    if (error instanceof StatisticsInputError) return { rows: null, withheld: error.rule };
    throw error;
  }
}

function mortality(counts: VitalCounts, k: number) {
  const last = counts.deaths.F.length - 1;
  const cells = [...counts.deaths.F, ...counts.deaths.M];
  const offset = (sex: Sex) => (sex === 'F' ? 0 : last + 1);
  const abridged = groupsOf(ABRIDGED, last);
  const single = groupsOf(SINGLE, last);
  const linesFor = (groups: number[][]) => SEXES.flatMap((sex) => groups.map((group) => group.map((age) => age + offset(sex))));
  const everyone = range(0, cells.length - 1);
  const infants = [0, offset('M')];
  const lines = [everyone, infants, ...linesFor(abridged), ...linesFor(single)];
  const d = protectTable(cells, lines, k);
  const pyCells = [...counts.exposure.F, ...counts.exposure.M];
  const e = protectTable(pyCells, lines, k);
  const at = (base: number, sex: Sex, group: number) => 2 + base + SEXES.indexOf(sex) * (base === 0 ? abridged.length : single.length) + group;
  const tableOf = (sex: Sex, ages: number[], base: number) =>
    registerLifeTable(
      sex,
      ages,
      ages.map((_, g) => d.lineTotals[at(base, sex, g)]!),
      ages.map((_, g) => e.lineTotals[at(base, sex, g)]!),
    );
  const lifeTables = Object.fromEntries(
    SEXES.map((sex) => [sex, { abridged: tableOf(sex, ABRIDGED, 0), single: tableOf(sex, SINGLE, 2 * abridged.length) }]),
  ) as unknown as RegisterRates["lifeTables"];
  return { deaths: d.lineTotals[0]!, infantDeaths: d.lineTotals[1]!, personYears: e.lineTotals[0]!, lifeTables };
}

/**
 * Vital rates from the register's counts (issue 5, item 2), with every published numerator and
 * denominator passed through {@link protectTable}; a summary measure (TFR, GRR, NRR, mean age at
 * childbearing, a life table) is published only when every figure it is made of is.
 */
export function registerRates(counts: VitalCounts, threshold: number): RegisterRates {
  const fert = fertility(counts, threshold);
  const mort = mortality(counts, threshold);
  const bySex = protectTable([sum(counts.births.F) + counts.birthsUnknownAge.F, sum(counts.births.M) + counts.birthsUnknownAge.M], [[0, 1]], threshold);
  const [female, male] = bySex.cells as [number | null, number | null];
  const femaleShare = female !== null && male !== null && female + male > 0 ? female / (female + male) : null;
  const grr = fert.tfr !== null && femaleShare !== null ? fert.tfr * femaleShare : null;
  const femaleTable = mort.lifeTables.F.abridged.rows;
  const nrr =
    femaleShare !== null && femaleTable && allPublished(fert.rates5)
      ? fert.rates5.reduce((total, rate, g) => {
          // 5Lx for 15-19 ... 45-49: rows 4..10 of the abridged table (0, 1-4, 5-9, 10-14, 15-19, ...).
          return total + rate * femaleShare * (femaleTable[4 + g]!.Lx / LIFE_TABLE_RADIX);
        }, 0)
      : null;
  const flows = [counts.immigrations, counts.emigrations, ...(counts.moves ? [counts.moves.in, counts.moves.out] : [])];
  const migration = protectTable(flows, [], threshold).cells;
  const net = allPublished(migration) ? migration[0]! - migration[1]! + (counts.moves ? migration[2]! - migration[3]! : 0) : null;
  const crude = (numerator: number | null): Rate => ({ numerator, denominator: mort.personYears, rate: ratio(numerator, mort.personYears, 1000) });
  return {
    threshold,
    asfr: { single: fert.single, fiveYear: fert.fiveYear },
    tfr: fert.tfr,
    grr,
    nrr,
    meanAgeAtChildbearing: fert.meanAge,
    crudeBirthRate: crude(fert.total),
    crudeDeathRate: crude(mort.deaths),
    netMigrationRate: crude(net),
    infantMortalityRate: { numerator: mort.infantDeaths, denominator: fert.total, rate: ratio(mort.infantDeaths, fert.total, 1000) },
    sexRatioAtBirth: { female, male, ratio: ratio(male, female) },
    lifeTables: mort.lifeTables,
  };
}
