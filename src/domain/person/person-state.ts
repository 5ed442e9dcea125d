import { appended } from '../shared/appended';
import { collectionsOf } from './person-collections';
import type { RecordedPersonEvent } from './person-events';
import { appendedLast } from './appended-fact';
import { effectiveFacts, factsOf, isRegistration, type Fact, type Registration } from './person-facts';
import { foldFact, withStatus, type Death, type PersonRecord, type PersonState } from './person-record';

export type { Fact } from './person-facts';
export type { Marriage, Employment, IdentityCard, EducationEntry } from './person-collections';
export type {
  AlivePerson,
  DeceasedPerson,
  PersonRecord,
  PersonState,
  PersonStatus,
  RegisteredPerson,
  UnregisteredPerson,
} from './person-record';

/**
 * A person's state keeps the recorded facts and recomputes every attribute from the facts that
 * still count: a correction (RecordCorrected) rewrites the named fact's data, an annulment
 * (RegistrationAnnulled) stops it counting, and a late-recorded fact takes its place in civil-date
 * order. Recomputing is simpler than undoing, and a person's stream is short.
 */

export const initialState: PersonState = { status: 'unregistered', log: [], facts: [] };

/** The state after one more recorded event: the last fact folded on when it is the latest, else the whole stream again. */
export function evolve(state: PersonState, recorded: RecordedPersonEvent): PersonState {
  return (state.status !== 'unregistered' && appendedLast(state, recorded)) || stateOf(appended(state.log, recorded));
}

/** The state after a whole stream, every attribute recomputed from the facts that count. */
export function stateOf(log: RecordedPersonEvent[]): PersonState {
  const facts = factsOf(log);
  const counting = effectiveFacts(facts);
  const registration = registrationOf(counting);
  if (!registration) {
    const annulled = log.find(({ event }) => isRegistration(event))?.event as Registration | undefined;
    return { status: 'unregistered', log, facts, ...(annulled && { nationalId: annulled.data.nationalId }) };
  }
  const { data } = registration.event;
  const { marriages, employments, cards, education } = collectionsOf(counting);
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
    marriages,
    employments,
    cards,
    education,
  };
  let death: Death | undefined;
  for (const fact of counting) death = foldFact(person, fact, death);
  return withStatus(person, death);
}

/** The first registration among `facts`, by a loop (a `find` made a closure at every fold from scratch). */
function registrationOf(facts: Fact[]): Fact<Registration> | undefined {
  for (const fact of facts) if (isRegistration(fact.event)) return fact as Fact<Registration>;
  return undefined;
}
