import { certainlyBefore, earliestDay, type CivilDate } from '../../shared/partial-date';
import { occurredOn, type PersonEvent } from '../person-events';
import { isAmendment, isRegistration, type Fact } from '../person-facts';
import { noViolations, withViolation, type HistoryRule, type Violation } from './rule';

/** "No fact is dated in the future": with a partial date, only when its earliest possible day is. */
export function inFuture(eventId: string, event: PersonEvent, today: CivilDate): Violation | undefined {
  const date = occurredOn(event);
  if (earliestDay(date) <= today) return undefined;
  return { code: 'FACT.IN_FUTURE', message: `${event.type} is dated ${date}, in the future`, facts: [eventId] };
}

/**
 * "No fact is dated in the future, or before the person's birth." "Death is recorded once. After
 * it, only corrections, annulments, and facts dated before the death." With partial dates a rule
 * is broken only when it certainly is: before birth means before the earliest possible birth day.
 */
export const timeline: HistoryRule = (person, { today }) => {
  // Loops over the facts, no filtered lists: the rules run over every history a decision leaves.
  let found: Violation[] | undefined;
  let firstDeath: Fact | undefined;
  for (const fact of person.facts) {
    if (fact.annulled || fact.event.type !== 'DeathRegistered') continue;
    if (!firstDeath) firstDeath = fact;
    else {
      found = withViolation(found, {
        code: 'DEATH.ALREADY_RECORDED',
        message: `The death of ${person.nationalId} is already recorded (fact ${firstDeath.eventId})`,
        facts: [fact.eventId, firstDeath.eventId],
      });
    }
  }
  for (const { eventId, event, annulled } of person.facts) {
    if (annulled) continue;
    const future = inFuture(eventId, event, today);
    if (future) found = withViolation(found, future);
    if (isAmendment(event) || isRegistration(event)) continue;
    const date = occurredOn(event);
    if (certainlyBefore(date, person.dateOfBirth)) {
      found = withViolation(found, { code: 'FACT.BEFORE_BIRTH', message: `${event.type} is dated ${date}, before the birth (${person.dateOfBirth})`, facts: [eventId] });
    }
    if (person.status === 'deceased' && event.type !== 'DeathRegistered' && certainlyBefore(person.dateOfDeath, date)) {
      found = withViolation(found, {
        code: 'FACT.AFTER_DEATH',
        message: `${event.type} is dated ${date}, after the death (${person.dateOfDeath})`,
        facts: [eventId, person.deathEventId],
      });
    }
  }
  return found ?? noViolations;
};
