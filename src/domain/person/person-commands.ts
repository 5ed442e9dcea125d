import type { CommandMetadata } from '../shared/command-metadata';
import type {
  BirthRegistered,
  DeathRegistered,
  EducationRecorded,
  EmploymentEnded,
  EmploymentStarted,
  FieldChange,
  IdentityCardIssued,
  IdentityCardReported,
  Immigrated,
  Emigrated,
  NameChanged,
  NationalityGranted,
  PersonEnrolled,
  RegistrationAnnulled,
  ResidenceChanged,
} from './person-events';
import type { PersonState } from './person-state';

/**
 * What registrars and supervisors ask of one person's stream. Identifiers the ledger issues
 * (national ID, employment ID, card number) are drawn by the caller and passed in: the domain
 * draws no randomness. Rules that need another person (the mother on a birth) read that
 * person's state, which the caller loads from its stream and passes in the command.
 */

interface Command<Type extends string, Data> {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}

export type EnrolPerson = Command<
  'EnrolPerson',
  PersonEnrolled['data'] & { mother?: PersonState; father?: PersonState }
>;

export type RegisterBirth = Command<
  'RegisterBirth',
  Omit<BirthRegistered['data'], 'motherName' | 'nationality'> & {
    mother: PersonState;
    father?: PersonState;
  }
>;

export type RegisterDeath = Command<'RegisterDeath', DeathRegistered['data']>;
export type RecordEducation = Command<'RecordEducation', EducationRecorded['data']>;
export type StartEmployment = Command<'StartEmployment', EmploymentStarted['data']>;
export type EndEmployment = Command<'EndEmployment', EmploymentEnded['data']>;
export type ChangeName = Command<'ChangeName', NameChanged['data']>;
export type ChangeResidence = Command<'ChangeResidence', ResidenceChanged['data']>;
export type RecordEmigration = Command<'RecordEmigration', Emigrated['data']>;
export type RecordImmigration = Command<'RecordImmigration', Immigrated['data']>;
export type GrantNationality = Command<'GrantNationality', NationalityGranted['data']>;
export type IssueIdentityCard = Command<'IssueIdentityCard', IdentityCardIssued['data']>;
export type ReportIdentityCard = Command<'ReportIdentityCard', IdentityCardReported['data']>;

/** `from` of each change is filled by the ledger from the fact as it stands. */
export type CorrectRecord = Command<
  'CorrectRecord',
  {
    correctedEventId: string;
    changes: Array<Omit<FieldChange, 'from'>>;
    reason: string;
    authorityReference: string;
    documents: string[];
    date: string;
    /** Persons the corrected fact names (mother, father), when a change touches a rule about them. */
    relatives?: Record<string, PersonState>;
  } & SpouseDeaths
>;

export type AnnulRegistration = Command<'AnnulRegistration', RegistrationAnnulled['data'] & SpouseDeaths>;

/**
 * An amendment re-judges the whole history, marriages included, and a spouse's death (kept in
 * the spouse's stream) ends a marriage: the caller passes those deaths in.
 */
interface SpouseDeaths {
  /** Date of death of each of the person's spouses who has died, keyed by national ID. */
  spouseDeaths?: Record<string, string>;
}

export type PersonCommand =
  | EnrolPerson
  | RegisterBirth
  | RegisterDeath
  | RecordEducation
  | StartEmployment
  | EndEmployment
  | ChangeName
  | ChangeResidence
  | RecordEmigration
  | RecordImmigration
  | GrantNationality
  | IssueIdentityCard
  | ReportIdentityCard
  | CorrectRecord
  | AnnulRegistration;

export type PersonCommandType = PersonCommand['type'];
