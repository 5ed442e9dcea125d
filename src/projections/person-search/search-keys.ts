import type { MotherName, PersonName } from '../../domain/shared/person-name';
import { boundedMemo } from '../../domain/shared/bounded-memo';
import { normaliseName } from '../../domain/shared/person-name';

/**
 * The matching forms of a person's names and the keys the search index holds. Every part is
 * normalised on its own (DOMAIN.md, "Name matching"), so a multi-word part such as "نور الدين"
 * keeps its single space and a whole name is its parts joined by one space: a typed query,
 * normalised the same way, equals a key exactly when it spells those parts.
 */

export const NAME_PARTS = ['given', 'father', 'grandfather', 'family'] as const;
export type NamePart = (typeof NAME_PARTS)[number];
export type NormalisedParts = Partial<Record<NamePart, string>>;

/**
 * The selections of parts a query may spell, in name order and always from the given name:
 * the prefixes (found by a range on `full`), given + family and given + father + family (found
 * by equality on their own keys). Matching accepts exactly these, so the index finds every match.
 */
export const NAME_SHAPES: readonly NamePart[][] = [
  ['given'],
  ['given', 'father'],
  ['given', 'father', 'grandfather'],
  ['given', 'father', 'grandfather', 'family'],
  ['given', 'family'],
  ['given', 'father', 'family'],
];

/** A normalised query or name split into its words (a part may hold several). */
export const wordsOf = (normalised: string): string[] => (normalised === '' ? [] : normalised.split(' '));

/** Each spelling normalised once: it was a tenth of the search projection's rebuild. */
const normalisedName = boundedMemo(normaliseName, 100_000);

export function normalisedParts(name: PersonName | MotherName): NormalisedParts {
  const parts: NormalisedParts = {};
  for (const part of NAME_PARTS) {
    const value = name[part];
    if (value !== undefined) parts[part] = normalisedName(value);
  }
  return parts;
}

/** The parts of a shape joined as a query would spell them; undefined when one is not recorded. */
export function spell(parts: NormalisedParts, shape: readonly NamePart[]): string | undefined {
  // Joined as it goes: a search document spells three shapes, a ranking one per shape and candidate.
  let spelt = '';
  for (let i = 0; i < shape.length; i++) {
    const word = parts[shape[i]!];
    if (word === undefined) return undefined;
    spelt = i === 0 ? word : `${spelt} ${word}`;
  }
  return spelt;
}

/** Arabic script anywhere means the Arabic name is meant; otherwise the Latin transliteration. */
export const isArabic = (text: string): boolean => /[\u0600-\u06FF\u0750-\u077F]/.test(text);

/** A Latin transliteration is not split into parts: its words are matched from the first. */
export function latinShapes(words: string[]): number[][] {
  const shapes = words.map((_, i) => words.slice(0, i + 1).map((__, j) => j));
  if (words.length > 2) shapes.push([0, words.length - 1]);
  return shapes;
}

export interface SearchKeys {
  /** The four parts in name order: its word prefixes answer given, given + father, ... queries. */
  full: string;
  givenFamily: string;
  givenFatherFamily: string;
  /** The normalised transliteration (prefixes by range) and its first and last words. */
  latin: string | null;
  latinFirstLast: string | null;
  /** Given name and mother's given and family names: a duplicate's blocking key. */
  givenMother: string | null;
  birthYear: number;
}

export function searchKeysOf(name: PersonName, motherName: MotherName | undefined, dateOfBirth: string): SearchKeys {
  return searchKeysOfParts(normalisedParts(name), name.latin, motherName && normalisedParts(motherName), dateOfBirth);
}

/** The keys of names already in matching form (a search document holds the parts too). */
export function searchKeysOfParts(parts: NormalisedParts, latinName: string | undefined, mother: NormalisedParts | undefined, dateOfBirth: string): SearchKeys {
  const latin = latinName === undefined ? null : normalisedName(latinName);
  const latinWords = latin === null ? [] : wordsOf(latin);
  return {
    full: spell(parts, NAME_PARTS)!,
    givenFamily: spell(parts, ['given', 'family'])!,
    givenFatherFamily: spell(parts, ['given', 'father', 'family'])!,
    latin,
    latinFirstLast: latinWords.length > 2 ? `${latinWords[0]} ${latinWords[latinWords.length - 1]}` : null,
    givenMother: mother === undefined ? null : `${parts.given}|${spell(mother, ['given', 'family'])}`,
    birthYear: birthYearOf(dateOfBirth),
  };
}

/** A partial birth date (`1961`, `1961-03`) belongs to its year like a full one. */
export const birthYearOf = (dateOfBirth: string): number => Number(dateOfBirth.slice(0, 4));

/**
 * The bounds of a word-prefix range: every string equal to `text` or starting with `text` and a
 * space. `!` is the character after the space, and names hold no control characters below it.
 */
export const wordPrefixRange = (text: string) => ({ gte: text, lt: `${text}!` });
