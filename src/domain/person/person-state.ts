import type { CivilDate, PartialDate } from '../shared/partial-date';
import type { MotherName, PersonName } from '../shared/person-name';
import { collectionsOf, type Collections } from './person-collections';
import type { RecordedPersonEvent, Residency, Sex } from './person-events';
import { appendedLast } from './appended-fact';
import { effectiveFacts, factsOf, isRegistration, type Fact, type Registration } from './person-facts';

export type { Fact } from './person-facts';
export type { Marriage, Employment, IdentityCard, EducationEntry } from './person-collections';

/**
 * A person's state keeps the recorded facts and recomputes every attribute from the facts that
 * still count: a correction (RecordCorrected) rewrites the named fact's data, an annulment
 * (RegistrationAnnulled) stops it counting, and a late-recorded fact takes its place in civil-date
 * order. Recomputing is simpler than undoing, and a person's stream is short.
 */

interface StreamHistory {
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

export const initialState: PersonState = { status: 'unregistered', log: [], facts: [] };

/** The state after one more recorded event: the last fact folded on when it is the latest, else the whole stream again. */
export function evolve(state: PersonState, recorded: RecordedPersonEvent): PersonState {
  return (state.status !== 'unregistered' && appendedLast(state, recorded)) || stateOf([...state.log, recorded]);
}

/** The state after a whole stream, every attribute recomputed from the facts that count. */
export function stateOf(log: RecordedPersonEvent[]): PersonState {
  const facts = factsOf(log);
  const counting = effectiveFacts(facts);
  const registration = counting.find((fact): fact is Fact<Registration> => isRegistration(fact.event));
  if (!registration) {
    const annulled = log.find(({ event }) => isRegistration(event))?.event as Registration | undefined;
    return { status: 'unregistered', log, facts, ...(annulled && { nationalId: annulled.data.nationalId }) };
  }
  const { data } = registration.event;
  const person: PersonRecord = {
    log,
    facts,
    nationalId: data.nationalId,
    registrationEventId: registration.eventId,
    name: data.name,
    sex: data.sex,
    dateOfBirth: data.dateOfBirth,
    placeOfBirth: data.placeOfBirth,
    nationalities: [data.nationality],
    residency: registration.event.type === 'PersonEnrolled' ? registration.event.data.residency : 'citizen',
    motherId: data.motherId,
    fatherId: data.fatherId,
    motherName: data.motherName,
    ...collectionsOf(counting),
  };
  let death: Death | undefined;
  for (const fact of counting) death = foldFact(person, fact, death);
  return withStatus(person, death);
}

export type Death = Pick<DeceasedPerson, 'dateOfDeath' | 'placeOfDeath' | 'deathEventId'>;

export function withStatus(person: PersonRecord, death: Death | undefined): RegisteredPerson {
  return death ? { ...person, status: 'deceased', ...death } : { ...person, status: 'alive' };
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
