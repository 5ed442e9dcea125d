/**
 * The Verhoeff check digit (dihedral group D5): it catches every single-digit error and every
 * transposition of adjacent digits, which a plain sum misses.
 */
const MULTIPLY = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];

const PERMUTE = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

const INVERSE = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/**
 * The tables flat, row by row: one typed-array load a digit rather than two array loads with
 * their checks (every national ID a decision names is checked, several a bulk event).
 */
const multiply = Uint8Array.from(MULTIPLY.flat());
const permute = Uint8Array.from(PERMUTE.flat());

/** One step of the checksum: `digit` at `place` from the right (0 for the last digit). */
const step = (c: number, place: number, digit: number): number => multiply[c * 10 + permute[(place & 7) * 10 + digit]!]!;

function checksum(digits: string, offset: number): number {
  let c = 0;
  // From the last digit to the first (charCode - 48: the digit's value).
  for (let place = offset, at = digits.length - 1; at >= 0; place++, at--) c = step(c, place, digits.charCodeAt(at) - 48);
  return c;
}

/** The digit to append to `digits` (a string of decimal digits). */
export function verhoeffCheckDigit(digits: string): number {
  return INVERSE[checksum(digits, 1)]!;
}

/** `verhoeffCheckDigit` of the first `count` of `digits`, given as values 0–9 rather than text. */
export function verhoeffCheckDigitOfValues(digits: ArrayLike<number>, count: number): number {
  let c = 0;
  for (let place = 1, at = count - 1; at >= 0; place++, at--) c = step(c, place, digits[at]!);
  return INVERSE[c]!;
}

/**
 * True when `text` is decimal digits only and its last is the Verhoeff check digit of the others:
 * the characters checked in the checksum's own pass.
 */
export function isDigitsWithCheckDigit(text: string): boolean {
  let c = 0;
  for (let place = 0, at = text.length - 1; at >= 0; place++, at--) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return false;
    c = step(c, place, digit);
  }
  return text.length > 1 && c === 0;
}

/** True when the last digit of `digits` is the Verhoeff check digit of the others. */
export function hasValidVerhoeffCheckDigit(digits: string): boolean {
  return digits.length > 1 && checksum(digits, 0) === 0;
}
