import type { Condition, ReadModelStore } from '../../read-models/read-model.port';
import { PERSON_SEARCH, type PersonSearchDocument } from '../person-search/search-document';
import { spell, wordPrefixRange } from '../person-search/search-keys';
import { summariesOf } from '../person-search/search-persons';
import type { PersonSummary } from '../person-search/search-document';
import { compareCandidates, DUPLICATE_WINDOW_YEARS, scoreDuplicate, type DuplicateScore } from './duplicate-score';

export type DuplicateCandidate = PersonSummary & Omit<DuplicateScore, 'dateOfBirth'>;

/**
 * The blocking keys a duplicate shares with the person, each a lookup on an index of the search
 * collection within the birth-year window: the same given, father's and grandfather's names (a
 * word-prefix range on the full name, which holds the same four-part name); the same given,
 * father's and family names (a grandfather written otherwise); the same given name and mother
 * (the father's or family name written otherwise). A duplicate whose given name is written
 * beyond what normalisation folds is not found.
 */
export function blockingLookups(person: PersonSearchDocument): Array<Record<string, Condition>> {
  const birthYear = { gte: person.birthYear - DUPLICATE_WINDOW_YEARS, lte: person.birthYear + DUPLICATE_WINDOW_YEARS };
  const lookups: Array<Record<string, Condition>> = [
    { full: wordPrefixRange(spell(person.parts, ['given', 'father', 'grandfather'])!), birthYear },
    { givenFatherFamily: person.givenFatherFamily, birthYear },
  ];
  if (person.givenMother !== null) lookups.push({ givenMother: person.givenMother, birthYear });
  return lookups;
}

/** More would not be reviewed one by one; the total says how many there were. */
export const MAX_DUPLICATES = 100;

export interface Duplicates {
  nationalId: string;
  total: number;
  candidates: DuplicateCandidate[];
}

/** Likely duplicates of a person, best first; undefined when no registered person has that ID. */
export async function findDuplicates(models: ReadModelStore, nationalId: string): Promise<Duplicates | undefined> {
  const person = await models.get<PersonSearchDocument>(PERSON_SEARCH, nationalId);
  if (person === undefined) return undefined;
  const seen = new Set<string>([nationalId]);
  const candidates: DuplicateScore[] = [];
  for (const where of blockingLookups(person)) {
    for (const other of await models.find<PersonSearchDocument>(PERSON_SEARCH, { where })) {
      if (seen.has(other.id)) continue;
      seen.add(other.id);
      const candidate = scoreDuplicate(person, other);
      if (candidate !== undefined) candidates.push(candidate);
    }
  }
  candidates.sort(compareCandidates(person.dateOfBirth));
  const listed = candidates.slice(0, MAX_DUPLICATES);
  const summaries = await summariesOf(models, listed.map((candidate) => candidate.nationalId));
  return {
    nationalId,
    total: candidates.length,
    candidates: listed.map(({ dateOfBirth: _, ...score }) => ({ ...summaries.get(score.nationalId)!, ...score })),
  };
}
