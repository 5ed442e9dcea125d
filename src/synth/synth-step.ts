import type { EnrolPerson, PersonCommand, RegisterBirth } from '../domain/person/person-commands';
import type { RegisterDivorce, RegisterMarriage } from '../domain/marriage/marriage-commands';

/**
 * What the generator emits: the domain's own commands, with the states the API loads (mother,
 * father, spouses, kin) left out, persons named by national ID. The shapes are those of the bulk
 * path's commands (`src/bulk/bulk-commands.ts`), so a step's `command` is handed to the
 * BulkRecorder as it is.
 */
export interface SynthAgency {
  registrar: string;
  office?: string;
  officeArea?: string;
}

interface Common {
  /** Idempotency key, a function of the seed and the step: loading again records nothing twice. */
  key: string;
  /** The office that records it (the registrar of the area where it happens). */
  agency: SynthAgency;
}

type NewPersonData<C extends EnrolPerson | RegisterBirth> = Omit<C['data'], 'mother' | 'father'>;

export interface SynthEnrolment extends Common {
  type: 'EnrolPerson';
  data: NewPersonData<EnrolPerson>;
}

export interface SynthBirth extends Common {
  type: 'RegisterBirth';
  data: NewPersonData<RegisterBirth>;
}

type SimpleFact = Exclude<PersonCommand, EnrolPerson | RegisterBirth | { type: 'CorrectRecord' | 'AnnulRegistration' }>;
type AboutOnePerson<C> = C extends SimpleFact ? Common & { type: C['type']; nationalId: string; data: C['data'] } : never;
export type SynthPersonFact = AboutOnePerson<SimpleFact>;

export interface SynthMarriage extends Common {
  type: 'RegisterMarriage';
  spouses: [string, string];
  data: Omit<RegisterMarriage['data'], 'spouses' | 'kin'>;
}

export interface SynthDivorce extends Common {
  type: 'RegisterDivorce';
  data: Omit<RegisterDivorce['data'], 'spouses'>;
  /** The spouses, for a recorder that does not look the marriage up (the bulk path does). */
  spouses: [string, string];
}

export type SynthCommand = SynthEnrolment | SynthBirth | SynthPersonFact | SynthMarriage | SynthDivorce;

/** One command and when the ledger records it. */
export interface SynthStep {
  /** 0, 1, 2…: the step's place in the stream, from which its event IDs derive. */
  seq: number;
  /**
   * The instant it is recorded (`metadata.now`, and the events' `recordedAt`), ISO 8601 UTC: noon
   * of the registration day. Steps come in recording order; a day's steps keep their stream order.
   */
  at: string;
  command: SynthCommand;
}

/** The persons a command names, the person it is about first. */
export function personsOf(command: SynthCommand): string[] {
  switch (command.type) {
    case 'EnrolPerson':
    case 'RegisterBirth':
      return [command.data.nationalId];
    case 'RegisterMarriage':
    case 'RegisterDivorce':
      return command.spouses;
    default:
      return [command.nationalId];
  }
}
