import { certainlyBefore, earliestDay } from '../../shared/partial-date';
import { occurredOn } from '../person-events';
import { isAmendment, isRegistration } from '../person-facts';
import type { HistoryRule, Violation } from './rule';

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
    const date = occurredOn(event);
    if (earliestDay(date) > today) {
      violations.push({ code: 'FACT.IN_FUTURE', message: `${event.type} is dated ${date}, in the future`, facts: [eventId] });
    }
    if (isAmendment(event) || isRegistration(event)) continue;
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
