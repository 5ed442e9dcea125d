import type { Sex } from '../domain/person/person-events';

/**
 * Every rate the generator draws from, with Libya-like defaults (UN World Population Prospects
 * orders of magnitude for Libya around 2010–2020: total fertility about 2.2–2.5, life expectancy
 * at birth about 70 for men and 76 for women, a young pyramid with median age near 29). Each is
 * configurable and written into the summary, so statistics can be checked against the truth.
 */
export interface SynthRates {
  /** Share of the base population in each five-year age group 0–4 … 90–94 (both sexes). */
  ageGroupShares: number[];
  /** Males per female in the base population, per five-year group. */
  baseSexRatio: number;
  /** Boys per girl at birth. */
  sexRatioAtBirth: number;
  /**
   * Births per married woman per year by five-year age group 15–19 … 45–49 (marital fertility).
   * Women married at the date of the birth bear most children, as in Libya.
   */
  maritalFertility: number[];
  /** Births per unmarried woman aged 15–49 per year (no father named). */
  nonMaritalFertility: number;
  /** Share of births that are twins. */
  twinShare: number;
  /**
   * Mortality: Gompertz–Makeham by sex, μ(x) = makeham + gompertzA·exp(gompertzB·x), plus an
   * infant term for age 0 and a child term decaying to age 5; the yearly probability of death is
   * q(x) = 1 − exp(−μ(x + ½)).
   */
  mortality: Record<Sex, { makeham: number; gompertzA: number; gompertzB: number; infant: number; child: number }>;
  /** Yearly first-marriage hazard of a never-married woman by five-year group from 15–19 to 45–49. */
  womenMarriageHazard: number[];
  /** Yearly remarriage hazard of a divorced or widowed woman under 50. */
  remarriageHazard: number;
  /** Husbands are this many years older than wives, uniform in the range. */
  husbandAgeGap: { min: number; max: number };
  /** Share of marriages in which the husband is already married (polygamous). */
  polygamyRate: number;
  /** Yearly divorce hazard of a current marriage in its first ten years, then half of it. */
  divorceHazard: number;
  /** Share continuing to the next ISCED level: primary→lower secondary→upper secondary→tertiary→master's. */
  educationContinuation: number[];
  /** Yearly hazard of starting work (no open employment, aged 18–64), by sex. */
  employmentStartHazard: Record<Sex, number>;
  /** Yearly hazard of an open employment ending before retirement at 65. */
  employmentEndHazard: number;
  /** Yearly share of residents moving to another area (two thirds within their region). */
  moveRate: number;
  /** Yearly share of residents emigrating; yearly share of emigrants coming back. */
  emigrationRate: number;
  returnRate: number;
  /** Foreign residents arriving per year, per 1,000 of the population. */
  immigrationPerThousand: number;
  defects: {
    /** Share of registrations whose name carries a spelling variant of a name part. */
    spellingVariant: number;
    /** Share of base-population enrolments whose birth date is known only to the year. */
    partialBirthDateYear: number;
    /** … only to the month. */
    partialBirthDateMonth: number;
    /** Share of births registered late (as an enrolment, 1 to `lateYearsMax` years after). */
    lateRegistration: number;
    lateYearsMax: number;
    /** Share of base-population persons enrolled a second time under another national ID. */
    duplicate: number;
  };
}

export const defaultRates: SynthRates = {
  ageGroupShares: [
    9.6, 9.4, 8.6, 8.2, 8.4, 8.9, 8.8, 7.8, 6.6, 5.5, 4.6, 3.9, 3.2, 2.4, 1.7, 1.2, 0.7, 0.35, 0.15,
  ],
  baseSexRatio: 1.03,
  sexRatioAtBirth: 1.055,
  maritalFertility: [0.22, 0.28, 0.24, 0.18, 0.11, 0.045, 0.01],
  nonMaritalFertility: 0.002,
  twinShare: 0.012,
  mortality: {
    M: { makeham: 0.0006, gompertzA: 0.000045, gompertzB: 0.092, infant: 0.012, child: 0.0012 },
    F: { makeham: 0.0004, gompertzA: 0.000022, gompertzB: 0.095, infant: 0.01, child: 0.001 },
  },
  womenMarriageHazard: [0.03, 0.12, 0.16, 0.12, 0.07, 0.04, 0.02],
  remarriageHazard: 0.06,
  husbandAgeGap: { min: 2, max: 10 },
  polygamyRate: 0.04,
  divorceHazard: 0.012,
  educationContinuation: [0.95, 0.8, 0.55, 0.15],
  employmentStartHazard: { M: 0.35, F: 0.12 },
  employmentEndHazard: 0.06,
  moveRate: 0.025,
  emigrationRate: 0.002,
  returnRate: 0.08,
  immigrationPerThousand: 1.5,
  defects: {
    spellingVariant: 0.03,
    partialBirthDateYear: 0.04,
    partialBirthDateMonth: 0.01,
    lateRegistration: 0.02,
    lateYearsMax: 6,
    duplicate: 0.005,
  },
};

/** The yearly probability of dying between exact ages x and x+1 (Gompertz–Makeham, see above). */
export function deathProbability(rates: SynthRates, sex: Sex, age: number, withInfantTerm = age === 0): number {
  const m = rates.mortality[sex];
  const x = age + 0.5;
  let mu = m.makeham + m.gompertzA * Math.exp(m.gompertzB * x);
  if (age < 5) mu += m.child * (5 - age) / 5;
  const q = 1 - Math.exp(-mu);
  return Math.min(1, withInfantTerm ? q + m.infant : q);
}

/** Life expectancy at birth implied by the mortality schedule (deaths at mid-year), for the summary. */
export function lifeExpectancy(rates: SynthRates, sex: Sex): number {
  let alive = 1;
  let years = 0;
  for (let age = 0; age < 120 && alive > 1e-9; age++) {
    const q = deathProbability(rates, sex, age);
    years += alive * (1 - q / 2);
    alive *= 1 - q;
  }
  return years;
}

export function maritalFertility(rates: SynthRates, age: number): number {
  return age < 15 || age >= 50 ? 0 : rates.maritalFertility[Math.floor((age - 15) / 5)]!;
}

export function firstMarriageHazard(rates: SynthRates, age: number): number {
  return age < 18 || age >= 50 ? 0 : rates.womenMarriageHazard[Math.floor((age - 15) / 5)]!;
}
