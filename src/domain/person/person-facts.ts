import { comparePartialDates } from '../shared/partial-date';
import {
  occurredOn,
  type BirthRegistered,
  type PersonEnrolled,
  type PersonEvent,
  type RecordCorrected,
  type RecordedPersonEvent,
  type RegistrationAnnulled,
} from './person-events';

/** One recorded fact as it now stands. */
export interface Fact<E extends PersonEvent = PersonEvent> {
  eventId: string;
  recordedAt: string;
  /** The event with every effective correction applied to its data. */
  event: E;
  annulled: boolean;
  /** IDs of the effective corrections applied, in the order recorded. */
  correctedBy: string[];
}

export type Amendment = RecordCorrected | RegistrationAnnulled;

/** Corrections and annulments change other facts; they say nothing about the person themselves. */
export function isAmendment(event: PersonEvent): event is Amendment {
  return event.type === 'RecordCorrected' || event.type === 'RegistrationAnnulled';
}

export type Registration = BirthRegistered | PersonEnrolled;

/** The fact that opens a person's record: a birth or an enrolment. */
export function isRegistration(event: PersonEvent): event is Registration {
  return event.type === 'BirthRegistered' || event.type === 'PersonEnrolled';
}

/**
 * The log's events as they now stand. An annulled correction no longer applies; annulments are
 * final (an annulment cannot itself be annulled), so one pass settles every fact.
 */
export function factsOf(log: RecordedPersonEvent[]): Fact[] {
  const annulled = new Set(
    log.flatMap(({ event }) => (event.type === 'RegistrationAnnulled' ? [event.data.annulledEventId] : [])),
  );
  const facts = new Map<string, Fact>(
    log.map(({ eventId, recordedAt, event }) => [
      eventId,
      { eventId, recordedAt, event, annulled: annulled.has(eventId), correctedBy: [] },
    ]),
  );
  for (const { eventId, event } of log) {
    const target = event.type === 'RecordCorrected' ? facts.get(event.data.correctedEventId) : undefined;
    if (event.type !== 'RecordCorrected' || !target || annulled.has(eventId)) continue;
    const data = { ...target.event.data } as Record<string, unknown>;
    for (const change of event.data.changes) data[change.field] = change.to;
    target.event = { ...target.event, data } as PersonEvent;
    target.correctedBy = [...target.correctedBy, eventId];
  }
  return [...facts.values()];
}

/** The facts that still count about the person, in civil-date order (ties in recording order). */
export function effectiveFacts(facts: Fact[]): Fact[] {
  return facts
    .filter((fact) => !fact.annulled && !isAmendment(fact.event))
    .sort((a, b) => comparePartialDates(occurredOn(a.event), occurredOn(b.event)));
}

export function factById(facts: Fact[], eventId: string): Fact | undefined {
  return facts.find((fact) => fact.eventId === eventId);
}
