import { ageRange, certainlyBefore, daysBetween, earliestDay, type PartialDate } from '../../shared/partial-date';
import type { JurisdictionPolicy } from '../../policy/jurisdiction-policy';
import { isRegistration, type Registration } from '../person-facts';
import type { PersonState, RegisteredPerson } from '../person-state';
import { noViolations, withViolation, type HistoryRule, type Violation } from './rule';

/**
 * "Birth: the mother exists, is female, alive on the birth date, aged [10–65]. The father, when
 * given, exists, is male, alive on the birth date or died at most [300] days before it." The same
 * holds for the parents an enrolment names. A parent is judged only when the caller passed their
 * state in `relatives` (the decision demands it whenever the birth or its parents change).
 */
export const birthParents: HistoryRule = (person, { relatives, policy }) => {
  for (const fact of person.facts) {
    if (fact.eventId !== person.registrationEventId || !isRegistration(fact.event)) continue;
    const { motherId, fatherId } = fact.event.data;
    return parentViolations(fact.eventId, fact.event, motherId ? relatives[motherId] : undefined, fatherId ? relatives[fatherId] : undefined, policy);
  }
  throw new Error(`${person.nationalId} has no registration ${person.registrationEventId}`);
};

/**
 * What the rule finds about the parents a registration (as it now stands) names, given the states
 * loaded for them. The list is made at the first finding: every registration of a bulk load
 * passes here, and almost none breaks a rule.
 */
export function parentViolations(
  eventId: string,
  registration: Registration,
  mother: PersonState | undefined,
  father: PersonState | undefined,
  policy: JurisdictionPolicy,
): readonly Violation[] {
  const born = registration.data.dateOfBirth;
  let found: Violation[] | undefined;
  if (mother?.status === 'alive' || mother?.status === 'deceased') found = motherViolations(eventId, born, mother, policy, found);
  if (father?.status === 'alive' || father?.status === 'deceased') found = fatherViolations(eventId, born, father, policy, found);
  return found ?? noViolations;
}

function motherViolations(eventId: string, born: PartialDate, mother: RegisteredPerson, policy: JurisdictionPolicy, found: Violation[] | undefined) {
  if (mother.sex !== 'F') found = withViolation(found, { code: 'BIRTH.MOTHER_NOT_FEMALE', message: `The mother ${mother.nationalId} is not recorded as female`, facts: [eventId] });
  if (mother.status === 'deceased' && certainlyBefore(mother.dateOfDeath, born)) {
    found = withViolation(found, {
      code: 'BIRTH.MOTHER_DECEASED',
      message: `The mother ${mother.nationalId} died on ${mother.dateOfDeath}, before the birth (${born})`,
      facts: [eventId],
    });
  }
  const age = ageRange(mother.dateOfBirth, born);
  if (age.max < policy.motherAge.min || age.min > policy.motherAge.max) {
    found = withViolation(found, {
      code: 'BIRTH.MOTHER_AGE',
      message: `The mother ${mother.nationalId} (born ${mother.dateOfBirth}) is not aged ${policy.motherAge.min}–${policy.motherAge.max} on ${born}`,
      facts: [eventId],
    });
  }
  return found;
}

function fatherViolations(eventId: string, born: PartialDate, father: RegisteredPerson, policy: JurisdictionPolicy, found: Violation[] | undefined) {
  if (father.sex !== 'M') found = withViolation(found, { code: 'BIRTH.FATHER_NOT_MALE', message: `The father ${father.nationalId} is not recorded as male`, facts: [eventId] });
  if (father.status === 'deceased' && daysBetween(father.dateOfDeath, earliestDay(born)) > policy.posthumousBirthDays) {
    found = withViolation(found, {
      code: 'BIRTH.FATHER_DECEASED',
      message: `The father ${father.nationalId} died on ${father.dateOfDeath}, more than ${policy.posthumousBirthDays} days before the birth (${born})`,
      facts: [eventId],
    });
  }
  return found;
}
