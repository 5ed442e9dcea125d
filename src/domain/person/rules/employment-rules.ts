import { factsOfType } from '../person-collections';
import type { HistoryRule, Violation } from './rule';

/** "Employment end: the employment exists and is open; ends on or after it began." */
export const employmentRules: HistoryRule = (person) =>
  factsOfType(person.facts, 'EmploymentEnded')
    .filter((end) => !end.annulled)
    .flatMap(({ eventId, event: { data } }): Violation[] => {
      const employment = person.employments.find((e) => e.employmentId === data.employmentId);
      if (!employment) return [];
      if (data.date < employment.startedOn) {
        return [{
          code: 'EMPLOYMENT.END_BEFORE_START',
          message: `Employment ${data.employmentId} cannot end on ${data.date}, before it began (${employment.startedOn})`,
          facts: [eventId, employment.eventId],
        }];
      }
      if (employment.ended!.eventId !== eventId) {
        return [{
          code: 'EMPLOYMENT.NOT_OPEN',
          message: `Employment ${data.employmentId} already ended on ${employment.ended!.date}`,
          facts: [eventId, employment.ended!.eventId],
        }];
      }
      return [];
    });
