import { certainlyBefore, earliestDay, type CivilDate } from '../../shared/partial-date';
import { occurredOn, type PersonEvent } from '../person-events';
import { isAmendment, isRegistration } from '../person-facts';
import type { HistoryRule, Violation } from './rule';

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
  const violations: Violation[] = [];
  const counting = person.facts.filter((fact) => !fact.annulled);
  const deaths = counting.filter((fact) => fact.event.type === 'DeathRegistered');
  for (const later of deaths.slice(1)) {
    violations.push({
      code: 'DEATH.ALREADY_RECORDED',
      message: `The death of ${person.nationalId} is already recorded (fact ${deaths[0]!.eventId})`,
      facts: [later.eventId, deaths[0]!.eventId],
    });
  }
  for (const { eventId, event } of counting) {
    const future = inFuture(eventId, event, today);
    if (future) violations.push(future);
    if (isAmendment(event) || isRegistration(event)) continue;
    const date = occurredOn(event);
    if (certainlyBefore(date, person.dateOfBirth)) {
      violations.push({
        code: 'FACT.BEFORE_BIRTH',
        message: `${event.type} is dated ${date}, before the birth (${person.dateOfBirth})`,
        facts: [eventId],
      });
    }
    if (person.status === 'deceased' && event.type !== 'DeathRegistered' && certainlyBefore(person.dateOfDeath, date)) {
      violations.push({
        code: 'FACT.AFTER_DEATH',
        message: `${event.type} is dated ${date}, after the death (${person.dateOfDeath})`,
        facts: [eventId, person.deathEventId],
      });
    }
  }
  return violations;
};
