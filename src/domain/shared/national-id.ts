import { InvalidValue } from './domain-error';
import { hasValidVerhoeffCheckDigit, verhoeffCheckDigit } from './verhoeff';

/**
 * A national ID: 12 digits, the first 2–9, digits 2–11 random (nothing about the person is
 * encoded, so correcting a birth date or sex never changes it), the last a Verhoeff check digit
 * over the first 11.
 */
export type NationalId = string;

const FORMAT = /^[2-9]\d{11}$/;

export function isNationalId(value: unknown): value is NationalId {
  return typeof value === 'string' && FORMAT.test(value) && hasValidVerhoeffCheckDigit(value);
}

/** Throws a 400 naming the field: a malformed ID is the client's mistake, never an unknown person. */
export function parseNationalId(value: unknown, field = 'nationalId'): NationalId {
  if (typeof value !== 'string' || !FORMAT.test(value)) {
    throw new InvalidValue(
      field,
      'NATIONAL_ID.FORMAT',
      `${field} must be 12 digits, the first between 2 and 9 (got ${JSON.stringify(value)})`,
    );
  }
  if (!hasValidVerhoeffCheckDigit(value)) {
    throw new InvalidValue(
      field,
      'NATIONAL_ID.CHECK_DIGIT',
      `${field} ${value} has a wrong check digit: it is mistyped or not a national ID`,
    );
  }
  return value;
}

/**
 * A fresh ID from the caller's randomness (`randomDigit` returns an integer 0–9), so the domain
 * stays deterministic. The caller checks the ID is unused before registering under it.
 */
export function issueNationalId(randomDigit: () => number): NationalId {
  // The eleven digits as one number, written once: appended one by one they made eleven strings
  // (every enrolment without an ID draws one). Below 10^11, and the first digit is never 0.
  let value = 2 + (randomDigit() % 8);
  for (let i = 0; i < 10; i++) value = value * 10 + (randomDigit() % 10);
  const digits = String(value);
  return `${digits}${verhoeffCheckDigit(digits)}`;
}
