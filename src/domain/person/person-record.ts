import type { CivilDate, PartialDate } from '../shared/partial-date';
import type { MotherName, PersonName } from '../shared/person-name';
import type { Collections } from './person-collections';
import type { RecordedPersonEvent, Residency, Sex } from './person-events';
import type { Fact } from './person-facts';

/** What a person's state is made of, and how one counting fact changes it. */

export interface StreamHistory {
  /** Every event of the stream, in the order recorded: decisions replay hypotheses on it. */
  log: RecordedPersonEvent[];
  /** The same events as they now stand (corrections applied, annulments marked). */
  facts: Fact[];
}

/** No registration counts: an empty stream, or one whose birth or enrolment was annulled. */
export interface UnregisteredPerson extends StreamHistory {
  status: 'unregistered';
  nationalId?: string;
}

/** What every registered person's state holds, alive or deceased. */
export interface PersonRecord extends StreamHistory, Collections {
  nationalId: string;
  /** The birth or enrolment fact that registered the person. */
  registrationEventId: string;
  name: PersonName;
  sex: Sex;
  dateOfBirth: PartialDate;
  placeOfBirth: string;
  /** The nationality at registration first, then those granted. */
  nationalities: string[];
  residency: Residency;
  /** Area code of the current residence, once a residence change or immigration is recorded. */
  residence?: string;
  /** Set while the person lives abroad (emigrated and not yet immigrated back). */
  emigration?: { country: string; date: CivilDate };
  motherId?: string;
  fatherId?: string;
  motherName?: MotherName;
}

export interface AlivePerson extends PersonRecord {
  status: 'alive';
}

export interface DeceasedPerson extends PersonRecord {
  status: 'deceased';
  dateOfDeath: CivilDate;
  placeOfDeath: string;
  deathEventId: string;
}

export type RegisteredPerson = AlivePerson | DeceasedPerson;
export type PersonState = UnregisteredPerson | RegisteredPerson;
export type PersonStatus = PersonState['status'];

export type Death = Pick<DeceasedPerson, 'dateOfDeath' | 'placeOfDeath' | 'deathEventId'>;

/**
 * The record made a state, in place, the status and death after its fields as a copy would put
 * them: both callers (`stateOf`, `appendedLast`) build the record for the one state they return.
 * A copy of the record `appendedLast` builds key by key takes V8's slow path: 2 µs a folded fact,
 * more than the rest of the fold.
 */
export function withStatus(person: PersonRecord, death: Death | undefined): RegisteredPerson {
  // Assigned field by field, in the order a copy would put them: no object made to be copied in.
  const state = person as RegisteredPerson;
  if (!death) {
    state.status = 'alive';
    return state;
  }
  const deceased = state as DeceasedPerson;
  deceased.status = 'deceased';
  deceased.dateOfDeath = death.dateOfDeath;
  deceased.placeOfDeath = death.placeOfDeath;
  deceased.deathEventId = death.deathEventId;
  return deceased;
}

/** Folds one counting fact (in civil-date order) onto the person's attributes; answers the death that counts. */
export function foldFact(person: PersonRecord, { eventId, event }: Fact, death: Death | undefined): Death | undefined {
  switch (event.type) {
    case 'NameChanged':
      person.name = event.data.name;
      break;
    case 'ResidenceChanged':
      person.residence = event.data.area;
      break;
    case 'Emigrated':
      person.emigration = { country: event.data.country, date: event.data.date };
      break;
    case 'Immigrated':
      person.residence = event.data.area;
      person.emigration = undefined;
      break;
    case 'NationalityGranted':
      if (!person.nationalities.includes(event.data.nationality)) {
        person.nationalities = [...person.nationalities, event.data.nationality];
      }
      break;
    case 'DeathRegistered':
      // A second death is refused by the rules; the first in civil-date order counts.
      return death ?? { dateOfDeath: event.data.dateOfDeath, placeOfDeath: event.data.placeOfDeath, deathEventId: eventId };
    case 'PersonEnrolled':
    case 'BirthRegistered':
    case 'MarriageRegistered':
    case 'DivorceRegistered':
    case 'EducationRecorded':
    case 'EmploymentStarted':
    case 'EmploymentEnded':
    case 'IdentityCardIssued':
    case 'IdentityCardReported':
    case 'RecordCorrected':
    case 'RegistrationAnnulled':
      break;
    default: {
      const unreachable: never = event;
      throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
    }
  }
  return death;
}
