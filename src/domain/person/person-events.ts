import type { PartialDate, CivilDate } from '../shared/partial-date';
import type { PersonName, MotherName } from '../shared/person-name';

/**
 * The facts a person's stream holds (DOMAIN.md, "A person's stream"). Each is an immutable event;
 * `type` is the stable name stored in the log. The shape stored is the current version
 * (`personEventVersions`); older shapes are upcast on read, never rewritten.
 */

export type Sex = 'F' | 'M';
export type Residency = 'citizen' | 'resident' | 'visitor';
export type EnrolmentSourceKind =
  | 'legacy-register'
  | 'census-1922'
  | 'residence-permit'
  | 'late-registration'
  | 'never-registered';
export type CertifierKind = 'hospital' | 'forensic-medicine' | 'physician' | 'court';
export type EducationStatus = 'enrolled' | 'completed' | 'left';
export type CardReportReason = 'lost' | 'stolen' | 'damaged';

export interface PersonEnrolled {
  type: 'PersonEnrolled';
  data: {
    nationalId: string;
    name: PersonName;
    sex: Sex;
    dateOfBirth: PartialDate;
    placeOfBirth: string;
    nationality: string;
    residency: Residency;
    motherName?: MotherName;
    motherId?: string;
    fatherId?: string;
    source: { kind: EnrolmentSourceKind; reference: string };
  };
}

export interface BirthRegistered {
  type: 'BirthRegistered';
  data: {
    nationalId: string;
    name: PersonName;
    sex: Sex;
    dateOfBirth: CivilDate;
    placeOfBirth: string;
    nationality: string;
    motherId: string;
    /** Copied from the mother's record: it separates people whose four-part names are the same. */
    motherName: MotherName;
    fatherId?: string;
    plurality: number;
    birthOrder?: number;
    weightGrams?: number;
    attendant?: string;
    declarant?: string;
  };
}

export interface DeathRegistered {
  type: 'DeathRegistered';
  data: {
    dateOfDeath: CivilDate;
    placeOfDeath: string;
    causeIcd10: string;
    certifier: { kind: CertifierKind; reference: string };
  };
}

/** Recorded in both spouses' streams, each naming the other. */
export interface MarriageRegistered {
  type: 'MarriageRegistered';
  data: {
    marriageId: string;
    spouseId: string;
    date: CivilDate;
    place: string;
    contractReference: string;
  };
}

/** Recorded in both spouses' streams, each naming the other. */
export interface DivorceRegistered {
  type: 'DivorceRegistered';
  data: { marriageId: string; spouseId: string; date: CivilDate; courtReference: string };
}

export interface EducationRecorded {
  type: 'EducationRecorded';
  data: {
    /** ISCED 2011 level, 0 to 8. */
    level: number;
    institution: string;
    field?: string;
    status: EducationStatus;
    date: CivilDate;
  };
}

export interface EmploymentStarted {
  type: 'EmploymentStarted';
  data: {
    employmentId: string;
    employer: string;
    /** ISCO-08 code, one to four digits. */
    occupation: string;
    sector: 'public' | 'private' | 'self-employed' | 'non-profit';
    date: CivilDate;
  };
}

export interface EmploymentEnded {
  type: 'EmploymentEnded';
  data: { employmentId: string; date: CivilDate; reason: string };
}

export interface NameChanged {
  type: 'NameChanged';
  data: { name: PersonName; reason: string; authorityReference: string; date: CivilDate };
}

export interface ResidenceChanged {
  type: 'ResidenceChanged';
  data: { area: string; date: CivilDate };
}

export interface Emigrated {
  type: 'Emigrated';
  data: { country: string; date: CivilDate };
}

export interface Immigrated {
  type: 'Immigrated';
  /** `country` is where the person came from; `area` where they now live. */
  data: { country: string; area: string; date: CivilDate };
}

export interface NationalityGranted {
  type: 'NationalityGranted';
  data: { nationality: string; decisionReference: string; date: CivilDate };
}

export interface IdentityCardIssued {
  type: 'IdentityCardIssued';
  data: { cardNumber: string; date: CivilDate; expiresOn: CivilDate; office: string };
}

export interface IdentityCardReported {
  type: 'IdentityCardReported';
  data: { cardNumber: string; reason: CardReportReason; date: CivilDate };
}

export interface FieldChange {
  /** A top-level field of the corrected fact's data (`dateOfBirth`, `name`, `placeOfDeath`). */
  field: string;
  from: unknown;
  to: unknown;
}

export interface RecordCorrected {
  type: 'RecordCorrected';
  data: {
    correctedEventId: string;
    changes: FieldChange[];
    reason: string;
    authorityReference: string;
    documents: string[];
    date: CivilDate;
  };
}

export interface RegistrationAnnulled {
  type: 'RegistrationAnnulled';
  data: { annulledEventId: string; courtReference: string; reason: string; date: CivilDate };
}

export type PersonEvent =
  | PersonEnrolled
  | BirthRegistered
  | DeathRegistered
  | MarriageRegistered
  | DivorceRegistered
  | EducationRecorded
  | EmploymentStarted
  | EmploymentEnded
  | NameChanged
  | ResidenceChanged
  | Emigrated
  | Immigrated
  | NationalityGranted
  | IdentityCardIssued
  | IdentityCardReported
  | RecordCorrected
  | RegistrationAnnulled;

export type PersonEventType = PersonEvent['type'];

/** An event as the log holds it: its ID (corrections and annulments name it) and when it was stored. */
export interface RecordedPersonEvent<E extends PersonEvent = PersonEvent> {
  eventId: string;
  /** Instant the ledger stored it (ISO 8601 UTC): what `knownAt` compares against. */
  recordedAt: string;
  event: E;
}

/** The civil date of a fact in the person's life. */
export function occurredOn(event: PersonEvent): PartialDate {
  switch (event.type) {
    case 'PersonEnrolled':
    case 'BirthRegistered':
      return event.data.dateOfBirth;
    case 'DeathRegistered':
      return event.data.dateOfDeath;
    case 'MarriageRegistered':
    case 'DivorceRegistered':
    case 'EducationRecorded':
    case 'EmploymentStarted':
    case 'EmploymentEnded':
    case 'NameChanged':
    case 'ResidenceChanged':
    case 'Emigrated':
    case 'Immigrated':
    case 'NationalityGranted':
    case 'IdentityCardIssued':
    case 'IdentityCardReported':
    case 'RecordCorrected':
    case 'RegistrationAnnulled':
      return event.data.date;
    default: {
      const unreachable: never = event;
      throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}
