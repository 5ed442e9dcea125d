import type { EmploymentEnded } from '../person-events';
import { noViolations, withViolation, type HistoryRule, type Violation } from './rule';
import type { Employment } from '../person-collections';

/**
 * "Employment end: the employment exists and is open; ends on or after it began." A loop over the
 * facts, no filtered lists: the rules run over every history a decision would leave.
 */
export const employmentRules: HistoryRule = (person) => {
  let found: Violation[] | undefined;
  for (const { eventId, event, annulled } of person.facts) {
    if (event.type !== 'EmploymentEnded' || annulled) continue;
    const violation = endViolation(person.employments, eventId, event.data);
    if (violation) found = withViolation(found, violation);
  }
  return found ?? noViolations;
};

function endViolation(employments: Employment[], eventId: string, data: EmploymentEnded['data']): Violation | undefined {
  const employment = employments.find((e) => e.employmentId === data.employmentId);
  if (!employment) return undefined;
  if (data.date < employment.startedOn) {
    return {
      code: 'EMPLOYMENT.END_BEFORE_START',
      message: `Employment ${data.employmentId} cannot end on ${data.date}, before it began (${employment.startedOn})`,
      facts: [eventId, employment.eventId],
    };
  }
  if (employment.ended!.eventId !== eventId) {
    return {
      code: 'EMPLOYMENT.NOT_OPEN',
      message: `Employment ${data.employmentId} already ended on ${employment.ended!.date}`,
      facts: [eventId, employment.ended!.eventId],
    };
  }
  return undefined;
}
