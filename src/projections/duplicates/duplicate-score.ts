import { comparePartialDates, earliestDay, latestDay } from '../../domain/shared/partial-date';
import type { PersonSearchDocument } from '../person-search/search-document';
import { NAME_PARTS } from '../person-search/search-keys';

/**
 * How alike two registered persons are, out of 100. Names, the mother's name and the birth date
 * carry most of it; place of birth and sex settle close calls:
 *   name: given 10, father 10, grandfather 5, family 15 (each part equal in matching form);
 *   mother's name: 15 for her given and family names, 20 when every part both records agrees;
 *   birth date: 25 when the dates may be the same day (`1961` and `1961-03-05` may), 15 when
 *     their years are at most one apart, 8 within the window of three years;
 *   place of birth: 10 the same area, 5 the same region; sex: 5 the same.
 * The same four-part name three years apart, nothing else shared but sex, scores 53.
 */
export const DUPLICATE_WINDOW_YEARS = 3;
/** Below this a candidate shares a name and little else: not listed. */
export const DUPLICATE_THRESHOLD = 50;

export type DuplicateField =
  | 'name.given'
  | 'name.father'
  | 'name.grandfather'
  | 'name.family'
  | 'motherName'
  | 'dateOfBirth'
  | 'placeOfBirth'
  | 'sex';

export interface DuplicateScore {
  nationalId: string;
  dateOfBirth: string;
  score: number;
  /** The fields that agree, fully or in part (a birth date within the window, the same region). */
  matched: DuplicateField[];
}

const NAME_POINTS = { given: 10, father: 10, grandfather: 5, family: 15 } as const;

function motherPoints(a: PersonSearchDocument['mother'], b: PersonSearchDocument['mother']): number {
  if (a === null || b === null || a.given !== b.given || a.family !== b.family) return 0;
  const both = NAME_PARTS.filter((part) => a[part] !== undefined && b[part] !== undefined);
  return both.every((part) => a[part] === b[part]) ? 20 : 15;
}

function birthPoints(a: string, b: string): number {
  const mayBeSameDay = earliestDay(a) <= latestDay(b) && earliestDay(b) <= latestDay(a);
  if (mayBeSameDay) return 25;
  const years = Math.abs(Number(a.slice(0, 4)) - Number(b.slice(0, 4)));
  return years <= 1 ? 15 : years <= DUPLICATE_WINDOW_YEARS ? 8 : 0;
}

/** `LY-BA-03` is in region `LY-BA`. */
const regionOf = (area: string): string => area.split('-').slice(0, 2).join('-');

function placePoints(a: string, b: string): number {
  return a === b ? 10 : regionOf(a) === regionOf(b) ? 5 : 0;
}

/** The candidate scored against the person; undefined when it is no duplicate candidate at all. */
export function scoreDuplicate(person: PersonSearchDocument, other: PersonSearchDocument): DuplicateScore | undefined {
  if (other.id === person.id || person.parts.given !== other.parts.given) return undefined;
  if (Math.abs(person.birthYear - other.birthYear) > DUPLICATE_WINDOW_YEARS) return undefined;
  let score = 0;
  const matched: DuplicateField[] = [];
  const add = (field: DuplicateField, points: number) => {
    if (points <= 0) return;
    score += points;
    matched.push(field);
  };
  for (const part of NAME_PARTS) add(`name.${part}`, person.parts[part] === other.parts[part] ? NAME_POINTS[part] : 0);
  add('motherName', motherPoints(person.mother, other.mother));
  add('dateOfBirth', birthPoints(person.dateOfBirth, other.dateOfBirth));
  add('placeOfBirth', placePoints(person.placeOfBirth, other.placeOfBirth));
  add('sex', person.sex === other.sex ? 5 : 0);
  return score >= DUPLICATE_THRESHOLD ? { nationalId: other.id, dateOfBirth: other.dateOfBirth, score, matched } : undefined;
}

/** Highest score first; equal scores by the nearer birth date, then national ID. */
export function compareCandidates(birth: string) {
  const distance = (date: string) => Math.abs(Date.parse(earliestDay(date)) - Date.parse(earliestDay(birth)));
  return (a: DuplicateScore, b: DuplicateScore): number =>
    b.score - a.score ||
    distance(a.dateOfBirth) - distance(b.dateOfBirth) ||
    comparePartialDates(a.dateOfBirth, b.dateOfBirth) ||
    (a.nationalId < b.nationalId ? -1 : a.nationalId > b.nationalId ? 1 : 0);
}
