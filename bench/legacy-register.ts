import { verhoeffCheckDigit } from '../src/domain/shared/verhoeff';

/** Rows of a legacy register as docs/import.md maps them, and the files that hold them: for the import bench and tests. */
export type Row = Record<string, string | undefined>;

const given = { F: ['فاطمة', 'خديجة', 'مريم', 'عائشة', 'زينب'], M: ['محمد', 'علي', 'حسن', 'عمر', 'سالم'] };

export function enrolmentRow(n: number, overrides: Row = {}): Row {
  const sex = (overrides.sex ?? (n % 2 === 0 ? 'F' : 'M')) as 'F' | 'M';
  return {
    kind: 'enrolment',
    ref: `p${n}`,
    given: given[sex][n % 5],
    father: given.M[(n + 1) % 5],
    grandfather: given.M[(n + 2) % 5],
    family: 'العبيدي',
    latin: `Person ${n} Al-Obeidi`,
    sex,
    date_of_birth: '1950',
    place_of_birth: 'LY-BA-01',
    nationality: 'LY',
    residency: 'citizen',
    mother_given: 'خديجة',
    mother_family: 'المسماري',
    source_ref: `Benghazi family register 12, page ${n}`,
    ...overrides,
  };
}

export const deathRow = (overrides: Row): Row => ({
  kind: 'death',
  date_of_death: '2001-02-03',
  place_of_death: 'LY-BA-03',
  cause_icd10: 'I21.9',
  certifier_kind: 'hospital',
  certifier_ref: 'Benghazi Medical Centre 2001/77',
  ...overrides,
});

export const marriageRow = (overrides: Row): Row => ({
  kind: 'marriage',
  date_of_marriage: '1972-06-01',
  place: 'LY-BA-03',
  contract_ref: 'Benghazi court 1972/12',
  ...overrides,
});

/** A valid ID no row will be issued (digits 2–11 from `n`). */
export function unusedNationalId(n: number): string {
  const digits = `9${String(n).padStart(10, '0')}`;
  return `${digits}${verhoeffCheckDigit(digits)}`;
}

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function toCsv(rows: Row[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = rows.map((row) => columns.map((column) => quote((Object.hasOwn(row, column) && row[column]) || '')).join(','));
  return `${columns.join(',')}\n${lines.join('\n')}\n`;
}

export const toNdjson = (rows: Row[]): string => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';

/**
 * A register of families: each a father, a mother, their marriage and two children enrolled
 * with their parents' refs, and now and then a death. Every row is good.
 */
export function familyRegister(families: number): Row[] {
  const rows: Row[] = [];
  for (let f = 0; f < families; f++) {
    const [father, mother] = [`f${f}`, `m${f}`];
    rows.push(enrolmentRow(4 * f, { ref: father, sex: 'M', date_of_birth: '1940' }));
    rows.push(enrolmentRow(4 * f + 1, { ref: mother, sex: 'F', date_of_birth: '1945-03' }));
    rows.push(marriageRow({ husband_ref: father, wife_ref: mother, contract_ref: `Benghazi court 1965/${f}` }));
    for (const c of [2, 3]) {
      rows.push(enrolmentRow(4 * f + c, { ref: `c${f}-${c}`, date_of_birth: `19${66 + c}-0${c}-1${c}`, mother_ref: mother, father_ref: father }));
    }
    if (f % 3 === 0) rows.push(deathRow({ person_ref: father, date_of_death: '1999-09-09' }));
  }
  return rows;
}
