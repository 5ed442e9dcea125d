import type { BulkCommand, PersonRef } from '../bulk/bulk-commands';
import type { CommandIds } from '../bulk/command-ids';
import type { EnrolmentSourceKind, Residency, Sex, CertifierKind } from '../domain/person/person-events';
import { InvalidValue } from '../domain/shared/domain-error';

/**
 * The column mapping of docs/import.md: which columns each kind of row reads, and the domain
 * field each one fills. Values are passed as written; the decider checks them as it checks the
 * API's (so a bad date or ID is refused with the same code), and a refusal names the column.
 */
export const columnsByKind = {
  enrolment: [
    'ref', 'national_id', 'given', 'father', 'grandfather', 'family', 'latin', 'sex', 'date_of_birth', 'place_of_birth',
    'nationality', 'residency', 'mother_given', 'mother_father', 'mother_grandfather', 'mother_family',
    'mother_id', 'mother_ref', 'father_id', 'father_ref', 'source_kind', 'source_ref',
  ],
  death: ['national_id', 'person_ref', 'date_of_death', 'place_of_death', 'cause_icd10', 'certifier_kind', 'certifier_ref', 'source_ref'],
  marriage: ['husband_id', 'husband_ref', 'wife_id', 'wife_ref', 'date_of_marriage', 'place', 'contract_ref', 'source_ref'],
} as const;

export type RowKind = keyof typeof columnsByKind;
export const allColumns = new Set<string>(['kind', ...Object.values(columnsByKind).flat()]);

/** The column a domain field came from, so a reject names what the operator can fix. */
const columnOfField: Record<string, string> = {
  nationalId: 'national_id',
  'name.given': 'given',
  'name.father': 'father',
  'name.grandfather': 'grandfather',
  'name.family': 'family',
  'name.latin': 'latin',
  sex: 'sex',
  dateOfBirth: 'date_of_birth',
  placeOfBirth: 'place_of_birth',
  nationality: 'nationality',
  residency: 'residency',
  'motherName.given': 'mother_given',
  'motherName.father': 'mother_father',
  'motherName.grandfather': 'mother_grandfather',
  'motherName.family': 'mother_family',
  motherId: 'mother_id',
  fatherId: 'father_id',
  'source.kind': 'source_kind',
  dateOfDeath: 'date_of_death',
  placeOfDeath: 'place_of_death',
  causeIcd10: 'cause_icd10',
  'certifier.kind': 'certifier_kind',
  date: 'date_of_marriage',
  place: 'place',
  'spouses[0]': 'husband_id',
  'spouses[1]': 'wife_id',
};

export const columnOf = (field: string | undefined): string | undefined =>
  field === undefined ? undefined : allColumns.has(field) ? field : Object.hasOwn(columnOfField, field) ? columnOfField[field] : undefined;

const invalid = (column: string, code: string, message: string) => new InvalidValue(column, code, message);

export function kindOf(record: Record<string, string>): RowKind {
  const kind = record.kind;
  if (kind !== undefined && Object.hasOwn(columnsByKind, kind)) return kind as RowKind;
  throw invalid('kind', 'IMPORT.KIND', `kind must be one of ${Object.keys(columnsByKind).join(', ')} (got ${JSON.stringify(kind ?? '')})`);
}

const knownColumns: Record<RowKind, ReadonlySet<string>> = {
  enrolment: new Set(['kind', ...columnsByKind.enrolment]),
  death: new Set(['kind', ...columnsByKind.death]),
  marriage: new Set(['kind', ...columnsByKind.marriage]),
};

/**
 * Columns a row of this kind does not read: a misspelt header would otherwise drop data silently.
 * The list of them is made only for a refusal (a record's prototype is `Object.prototype`, nothing
 * inherited is enumerable: `for...in` sees its own keys).
 */
export function assertKnownColumns(record: Record<string, string>, kind: RowKind): void {
  const known = knownColumns[kind];
  for (const column in record) {
    if (known.has(column)) continue;
    const unknown = Object.keys(record).filter((other) => !known.has(other));
    throw invalid(column, 'IMPORT.UNKNOWN_COLUMN', `a ${kind} row does not read ${unknown.join(', ')}`);
  }
}

function required(record: Record<string, string>, column: string, fallback?: string): string {
  const value = record[column] ?? (fallback === undefined ? undefined : record[fallback]);
  if (value === undefined) {
    throw invalid(column, 'VALUE.REQUIRED', `${column}${fallback ? ` (or ${fallback})` : ''} must not be blank`);
  }
  return value;
}

