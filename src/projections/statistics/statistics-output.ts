import type { LifeTableRow } from '../../statistics/life-table';
import type { ProjectionResult } from '../../statistics/cohort-component';
import { toCsv } from './csv';
import type { PopulationTable } from './population-table';
import type { RatesReport } from './register-statistics';
import { lineChartSvg, pyramidSvg } from './svg';
import { badRequest } from '../../http/validation';

export type Format = 'json' | 'csv' | 'svg';

/** The format the Accept header asks for: CSV, SVG, or JSON by default. */
export function formatOf(accept: string | undefined): Format {
  if (accept?.includes('text/csv')) return 'csv';
  if (accept?.includes('image/svg+xml')) return 'svg';
  return 'json';
}

export const contentTypes: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
};

export function populationCsv(table: PopulationTable): string {
  const dims = table.by.map((name) => (name.startsWith('age') ? 'age' : name)) as Array<'age' | 'sex' | 'area'>;
  const rows = table.cells.map((cell) => [...dims.map((dim) => cell[dim]), cell.count, cell.count === null ? 'suppressed' : '']);
  rows.push([...dims.map((_, i) => (i === 0 ? 'total' : '')), table.total, table.total === null ? 'suppressed' : '']);
  return toCsv([...dims, 'count', 'flag'], rows);
}

export function populationPyramid(table: PopulationTable): string {
  if (!table.by.some((name) => name.startsWith('age')) || !table.by.includes('sex') || table.by.includes('area')) {
    throw badRequest([{ field: 'by', rule: 'pyramid-age-and-sex', message: 'a pyramid needs by=age5,sex or by=age1,sex (without area)' }]);
  }
  const ages = [...new Set(table.cells.map((cell) => cell.age!))];
  const countOf = (age: string, sex: string) => table.cells.find((cell) => cell.age === age && cell.sex === sex)!.count;
  const title = `Population of ${table.area ?? 'the nation'} on ${table.date}`;
  return pyramidSvg(title, ages.map((age) => ({ label: age, female: countOf(age, 'F'), male: countOf(age, 'M') })));
}

export function ratesCsv(report: RatesReport): string {
  const rows: Array<Array<string | number | null>> = [];
  for (const { age, numerator, denominator, rate } of report.asfr.single) rows.push(['asfr', 'F', String(age), numerator, denominator, rate]);
  for (const { ages, numerator, denominator, rate } of report.asfr.fiveYear) rows.push(['asfr5', 'F', ages, numerator, denominator, rate]);
  for (const name of ['tfr', 'grr', 'nrr', 'meanAgeAtChildbearing'] as const) rows.push([name, '', '', null, null, report[name]]);
  for (const name of ['crudeBirthRate', 'crudeDeathRate', 'netMigrationRate', 'infantMortalityRate'] as const) {
    const { numerator, denominator, rate } = report[name];
    rows.push([name, '', '', numerator, denominator, rate]);
  }
  const srb = report.sexRatioAtBirth;
  rows.push(['sexRatioAtBirth', '', '', srb.male, srb.female, srb.ratio]);
  for (const sex of ['F', 'M'] as const) {
    for (const kind of ['abridged', 'single'] as const) {
      for (const row of report.lifeTables[sex][kind].rows ?? []) {
        for (const column of ['mx', 'qx', 'ax', 'lx', 'dx', 'Lx', 'Tx', 'ex'] as const) {
          rows.push([`lifeTable.${kind}.${column}`, sex, String(row.age), null, null, row[column]]);
        }
      }
    }
  }
  return toCsv(['measure', 'sex', 'age', 'numerator', 'denominator', 'value'], rows);
}

const LIFE_COLUMNS = ['age', 'n', 'mx', 'qx', 'ax', 'lx', 'dx', 'Lx', 'Tx', 'ex'] as const;
export const lifeTableCsv = (rows: LifeTableRow[]) => toCsv([...LIFE_COLUMNS], rows.map((row) => LIFE_COLUMNS.map((c) => row[c])));

export function projectionCsv(result: ProjectionResult, step: number): string {
  const rows: Array<Array<string | number>> = [];
  for (const summary of [result.base, ...result.steps]) {
    summary.population.F.forEach((f, g) => {
      const last = g === summary.population.F.length - 1;
      rows.push([summary.year, last ? `${g * step}+` : step === 1 ? String(g) : `${g * step}-${g * step + step - 1}`, f, summary.population.M[g]!]);
    });
  }
  return toCsv(['year', 'age', 'F', 'M'], rows);
}

export function projectionChart(result: ProjectionResult): string {
  const all = [result.base, ...result.steps];
  const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return lineChartSvg(`Projected population, ${result.base.year}–${all.at(-1)!.year}`, [
    { name: 'Total', colour: '#333', points: all.map((s) => [s.year, s.total]) },
    { name: 'Females', colour: '#c0504d', points: all.map((s) => [s.year, sumOf(s.population.F)]) },
    { name: 'Males', colour: '#4a7ab5', points: all.map((s) => [s.year, sumOf(s.population.M)]) },
  ]);
}
