import type { Sex } from '../../domain/person/person-events';
import type { RegisteredPerson } from '../../domain/person/person-state';
import type { MotherName, PersonName } from '../../domain/shared/person-name';
import type { CollectionDefinition } from '../../read-models/read-model.port';
import { normalisedParts, searchKeysOfParts, type NormalisedParts, type SearchKeys } from './search-keys';

/** What the `person-search` projection keeps; duplicates are found in the same collection. */

export const PERSON_SEARCH_PROJECTION = 'person-search';
export const PERSON_SEARCH = 'person-search';
export const PERSON_SEARCH_RECORD = 'person-search-record';

/** The identity summary a search or duplicate result shows. */
export interface PersonSummary {
  nationalId: string;
  name: PersonName;
  sex: Sex;
  dateOfBirth: string;
  placeOfBirth: string;
  motherName?: MotherName;
  status: 'alive' | 'deceased';
}

/**
 * One registered person as search ranks them: the names in matching form, the keys the indexes
 * hold and what duplicate scoring compares. Kept lean, as a search reads every candidate's; the
 * summary shown is in the person's record. A person whose registration is annulled has none.
 */
export interface PersonSearchDocument extends SearchKeys {
  [key: string]: unknown;
  id: string;
  parts: NormalisedParts;
  mother: NormalisedParts | null;
  sex: Sex;
  dateOfBirth: string;
  placeOfBirth: string;
}

/**
 * Each index serves a lookup; birth year comes second so a year narrows within the name's range.
 * `full` answers word-prefix queries and duplicates of the same four-part name; the others one
 * name shape each, or a duplicate's blocking key.
 */
export const personSearchCollections: CollectionDefinition[] = [
  {
    name: PERSON_SEARCH,
    indexes: [
      ['full', 'birthYear'],
      ['givenFamily', 'birthYear'],
      ['givenFatherFamily', 'birthYear'],
      ['latin', 'birthYear'],
      ['latinFirstLast', 'birthYear'],
      ['givenMother', 'birthYear'],
    ],
  },
  { name: PERSON_SEARCH_RECORD, indexes: [] },
];

export function summaryOf(person: RegisteredPerson): PersonSummary {
  return {
    nationalId: person.nationalId,
    name: person.name,
    sex: person.sex,
    dateOfBirth: person.dateOfBirth,
    placeOfBirth: person.placeOfBirth,
    ...(person.motherName !== undefined && { motherName: person.motherName }),
    status: person.status,
  };
}

/** What a search document is made of: a registered person's identity, or a registration's own data. */
export type SearchedPerson = Pick<RegisteredPerson, 'nationalId' | 'name' | 'motherName' | 'sex' | 'dateOfBirth' | 'placeOfBirth'>;

export function searchDocumentOf(person: SearchedPerson): PersonSearchDocument {
  // Each name normalised once, for the document's parts and its keys alike.
  const parts = normalisedParts(person.name);
  const mother = person.motherName === undefined ? null : normalisedParts(person.motherName);
  return {
    id: person.nationalId,
    parts,
    mother,
    sex: person.sex,
    dateOfBirth: person.dateOfBirth,
    placeOfBirth: person.placeOfBirth,
    ...searchKeysOfParts(parts, person.name.latin, mother ?? undefined, person.dateOfBirth),
  };
}
