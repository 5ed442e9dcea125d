import { RuleViolation } from '../../shared/domain-error';
import type { PersonEvent } from '../person-events';
import { evolve, type PersonState } from '../person-state';
import { birthParents } from './birth-parents';
import { employmentRules } from './employment-rules';
import { identityCardRules } from './identity-card-rules';
import { marriageRules } from './marriage-rules';
import { noViolations, type HistoryRule, type RuleContext, type Violation } from './rule';
import { timeline } from './timeline';

/** In the order refusals are reported when one decision breaks several rules. */
const rules: HistoryRule[] = [timeline, birthParents, marriageRules, employmentRules, identityCardRules];

/** The event ID the decision's own events carry while the rules judge them: the log assigns the real one. */
export const PENDING_EVENT_ID = '(this command)';

/**
 * Concatenated by a loop, not `flatMap`: every decision but a registration runs this at least
 * once, and most rules find nothing: nothing is copied then.
 */
export function violationsOf(state: PersonState, context: RuleContext): readonly Violation[] {
  if (state.status === 'unregistered') return noViolations;
  let found: readonly Violation[] = noViolations;
  for (const rule of rules) {
    const violations = rule(state, context);
    if (violations.length > 0) found = found.length === 0 ? violations : [...found, ...violations];
  }
  return found;
}

const keyOf = (violation: Violation) => `${violation.code} ${violation.facts.join(' ')}`;

/**
 * Throws unless appending `events` leaves a history with no violation the current one lacks.
 * Comparing with the current history, rather than demanding a spotless one, keeps a legacy record
 * that an older policy accepted open to new facts that do not touch the old problem.
 * `amendment` names the correction or annulment: its refusal names the rule it would break.
 */
export function assertKeepsRules(
  state: PersonState,
  events: PersonEvent[],
  context: RuleContext,
  amendment?: 'CORRECTION' | 'ANNULMENT',
): PersonState {
  const after = events.reduce((history, event) => evolve(history, { eventId: PENDING_EVENT_ID, recordedAt: '', event }), state);
  const found = violationsOf(after, context);
  // The current history's violations matter only when the new one has any (most decisions: none).
  const known = found.length === 0 ? undefined : new Set(violationsOf(state, context).map(keyOf));
  const broken = found.find((violation) => !known!.has(keyOf(violation)));
  if (broken && amendment) {
    throw new RuleViolation(`${amendment}.BREAKS_RULE`, `The ${amendment.toLowerCase()} would break ${broken.code}: ${broken.message}`, {
      rule: broken.code,
      facts: broken.facts,
    });
  }
  if (broken) throw new RuleViolation(broken.code, broken.message, { facts: broken.facts });
  return after;
}
