import type { EnrolPerson, PersonCommand, RegisterBirth } from '../domain/person/person-commands';
import type { RegisterMarriage, RegisterDivorce } from '../domain/marriage/marriage-commands';
import type { DomainError } from '../domain/shared/domain-error';
import type { CommandIds } from './command-ids';

/**
 * The commands the bulk path records: the domain's own commands, with the states the API loads
 * (mother, father, spouses, kin) left out, since the recorder loads them from the batch or the
 * store. A person is named by national ID, or by the `ref` an earlier enrolment or birth of the
 * same `record` call, or of the call just before it, was given (its ID is issued only then: a
 * caller handing over the next batch before the one before committed cannot know it yet).
 */
export type PersonRef = string | { ref: string };

export interface BulkCommandOptions {
  /**
   * Idempotency key, stamped on the events: a command whose key is already in the stream of the
   * person it names (for an enrolment or birth, the stream its IDs would open) is not recorded
   * again and reports `duplicate`.
   */
  key?: string;
  /** Identifiers for this command; drawn at random when left out. */
  ids?: CommandIds;
  /** Who records it, when not the agency of the whole call. */
  agency?: BulkAgency;
}

type NewPersonData<C extends EnrolPerson | RegisterBirth> = Omit<C['data'], 'mother' | 'father' | 'nationalId' | 'motherId' | 'fatherId'> & {
  /** A national ID issued before (a legacy register's); drawn from `ids.nationalId` when left out. */
  nationalId?: string;
  motherId?: PersonRef;
  fatherId?: PersonRef;
};

export interface BulkEnrolment extends BulkCommandOptions {
  type: 'EnrolPerson';
  data: NewPersonData<EnrolPerson>;
  /** A label later commands of the same call may name the person by. */
  ref?: string;
}

export interface BulkBirth extends BulkCommandOptions {
  type: 'RegisterBirth';
  data: NewPersonData<RegisterBirth> & { motherId: PersonRef };
  ref?: string;
}

type SimpleFact = Exclude<PersonCommand, EnrolPerson | RegisterBirth | { type: 'CorrectRecord' | 'AnnulRegistration' }>;

/** Death, education, employment start and end, name, residence, emigration, immigration, nationality, cards. */
export type BulkPersonFact = AboutOnePerson<SimpleFact>;
type AboutOnePerson<C> = C extends SimpleFact ? BulkCommandOptions & { type: C['type']; nationalId: PersonRef; data: C['data'] } : never;

export interface BulkMarriage extends BulkCommandOptions {
  type: 'RegisterMarriage';
  spouses: [PersonRef, PersonRef];
  /** `marriageId` is drawn from `ids.marriageId` when left out. */
  data: Omit<RegisterMarriage['data'], 'spouses' | 'kin' | 'marriageId'> & { marriageId?: string };
}

export interface BulkDivorce extends BulkCommandOptions {
  type: 'RegisterDivorce';
  data: Omit<RegisterDivorce['data'], 'spouses'>;
}

export type BulkCommand = BulkEnrolment | BulkBirth | BulkPersonFact | BulkMarriage | BulkDivorce;

/** The registrar and office the facts are recorded under (the importing agency). */
export interface BulkAgency {
  registrar: string;
  office?: string;
  /** The office's area: the jurisdiction rules compare against it; none means no limit. */
  officeArea?: string;
}

/** What was recorded in one person's stream. */
export interface RecordedFacts {
  nationalId: string;
  eventIds: string[];
}

export type BulkResult =
  | { status: 'recorded'; facts: RecordedFacts[]; nationalId?: string; marriageId?: string }
  /** Already recorded under the command's key, by an earlier batch or run: nothing new. */
  | { status: 'duplicate'; nationalId?: string }
  /** A rule, a value or a lookup refused it, exactly as the API would: nothing recorded. */
  | { status: 'refused'; error: DomainError };
