import { matchArabicName, matchLatinName, matchMotherName } from './name-match';
import type { PersonSearchDocument } from './search-document';

/** A search as the index answers it: the texts already in matching form. */
export interface SearchCriteria {
  /** The normalised name typed; `script` says which of the person's names it is matched with. */
  name: string;
  script: 'arabic' | 'latin';
  birthYear?: number;
  motherName?: string;
}

export interface SearchHit {
  nationalId: string;
  score: number;
  /** Name parts matched (`given`, `father`, `grandfather`, `family` or `latin`), then `motherName`. */
  matched: string[];
  /** The whole name in matching form: ties are ordered by it. */
  sortKey: string;
}

/**
 * A candidate the index returned, scored; undefined when it does not match after all (a prefix
 * range also returns names that merely start with the same letters, such as "علي" and "عليان").
 */
export function rankCandidate(document: PersonSearchDocument, criteria: SearchCriteria): SearchHit | undefined {
  if (criteria.birthYear !== undefined && document.birthYear !== criteria.birthYear) return undefined;
  const name =
    criteria.script === 'arabic' ? matchArabicName(criteria.name, document.parts) : matchLatinName(criteria.name, document.latin);
  if (name === undefined) return undefined;
  let { score } = name;
  const matched = [...name.matched];
  if (criteria.motherName !== undefined) {
    const mother = matchMotherName(criteria.motherName, document.mother);
    if (mother === undefined) return undefined;
    score += mother;
    matched.push('motherName');
  }
  return { nationalId: document.id, score, matched, sortKey: document.full };
}

/** Best score first; equal scores by name in matching form, then national ID, so pages are stable. */
export function compareHits(a: SearchHit, b: SearchHit): number {
  return b.score - a.score || compareText(a.sortKey, b.sortKey) || compareText(a.nationalId, b.nationalId);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
