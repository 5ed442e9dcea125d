import { InvalidValue } from './domain-error';

/** The four-part Arab name (الاسم الرباعي), with an optional Latin transliteration. */
export interface PersonName {
  given: string;
  father: string;
  grandfather: string;
  family: string;
  latin?: string;
}

/** A mother's name as registers record it: the grandfather's name is often missing. */
export interface MotherName {
  given: string;
  father?: string;
  grandfather?: string;
  family: string;
}

const MAX_PART = 100;

function parsePart(value: unknown, field: string, required: boolean): void {
  if (value === undefined && !required) return;
  // Control characters would make two names that print the same differ.
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_PART || /\p{Cc}/u.test(value)) {
    throw new InvalidValue(
      field,
      'NAME.INVALID',
      `${field} must be a non-empty name of at most ${MAX_PART} characters (got ${JSON.stringify(value)})`,
    );
  }
}

export function parsePersonName(value: unknown, field = 'name'): PersonName {
  const name = (value ?? {}) as Record<string, unknown>;
  for (const part of ['given', 'father', 'grandfather', 'family']) parsePart(name[part], `${field}.${part}`, true);
  parsePart(name.latin, `${field}.latin`, false);
  return value as PersonName;
}

export function parseMotherName(value: unknown, field = 'motherName'): MotherName {
  const name = (value ?? {}) as Record<string, unknown>;
  for (const part of ['given', 'family']) parsePart(name[part], `${field}.${part}`, true);
  for (const part of ['father', 'grandfather']) parsePart(name[part], `${field}.${part}`, false);
  return value as MotherName;
}

const TASHKEEL_AND_TATWEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const LETTERS: Record<string, string> = {
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ة': 'ه',
  'ى': 'ي',
  'ؤ': 'و',
  'ئ': 'ي',
};
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * The form names are matched on (DOMAIN.md, "Name matching"): tashkeel and tatweel removed;
 * أ إ آ ٱ → ا; ة → ه; ى → ي; ؤ → و; ئ → ي; Arabic-Indic digits → ASCII; "عبد" joined to the word
 * that follows it; spaces collapsed. Registers spell the same name all these ways.
 */
export function normaliseArabic(text: string): string {
  return text
    .replace(TASHKEEL_AND_TATWEEL, '')
    .replace(/[أإآٱةىؤئ]/g, (letter) => LETTERS[letter]!)
    // Both digit blocks start at a multiple of 16, so the low four bits are the digit's value.
    .replace(ARABIC_INDIC_DIGITS, (digit) => String(digit.charCodeAt(0) & 0xf))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(^| )عبد /g, '$1عبد');
}

/** Arabic normalised as above, Latin transliterations case-insensitive. */
export function normaliseName(text: string): string {
  return normaliseArabic(text).toLowerCase();
}

/** The whole four-part name as one normalised string, for search keys and duplicate detection. */
export function normaliseFullName(name: Pick<PersonName, 'given' | 'family'> & Partial<PersonName>): string {
  return normaliseName([name.given, name.father, name.grandfather, name.family].filter(Boolean).join(' '));
}
