import type { PersonEvent, RecordedPersonEvent } from '../../domain/person/person-events';

const PARENT_FIELDS = ['motherId', 'fatherId'];

const nationalIds = (values: unknown[]): string[] => values.filter((value): value is string => typeof value === 'string');

/**
 * Every person an event names as a parent: in a birth or enrolment as recorded, or in a
 * correction's values before and after. The union over a log holds every parent the person had
 * at any read point; which of them counts there is for the state at that point to say.
 */
export function parentsEverNamed(event: PersonEvent): string[] {
  switch (event.type) {
    case 'BirthRegistered':
    case 'PersonEnrolled':
      return nationalIds([event.data.motherId, event.data.fatherId]);
    case 'RecordCorrected':
      return nationalIds(
        event.data.changes.filter(({ field }) => PARENT_FIELDS.includes(field)).flatMap(({ from, to }) => [from, to]),
      );
    default:
      return [];
  }
}

/**
 * Every person a log names as a spouse, once each, annulled marriages included: a superset, never
 * missing one. A list rather than a set: most logs name none, and few name more than one.
 */
export function spousesEverNamed(log: RecordedPersonEvent[]): string[] {
  const ids: string[] = [];
  for (const { event } of log) if (event.type === 'MarriageRegistered' && !ids.includes(event.data.spouseId)) ids.push(event.data.spouseId);
  return ids;
}
