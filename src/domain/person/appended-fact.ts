import { appended } from '../shared/appended';
import { comparePartialDates } from '../shared/partial-date';
import { collectionsWithLast, type Collections } from './person-collections';
import { occurredOn, type RecordedPersonEvent } from './person-events';
import { isAmendment, isRegistration, uncorrected, type Fact } from './person-facts';
import { foldFact, withStatus, type Death, type PersonRecord, type PersonState, type RegisteredPerson } from './person-record';

/**
 * `stateOf([...state.log, recorded])` in the common case, without recomputing the stream: a new
 * fact (not a registration, correction or annulment) dated on or after every fact that counts,
 * so it comes last in civil-date order and is folded onto the state as the full recomputation
 * would fold it last. Undefined whenever the fact could change anything before it (dated earlier,
 * amending, or named by an amendment already in the log): the caller recomputes the stream then.
 */
export function appendedLast(state: RegisteredPerson, recorded: RecordedPersonEvent): PersonState | undefined {
  const { eventId, recordedAt, event } = recorded;
  if (isAmendment(event) || isRegistration(event)) return undefined;
  const date = occurredOn(event);
  for (const earlier of state.log) if (earlier.eventId === eventId || names(earlier, eventId)) return undefined;
  for (const fact of state.facts) {
    if (!fact.annulled && !isAmendment(fact.event) && comparePartialDates(occurredOn(fact.event), date) > 0) return undefined;
  }
  const fact: Fact = { eventId, recordedAt, event, annulled: false, correctedBy: uncorrected };
  const collections = collectionsWithLast(state, state.facts, fact);
  if (!collections) return undefined;
  // The record without its status and death (object rest with excluded keys takes V8's slow path:
  // two of them were 2 µs a fold); existing keys keep their places, as in the whole recomputation.
  const record = recordOf(state);
  for (const key in collections) record[key] = collections[key as keyof Collections];
  record.log = appended(state.log, recorded);
  record.facts = appended(state.facts, fact);
  const next = record as unknown as PersonRecord;
  return withStatus(next, foldFact(next, fact, deathOf(state)));
}

/**
 * The state's fields before `status`, in their order: `withStatus` puts status and death after
 * every other field, in both the whole recomputation and this fold, so they are the last keys.
 */
function recordOf(state: RegisteredPerson): Record<string, unknown> {
  const record = new RecordCopy(state) as unknown as Record<string, unknown>;
  // After the fields every record opens with come those a fold added (residence, emigration).
  let at = 0;
  for (const key in state) {
    if (at++ < openingFields) continue;
    if (key === 'status') break;
    record[key] = state[key as keyof RegisteredPerson];
  }
  return record;
}

/** How many fields `stateOf`'s record literal opens every state with. */
const openingFields = 17;

/**
 * A plain object (prototype `Object.prototype`) holding the fields every record opens with, in
 * `stateOf`'s order, assigned by name: V8 sizes the objects a function constructs for the fields
 * its body assigns, so the record, its status and death and a residence fit inside the object.
 * Copied from `{}` or an empty constructor they spilled past ten into a second array grown three
 * at a time, reallocated two or three times a fold.
 */
const RecordCopy = function RecordCopy(this: PersonRecord, state: PersonRecord) {
  this.log = state.log;
  this.facts = state.facts;
  this.nationalId = state.nationalId;
  this.registrationEventId = state.registrationEventId;
  this.name = state.name;
  this.sex = state.sex;
  this.dateOfBirth = state.dateOfBirth;
  this.placeOfBirth = state.placeOfBirth;
  this.nationalities = state.nationalities;
  this.residency = state.residency;
  this.motherId = state.motherId;
  this.fatherId = state.fatherId;
  this.motherName = state.motherName;
  this.marriages = state.marriages;
  this.employments = state.employments;
  this.cards = state.cards;
  this.education = state.education;
} as unknown as { new (state: PersonRecord): PersonRecord; prototype: object };
RecordCopy.prototype = Object.prototype;

/** An amendment of the log naming the new fact's ID would apply to it. */
function names({ event }: RecordedPersonEvent, eventId: string): boolean {
  return (
    (event.type === 'RecordCorrected' && event.data.correctedEventId === eventId) ||
    (event.type === 'RegistrationAnnulled' && event.data.annulledEventId === eventId)
  );
}

function deathOf(state: RegisteredPerson): Death | undefined {
  return state.status === 'deceased' ? { dateOfDeath: state.dateOfDeath, placeOfDeath: state.placeOfDeath, deathEventId: state.deathEventId } : undefined;
}
