import type { JurisdictionPolicy } from '../policy/jurisdiction-policy';
import { RuleViolation } from '../shared/domain-error';
import type { CommandMetadata } from '../shared/command-metadata';
import { latestCivilDateAt } from '../shared/partial-date';
import { assertValidFact } from './fact-values';
import type { EnrolPerson, RegisterBirth } from './person-commands';
import type { BirthRegistered, PersonEnrolled, PersonEvent } from './person-events';
import type { PersonState } from './person-state';
import { birthFrom, birthOf, enrolmentFrom, enrolmentOf, type ParentStates } from './registration';
import { parentViolations } from './rules/birth-parents';
import { assertWithinJurisdiction } from './rules/jurisdiction';
import { PENDING_EVENT_ID } from './rules/keeps-rules';
import { inFuture } from './rules/timeline';

/**
 * `decide` for a birth or an enrolment, with the same events and the same refusals, without
 * building the state of the history the rules would judge. A registration is recorded only on an
 * empty stream (else PERSON.ALREADY_REGISTERED), and over a history of that one fact the rules
 * can find only two things, in the order `decide` reports them: the registration dated in the
 * future, and the parents' rules. Bulk imports decide mostly new persons; this spares each one a
 * state and a run of every rule (`registration-decide.property.unit.spec.ts` checks it against
 * `decide`).
 */
export function decideRegistration(command: EnrolPerson | RegisterBirth, state: PersonState, policy: JurisdictionPolicy): PersonEvent[] {
  const event = command.type === 'EnrolPerson' ? enrolmentOf(command, state) : birthOf(command, state);
  return judged(event, command.data, state, command.metadata, policy);
}

/**
 * `decideRegistration` on `data`, the event's data as the caller copied it from the command, the
 * parents' states given beside: filled in and kept as the event's (`birthFrom`). The bulk path's
 * copy, which replaced the command's references to persons, is the only one.
 */
export function decideRegistrationFrom(
  type: (EnrolPerson | RegisterBirth)['type'],
  data: PersonEnrolled['data'] | BirthRegistered['data'],
  parents: ParentStates,
  state: PersonState,
  metadata: CommandMetadata,
  policy: JurisdictionPolicy,
): PersonEvent[] {
  const event = type === 'EnrolPerson' ? enrolmentFrom(data as PersonEnrolled['data'], parents, state) : birthFrom(data as BirthRegistered['data'], parents, state);
  return judged(event, parents, state, metadata, policy);
}

/**
 * The parents' states go to their rule as given, not keyed by ID into an object of their own
 * with a rule context around it (a null-prototype object, about 0.4 µs, for every new person).
 */
function judged(event: PersonEnrolled | BirthRegistered, { mother, father }: ParentStates, state: PersonState, metadata: CommandMetadata, policy: JurisdictionPolicy): PersonEvent[] {
  assertValidFact(event);
  assertWithinJurisdiction(event, state, metadata, policy);
  const { motherId, fatherId } = event.data;
  const broken =
    inFuture(PENDING_EVENT_ID, event, latestCivilDateAt(metadata.now)) ??
    parentViolations(PENDING_EVENT_ID, event, motherId ? mother : undefined, fatherId ? father : undefined, policy)[0];
  if (broken) throw new RuleViolation(broken.code, broken.message, { facts: broken.facts });
  return [event];
}
