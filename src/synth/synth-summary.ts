import type { SynthRates } from './synth-rates';
import type { SpellingVariant } from './names/spelling-variants';

/** What one year of the simulation produced, beside what the rates expected. */
export interface YearFigures {
  year: number;
  /** Persons alive and in the country on 1 January (the truth, duplicates not counted). */
  population: number;
  births: number;
  /** Sum over women of the probability of a delivery this year (marital or not): E[deliveries]. */
  expectedDeliveries: number;
  deliveries: number;
  deaths: number;
  /** Sum over persons of their probability of dying this year: E[deaths]. */
  expectedDeaths: number;
  marriages: number;
  polygamousMarriages: number;
  divorces: number;
  immigrants: number;
  emigrations: number;
  returns: number;
}

export interface SynthCounts {
  /** Commands generated (those recorded after the last year's cutoff are in `notYetRecorded`). */
  commands: number;
  basePersons: number;
  enrolments: number;
  births: number;
  birthsBySex: { M: number; F: number };
  registeredBirths: number;
  lateRegistrations: number;
  twinDeliveries: number;
  deaths: number;
  marriages: number;
  polygamousMarriages: number;
  unmatchedBrides: number;
  divorces: number;
  education: number;
  employmentStarts: number;
  employmentEnds: number;
  moves: number;
  emigrations: number;
  returns: number;
  immigrants: number;
  duplicates: number;
  partialBirthDates: { year: number; month: number };
  spellingVariants: Partial<Record<SpellingVariant, number>>;
  notYetRecorded: number;
}

export function emptyCounts(): SynthCounts {
  return {
    commands: 0, basePersons: 0, enrolments: 0, births: 0, birthsBySex: { M: 0, F: 0 }, registeredBirths: 0,
    lateRegistrations: 0, twinDeliveries: 0, deaths: 0, marriages: 0, polygamousMarriages: 0, unmatchedBrides: 0,
    divorces: 0, education: 0, employmentStarts: 0, employmentEnds: 0, moves: 0, emigrations: 0, returns: 0,
    immigrants: 0, duplicates: 0, partialBirthDates: { year: 0, month: 0 }, spellingVariants: {}, notYetRecorded: 0,
  };
}

/**
 * The truth about a synthetic country: the options and every rate it was drawn from, what it
 * produced, year by year, and the duplicate enrolments it planted (original, duplicate).
 */
export interface SynthSummary {
  options: { persons: number; years: number; seed: string; startYear: number; endYear: number; areaCodes: string[] };
  rates: SynthRates;
  derived: {
    lifeExpectancyAtBirth: { M: number; F: number };
    maritalTotalFertility: number;
    mortalityModel: string;
    prng: string;
  };
  /** What happened (some of it still unregistered at the end: `counts.notYetRecorded`). */
  counts: SynthCounts;
  /** Commands in the stream, by type: what a ledger that refuses nothing records. */
  recorded: Partial<Record<string, number>>;
  years: YearFigures[];
  duplicatePairs: Array<[string, string]>;
  /** Filled by the loader: what the ledger recorded and refused. */
  load?: { recorded: number; refused: number; duplicates: number; events: number; refusals: Record<string, number>; seconds: number };
}
