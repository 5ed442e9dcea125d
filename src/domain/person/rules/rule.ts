import type { JurisdictionPolicy } from '../../policy/jurisdiction-policy';
import type { CivilDate } from '../../shared/partial-date';
import type { PersonState, RegisteredPerson } from '../person-state';

/** One way a person's history breaks a rule, pinned to the facts involved. */
export interface Violation {
  /** Stable rule code, as in docs/rules.md. */
  code: string;
  message: string;
  /** The event IDs of the facts that break it, the offending fact first. */
  facts: string[];
}

export interface RuleContext {
  policy: JurisdictionPolicy;
  /** The latest civil date at the instant of the command (see `latestCivilDateAt`). */
  today: CivilDate;
  /** Other persons the rules may read (the parents on a birth), keyed by national ID. */
  relatives: Record<string, PersonState>;
  /** Dates of death of the person's spouses, keyed by national ID: widowhood ends a marriage. */
  spouseDeaths: Record<string, CivilDate>;
}

/**
 * A rule reads a whole history and lists what breaks it. Checking histories rather than commands
 * lets one check serve new facts and corrections alike: a decision is refused when the history it
 * would leave has a violation the current history does not.
 */
export type HistoryRule = (person: RegisteredPerson, context: RuleContext) => readonly Violation[];

/**
 * What a rule that finds nothing answers, shared: rules run over every history a decision would
 * leave (twice a marriage), and almost all find nothing. Frozen: no caller adds to a rule's list.
 */
export const noViolations: readonly Violation[] = Object.freeze([]);

/** `found` with one more violation, the list made at the first. */
export function withViolation(found: Violation[] | undefined, violation: Violation): Violation[] {
  if (!found) return [violation];
  found.push(violation);
  return found;
}
