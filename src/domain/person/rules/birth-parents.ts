import { ageRange, certainlyBefore, daysBetween, earliestDay, type PartialDate } from '../../shared/partial-date';
import { isRegistration, type Fact, type Registration } from '../person-facts';
import type { RegisteredPerson } from '../person-state';
import type { HistoryRule, RuleContext, Violation } from './rule';

/**
 * "Birth: the mother exists, is female, alive on the birth date, aged [10–65]. The father, when
 * given, exists, is male, alive on the birth date or died at most [300] days before it." The same
 * holds for the parents an enrolment names. A parent is judged only when the caller passed their
 * state in `relatives` (the decision demands it whenever the birth or its parents change).
 */
export const birthParents: HistoryRule = (person, context) => {
  const registration = person.facts.find(
    (fact): fact is Fact<Registration> => fact.eventId === person.registrationEventId && isRegistration(fact.event),
  )!;
  return parentViolations(registration.eventId, registration.event, context);
};

/** What the rule finds about the parents a registration (as it now stands) names. */
export function parentViolations(eventId: string, registration: Registration, context: RuleContext): Violation[] {
  const { motherId, fatherId, dateOfBirth: born } = registration.data;
  const mother = motherId ? context.relatives[motherId] : undefined;
  const father = fatherId ? context.relatives[fatherId] : undefined;
  const refuse = (code: string, message: string): Violation => ({ code, message, facts: [eventId] });
  const violations: Violation[] = [];
  if (mother?.status === 'alive' || mother?.status === 'deceased') {
    violations.push(...motherViolations(born, mother, context).map(([code, message]) => refuse(code, message)));
  }
  if (father?.status === 'alive' || father?.status === 'deceased') {
    violations.push(...fatherViolations(born, father, context).map(([code, message]) => refuse(code, message)));
  }
  return violations;
}

type Finding = [code: string, message: string];

function motherViolations(born: PartialDate, mother: RegisteredPerson, { policy }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  if (mother.sex !== 'F') findings.push(['BIRTH.MOTHER_NOT_FEMALE', `The mother ${mother.nationalId} is not recorded as female`]);
  if (mother.status === 'deceased' && certainlyBefore(mother.dateOfDeath, born)) {
    findings.push(['BIRTH.MOTHER_DECEASED', `The mother ${mother.nationalId} died on ${mother.dateOfDeath}, before the birth (${born})`]);
  }
  const age = ageRange(mother.dateOfBirth, born);
  if (age.max < policy.motherAge.min || age.min > policy.motherAge.max) {
    findings.push([
      'BIRTH.MOTHER_AGE',
      `The mother ${mother.nationalId} (born ${mother.dateOfBirth}) is not aged ${policy.motherAge.min}–${policy.motherAge.max} on ${born}`,
    ]);
  }
  return findings;
}

function fatherViolations(born: PartialDate, father: RegisteredPerson, { policy }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  if (father.sex !== 'M') findings.push(['BIRTH.FATHER_NOT_MALE', `The father ${father.nationalId} is not recorded as male`]);
  if (father.status === 'deceased' && daysBetween(father.dateOfDeath, earliestDay(born)) > policy.posthumousBirthDays) {
    findings.push([
      'BIRTH.FATHER_DECEASED',
      `The father ${father.nationalId} died on ${father.dateOfDeath}, more than ${policy.posthumousBirthDays} days before the birth (${born})`,
    ]);
  }
  return findings;
}
