/**
 * The configurable parts of DOMAIN.md's rules (the values in brackets there). A deployment loads
 * its own from configuration; anything it leaves out takes the documented default.
 */
export interface JurisdictionPolicy {
  /** The mother's age on the birth date, in whole years, inclusive bounds. */
  motherAge: { min: number; max: number };
  /** A father may have died at most this many days before the birth. */
  posthumousBirthDays: number;
  /** Minimum age of each spouse on the marriage date, in whole years. */
  minimumMarriageAge: number;
  /** How many marriages a person of each sex may have at once. */
  concurrentSpouses: { M: number; F: number };
  /** Fact kinds a registrar may record outside the office's jurisdiction. */
  registerAnywhere: { births: boolean; deaths: boolean; everything: boolean };
}

export const defaultPolicy: JurisdictionPolicy = {
  motherAge: { min: 10, max: 65 },
  posthumousBirthDays: 300,
  minimumMarriageAge: 18,
  concurrentSpouses: { M: 4, F: 1 },
  registerAnywhere: { births: true, deaths: true, everything: false },
};