/** A person named by national ID or by the `ref` of an enrolment row; one of the two, never both. */
function personOf(
  record: Record<string, string>,
  idColumn: string,
  refColumn: string,
  refOf: (ref: string) => PersonRef,
  needed: boolean,
): PersonRef | undefined {
  const id = record[idColumn];
  const ref = record[refColumn];
  if (id !== undefined && ref !== undefined) {
    throw invalid(refColumn, 'IMPORT.AMBIGUOUS_PERSON', `give ${idColumn} or ${refColumn}, not both`);
  }
  if (id === undefined && ref === undefined && needed) {
    throw invalid(idColumn, 'VALUE.REQUIRED', `${idColumn} or ${refColumn} must not be blank`);
  }
  return id ?? (ref === undefined ? undefined : refOf(ref));
}

/** A name's parts as written (a blank one keeps its key, for the decider to refuse), each shape one literal. */
function nameOf(r: Record<string, string>): Record<string, string> {
  return r.latin === undefined
    ? { given: r.given!, father: r.father!, grandfather: r.grandfather!, family: r.family! }
    : { given: r.given!, father: r.father!, grandfather: r.grandfather!, family: r.family!, latin: r.latin };
}

/** A mother's name: given and family always keyed, father and grandfather only when written. */
function motherNameOf(r: Record<string, string>): Record<string, string> {
  const given = r.mother_given!;
  const family = r.mother_family!;
  const father = r.mother_father;
  const grandfather = r.mother_grandfather;
  if (father === undefined) return grandfather === undefined ? { given, family } : { given, grandfather, family };
  return grandfather === undefined ? { given, father, family } : { given, father, grandfather, family };
}

/**
 * The bulk command a row means, with its key and IDs, or an `InvalidValue` naming a column. The
 * key and IDs are in each command's literal: set afterwards, they went to a second object.
 */
export function commandOfRow(
  record: Record<string, string>,
  kind: RowKind,
  refOf: (ref: string) => PersonRef,
  key: string,
  ids: CommandIds,
): BulkCommand {
  assertKnownColumns(record, kind);
  switch (kind) {
    case 'enrolment': {
      const r = record;
      const motherId = personOf(r, 'mother_id', 'mother_ref', refOf, false);
      const fatherId = personOf(r, 'father_id', 'father_ref', refOf, false);
      const hasMotherName = r.mother_given !== undefined || r.mother_father !== undefined || r.mother_grandfather !== undefined || r.mother_family !== undefined;
      // Filled in the order the events' JSON keeps; absent values leave no key, as over HTTP. The
      // fields always there come in one literal: `{}` holds four and moved the rest to a second
      // object grown three fields at a time, kept with the batch until it commits.
      const name = nameOf(r);
      const data: Record<string, unknown> =
        r.national_id === undefined
          ? { name, sex: r.sex as Sex, dateOfBirth: r.date_of_birth!, placeOfBirth: r.place_of_birth!, nationality: r.nationality!, residency: r.residency as Residency }
          : { nationalId: r.national_id, name, sex: r.sex as Sex, dateOfBirth: r.date_of_birth!, placeOfBirth: r.place_of_birth!, nationality: r.nationality!, residency: r.residency as Residency };
      if (hasMotherName) data.motherName = motherNameOf(r);
      if (motherId !== undefined) data.motherId = motherId;
      if (fatherId !== undefined) data.fatherId = fatherId;
      data.source = { kind: (r.source_kind ?? 'legacy-register') as EnrolmentSourceKind, reference: required(r, 'source_ref') };
      return (r.ref === undefined ? { type: 'EnrolPerson', data, key, ids } : { type: 'EnrolPerson', ref: r.ref, data, key, ids }) as BulkCommand;
    }
    case 'death':
      return {
        type: 'RegisterDeath',
        nationalId: personOf(record, 'national_id', 'person_ref', refOf, true)!,
        data: {
          dateOfDeath: record.date_of_death!,
          placeOfDeath: record.place_of_death!,
          causeIcd10: record.cause_icd10!,
          certifier: { kind: record.certifier_kind as CertifierKind, reference: required(record, 'certifier_ref', 'source_ref') },
        },
        key,
        ids,
      } as BulkCommand;
    case 'marriage':
      return {
        type: 'RegisterMarriage',
        spouses: [personOf(record, 'husband_id', 'husband_ref', refOf, true)!, personOf(record, 'wife_id', 'wife_ref', refOf, true)!],
        data: {
          date: record.date_of_marriage!,
          place: record.place!,
          contractReference: required(record, 'contract_ref', 'source_ref'),
        },
        key,
        ids,
      };
  }
}
