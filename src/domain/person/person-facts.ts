import { appended } from '../shared/appended';
import { compareDays, earliestDay, latestDay } from '../shared/partial-date';
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
  correctedBy: readonly string[];
}

/**
 * The `correctedBy` of every fact no correction names (almost all): one frozen array shared, not
 * an empty one per fact kept with every state.
 */
export const uncorrected: readonly string[] = Object.freeze([]);

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
 * final (an annulment cannot itself be annulled), so one pass settles every fact. A fact is kept
 * once per event ID, at its first place and as last recorded: decisions replay hypotheses that
 * share one pending ID.
 */
export function factsOf(log: RecordedPersonEvent[]): Fact[] {
  const annulled = annulledIds(log);
  const facts: Fact[] = [];
  const places = log.length > shortLog ? new Map<string, number>() : undefined;
  for (const { eventId, recordedAt, event } of log) {
    const fact: Fact = { eventId, recordedAt, event, annulled: annulled?.has(eventId) ?? false, correctedBy: uncorrected };
    const place = placeOf(facts, places, eventId);
    if (place === undefined) {
      places?.set(eventId, facts.length);
      facts.push(fact);
    } else facts[place] = fact;
  }
  for (const { eventId, event } of log) {
    if (event.type !== 'RecordCorrected' || annulled?.has(eventId)) continue;
    const place = placeOf(facts, places, event.data.correctedEventId);
    if (place === undefined) continue;
    const target = facts[place]!;
    const data = { ...target.event.data } as Record<string, unknown>;
    for (const change of event.data.changes) data[change.field] = change.to;
    target.event = { ...target.event, data } as PersonEvent;
    target.correctedBy = appended(target.correctedBy, eventId);
  }
  return facts;
}

/**
 * Up to this many events a fact's place is found by a look along the facts, without a map: most
 * streams are that short, and a bulk load folds thousands of them a second.
 */
const shortLog = 8;

/** The place of the fact of `eventId`: from `places` when the log is long enough to have one. */
function placeOf(facts: Fact[], places: Map<string, number> | undefined, eventId: string): number | undefined {
  if (places) return places.get(eventId);
  for (let at = 0; at < facts.length; at++) if (facts[at]!.eventId === eventId) return at;
  return undefined;
}

/** The IDs the log's annulments name; undefined when it holds none, as most streams. */
function annulledIds(log: RecordedPersonEvent[]): Set<string> | undefined {
  let annulled: Set<string> | undefined;
  for (const { event } of log) if (event.type === 'RegistrationAnnulled') (annulled ??= new Set()).add(event.data.annulledEventId);
  return annulled;
}

/** The facts that still count about the person, in civil-date order (ties in recording order). */
export function effectiveFacts(facts: Fact[]): Fact[] {
  const counting = facts.filter((fact) => !fact.annulled && !isAmendment(fact.event));
  return counting.length < 2 ? counting : inCivilDateOrder(counting);
}

/**
 * The facts, a fresh array, sorted in place by `comparePartialDates` of their dates, with each
 * fact's first day worked out once rather than at every comparison (the last day only breaks
 * ties). An insertion sort: stable, and a comparison a fact for a stream recorded in date order,
 * as most are, without the work arrays of `Array.prototype.sort`.
 */
function inCivilDateOrder(facts: Fact[]): Fact[] {
  const earliest = facts.map(({ event }) => earliestDay(occurredOn(event)));
  for (let i = 1; i < facts.length; i++) {
    const fact = facts[i]!;
    const day = earliest[i]!;
    let place = i;
    for (; place > 0 && isLater(facts[place - 1]!, earliest[place - 1]!, fact, day); place--) {
      facts[place] = facts[place - 1]!;
      earliest[place] = earliest[place - 1]!;
    }
    facts[place] = fact;
    earliest[place] = day;
  }
  return facts;
}

function isLater(a: Fact, aEarliest: string, b: Fact, bEarliest: string): boolean {
  return (compareDays(aEarliest, bEarliest) || compareDays(latestDay(occurredOn(a.event)), latestDay(occurredOn(b.event)))) > 0;
}

export function factById(facts: Fact[], eventId: string): Fact | undefined {
  return facts.find((fact) => fact.eventId === eventId);
}
