import type { PersonEventType } from '../../domain/person/person-events';
import type { Fact } from '../../domain/person/person-facts';
import type { DeceasedPerson, RegisteredPerson } from '../../domain/person/person-state';
import type { ParentRole } from '../family/kinfolk';

/** One recorded fact that proves part of a relation: where it is recorded, its ID and type. */
export interface Evidence {
  nationalId: string;
  eventId: string;
  type: PersonEventType;
}

const evidenceOf = (nationalId: string, { eventId, event }: Fact): Evidence => ({ nationalId, eventId, type: event.type });

/**
 * The facts by which `child`'s record names its parent in `role`: the birth or enrolment, and any
 * correction still in force that set that parent.
 */
export function namingEvidence(child: RegisteredPerson, role: ParentRole): Evidence[] {
  const field = role === 'mother' ? 'motherId' : 'fatherId';
  const registration = child.facts.find(({ eventId }) => eventId === child.registrationEventId)!;
  const corrections = child.facts.filter(
    ({ eventId, event }) => registration.correctedBy.includes(eventId) && event.type === 'RecordCorrected' && event.data.changes.some((c) => c.field === field),
  );
  return [registration, ...corrections].map((fact) => evidenceOf(child.nationalId, fact));
}

export function deathEvidence(person: DeceasedPerson): Evidence {
  return { nationalId: person.nationalId, eventId: person.deathEventId, type: 'DeathRegistered' };
}

/** The marriage as recorded in each spouse's stream. */
export function marriageEvidence(person: RegisteredPerson, spouse: RegisteredPerson, marriageId: string): Evidence[] {
  const recorded = (of: RegisteredPerson) =>
    of.facts.filter(({ event, annulled }) => !annulled && event.type === 'MarriageRegistered' && event.data.marriageId === marriageId).map((fact) => evidenceOf(of.nationalId, fact));
  return [...recorded(person), ...recorded(spouse)];
}
