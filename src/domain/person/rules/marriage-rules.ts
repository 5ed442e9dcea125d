import { ageRange, type CivilDate } from '../../shared/partial-date';
import type { Marriage } from '../person-collections';
import type { DivorceRegistered } from '../person-events';
import { noViolations, withViolation, type HistoryRule, type RuleContext, type Violation } from './rule';

/** When a marriage stopped being current: divorce or the spouse's death, whichever came first. */
export function marriageEnd(marriage: Marriage, spouseDeaths: Record<string, CivilDate>): CivilDate | undefined {
  const divorced = marriage.divorce?.date;
  const widowed = spouseDeaths[marriage.spouseId];
  // The earlier of the two present, compared as texts (as a sort of the pair would), with no list made.
  if (!divorced) return widowed || undefined;
  return widowed && widowed < divorced ? widowed : divorced;
}

/** Current on `day`: married on or before it, not yet ended (a marriage ending that day is not). */
export function isCurrentOn(marriage: Marriage, day: CivilDate, spouseDeaths: Record<string, CivilDate>): boolean {
  const end = marriageEnd(marriage, spouseDeaths);
  return marriage.date <= day && (end === undefined || day < end);
}

/**
 * "Each aged at least [18]; not already married to each other; concurrent marriages at most
 * [M: 4, F: 1]" from one spouse's side. Counting at every marriage date, not only today, also
 * catches a late-registered marriage that would have overlapped later ones. Lists are made only
 * for what is found: the rules run twice a marriage, and most find nothing.
 */
export const marriageRules: HistoryRule = (person, { policy, spouseDeaths }) => {
  let found: Violation[] | undefined;
  const limit = policy.concurrentSpouses[person.sex];
  for (const marriage of person.marriages) {
    const age = ageRange(person.dateOfBirth, marriage.date);
    if (age.max < policy.minimumMarriageAge) {
      found = withViolation(found, {
        code: 'MARRIAGE.UNDER_AGE',
        message: `${person.nationalId} (born ${person.dateOfBirth}) is under ${policy.minimumMarriageAge} on ${marriage.date}`,
        facts: [marriage.eventId],
      });
    }
    let concurrent = 0;
    let again: Marriage | undefined;
    for (const other of person.marriages) {
      if (other === marriage || !isCurrentOn(other, marriage.date, spouseDeaths)) continue;
      concurrent++;
      if (!again && other.spouseId === marriage.spouseId) again = other;
    }
    if (again) {
      found = withViolation(found, {
        code: 'MARRIAGE.ALREADY_MARRIED',
        message: `${person.nationalId} is already married to ${marriage.spouseId} on ${marriage.date} (marriage ${again.marriageId})`,
        facts: [marriage.eventId, again.eventId],
      });
    }
    if (concurrent + 1 > limit) {
      const facts = [marriage.eventId];
      for (const other of person.marriages) if (other !== marriage && isCurrentOn(other, marriage.date, spouseDeaths)) facts.push(other.eventId);
      found = withViolation(found, {
        code: 'MARRIAGE.SPOUSE_LIMIT',
        message: `${person.nationalId} would have ${concurrent + 1} spouses on ${marriage.date}; the limit is ${limit}`,
        facts,
      });
    }
  }
  for (const { eventId, event, annulled } of person.facts) {
    if (event.type !== 'DivorceRegistered' || annulled) continue;
    const violation = divorceViolation(person.marriages, eventId, event.data, spouseDeaths);
    if (violation) found = withViolation(found, violation);
  }
  return found ?? noViolations;
};

/** "Divorce: the marriage exists and is current; dated on or after the marriage." */
function divorceViolation(marriages: Marriage[], eventId: string, data: DivorceRegistered['data'], spouseDeaths: RuleContext['spouseDeaths']): Violation | undefined {
  const marriage = marriages.find((m) => m.marriageId === data.marriageId);
  if (!marriage) return undefined;
  if (data.date < marriage.date) {
    return { code: 'DIVORCE.BEFORE_MARRIAGE', message: `The divorce (${data.date}) is dated before the marriage (${marriage.date})`, facts: [eventId, marriage.eventId] };
  }
  const spouseDied = spouseDeaths[marriage.spouseId];
  if (marriage.divorce!.eventId !== eventId || (spouseDied !== undefined && spouseDied <= data.date)) {
    return { code: 'DIVORCE.NOT_CURRENT', message: `Marriage ${data.marriageId} had already ended by ${data.date}`, facts: [eventId, marriage.eventId] };
  }
  return undefined;
}
