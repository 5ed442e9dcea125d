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
// Control characters would make two names that print the same differ.
const CONTROL = /\p{Cc}/u;

/**
 * Parts are checked in the order a refusal names them. The field's path (`name.given`) is written
 * only for a refusal: every enrolment checks six to nine parts, and the API's and the import's
 * names nearly always pass.
 */
function parsePart(name: Record<string, unknown>, field: string, part: string, required: boolean): void {
  const value = name[part];
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_PART || CONTROL.test(value)) {
    const path = `${field}.${part}`;
    throw new InvalidValue(
      path,
      'NAME.INVALID',
      `${path} must be a non-empty name of at most ${MAX_PART} characters (got ${JSON.stringify(value)})`,
    );
  }
}

export function parsePersonName(value: unknown, field = 'name'): PersonName {
  const name = (value ?? {}) as Record<string, unknown>;
  parsePart(name, field, 'given', true);
  parsePart(name, field, 'father', true);
  parsePart(name, field, 'grandfather', true);
  parsePart(name, field, 'family', true);
  parsePart(name, field, 'latin', false);
  return value as PersonName;
}

export function parseMotherName(value: unknown, field = 'motherName'): MotherName {
  const name = (value ?? {}) as Record<string, unknown>;
  parsePart(name, field, 'given', true);
  parsePart(name, field, 'family', true);
  parsePart(name, field, 'father', false);
  parsePart(name, field, 'grandfather', false);
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
