import { occurredOn, type RecordedPersonEvent } from '../../domain/person/person-events';
import { factsOf, isAmendment } from '../../domain/person/person-facts';
import { stateOf, type PersonState } from '../../domain/person/person-state';
import { earliestDay, type CivilDate } from '../../domain/shared/partial-date';

/**
 * Where on the two time axes a read stands (DOMAIN.md, "Time"). `knownAt` is the recording axis:
 * only events stored at or before it, corrections and annulments included. `asOf` is the civil
 * axis: only facts that occurred on or before that day, judged on their dates as corrected.
 * Corrections and annulments are not filtered by `asOf`: they say what really happened (or that
 * a record was void from the start), so a birth date corrected in 2020 is the birth date on any
 * earlier day too; what the ledger said before the correction is a `knownAt` question.
 */
export interface ReadPoint {
  asOf?: CivilDate;
  /** ISO 8601 UTC instant. */
  knownAt?: string;
}

/**
 * The part of a person's log a read at `point` sees. A fact with a partial date (`1961`) counts
 * from the first day it may stand for, the order the history sorts it in.
 */
export function logAt(log: RecordedPersonEvent[], { asOf, knownAt }: ReadPoint): RecordedPersonEvent[] {
  const limit = knownAt === undefined ? undefined : Date.parse(knownAt);
  const known = limit === undefined ? log : log.filter(({ recordedAt }) => Date.parse(recordedAt) <= limit);
  if (asOf === undefined) return known;
  const later = new Set(
    factsOf(known)
      .filter(({ event }) => !isAmendment(event) && earliestDay(occurredOn(event)) > asOf)
      .map(({ eventId }) => eventId),
  );
  return known.filter(({ eventId }) => !later.has(eventId));
}

/** The person's state as a read at `point` sees it: the same state the deciders use. */
export function stateAt(log: RecordedPersonEvent[], point: ReadPoint): PersonState {
  return stateOf(logAt(log, point));
}

/** The civil day a read stands on: `asOf`, else the day of `knownAt` or of now, whichever is earlier. */
export function dayOf({ asOf, knownAt }: ReadPoint, now: string): CivilDate {
  if (asOf !== undefined) return asOf;
  const instant = knownAt !== undefined && Date.parse(knownAt) < Date.parse(now) ? knownAt : now;
  return new Date(instant).toISOString().slice(0, 10);
}
