import { ageRange, type CivilDate } from '../../shared/partial-date';
import { factsOfType, type Marriage } from '../person-collections';
import type { DivorceRegistered } from '../person-events';
import type { Fact } from '../person-facts';
import type { HistoryRule, RuleContext, Violation } from './rule';

/** When a marriage stopped being current: divorce or the spouse's death, whichever came first. */
export function marriageEnd(marriage: Marriage, spouseDeaths: Record<string, CivilDate>): CivilDate | undefined {
  const ends = [marriage.divorce?.date, spouseDeaths[marriage.spouseId]].filter((d): d is CivilDate => !!d);
  return ends.sort()[0];
}

/** Current on `day`: married on or before it, not yet ended (a marriage ending that day is not). */
export function isCurrentOn(marriage: Marriage, day: CivilDate, spouseDeaths: Record<string, CivilDate>): boolean {
  const end = marriageEnd(marriage, spouseDeaths);
  return marriage.date <= day && (end === undefined || day < end);
}

/**
 * "Each aged at least [18]; not already married to each other; concurrent marriages at most
 * [M: 4, F: 1]" from one spouse's side. Counting at every marriage date, not only today, also
 * catches a late-registered marriage that would have overlapped later ones.
 */
export const marriageRules: HistoryRule = (person, { policy, spouseDeaths }) => {
  const violations: Violation[] = [];
  const limit = policy.concurrentSpouses[person.sex];
  for (const marriage of person.marriages) {
    const age = ageRange(person.dateOfBirth, marriage.date);
    if (age.max < policy.minimumMarriageAge) {
      violations.push({
        code: 'MARRIAGE.UNDER_AGE',
        message: `${person.nationalId} (born ${person.dateOfBirth}) is under ${policy.minimumMarriageAge} on ${marriage.date}`,
        facts: [marriage.eventId],
      });
    }
    const others = person.marriages.filter((m) => m !== marriage && isCurrentOn(m, marriage.date, spouseDeaths));
    const again = others.find((m) => m.spouseId === marriage.spouseId);
    if (again) {
      violations.push({
        code: 'MARRIAGE.ALREADY_MARRIED',
        message: `${person.nationalId} is already married to ${marriage.spouseId} on ${marriage.date} (marriage ${again.marriageId})`,
        facts: [marriage.eventId, again.eventId],
      });
    }
    if (others.length + 1 > limit) {
      violations.push({
        code: 'MARRIAGE.SPOUSE_LIMIT',
        message: `${person.nationalId} would have ${others.length + 1} spouses on ${marriage.date}; the limit is ${limit}`,
        facts: [marriage.eventId, ...others.map((m) => m.eventId)],
      });
    }
  }
  const divorces = divorceViolations(person.marriages, factsOfType(person.facts, 'DivorceRegistered'), spouseDeaths);
  // Joined only when both found some: the rules run twice a marriage, and most find nothing.
  return divorces.length === 0 ? violations : violations.length === 0 ? divorces : [...violations, ...divorces];
};

/** "Divorce: the marriage exists and is current; dated on or after the marriage." */
function divorceViolations(marriages: Marriage[], divorces: Array<Fact<DivorceRegistered>>, spouseDeaths: RuleContext['spouseDeaths']): Violation[] {
  return divorces
    .filter((divorce) => !divorce.annulled)
    .flatMap(({ eventId, event: { data } }): Violation[] => {
      const marriage = marriages.find((m) => m.marriageId === data.marriageId);
      if (!marriage) return [];
      if (data.date < marriage.date) {
        return [{ code: 'DIVORCE.BEFORE_MARRIAGE', message: `The divorce (${data.date}) is dated before the marriage (${marriage.date})`, facts: [eventId, marriage.eventId] }];
      }
      const spouseDied = spouseDeaths[marriage.spouseId];
      if (marriage.divorce!.eventId !== eventId || (spouseDied !== undefined && spouseDied <= data.date)) {
        return [{ code: 'DIVORCE.NOT_CURRENT', message: `Marriage ${data.marriageId} had already ended by ${data.date}`, facts: [eventId, marriage.eventId] }];
      }
      return [];
    });
}
