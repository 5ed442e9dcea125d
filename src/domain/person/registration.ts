import { Conflict, NotFound } from '../shared/domain-error';
import { parseNationalId } from '../shared/national-id';
import type { MotherName } from '../shared/person-name';
import { withoutKeys } from '../shared/without-keys';
import type { EnrolPerson, RegisterBirth } from './person-commands';
import type { BirthRegistered, PersonEnrolled } from './person-events';
import type { PersonState, RegisteredPerson } from './person-state';

/** A national ID is never reused: not even one whose registration was annulled. */
export function assertUnused(state: PersonState, nationalId: string): void {
  parseNationalId(nationalId);
  if (state.log.length > 0) {
    throw new Conflict('PERSON.ALREADY_REGISTERED', `National ID ${nationalId} is already in use`, { nationalId });
  }
}

export function requireRegistered(state: PersonState, nationalId = state.nationalId): RegisteredPerson {
  if (state.status === 'unregistered') {
    throw new NotFound('PERSON.NOT_FOUND', `No person is registered under national ID ${nationalId ?? '(none)'}`, { nationalId });
  }
  return state;
}

/** The state the caller loaded for a parent the fact names; a 400 for a malformed ID comes first. */
export function requireParent(
  id: string | undefined,
  parent: PersonState | undefined,
  role: 'mother' | 'father',
): RegisteredPerson | undefined {
  if (id === undefined) return undefined;
  parseNationalId(id, `${role}Id`);
  if (parent?.status === 'alive' || parent?.status === 'deceased') {
    if (parent.nationalId === id) return parent;
  }
  throw new NotFound('PERSON.NOT_FOUND', `The ${role} ${id} is not registered`, { nationalId: id, role });
}

function motherNameOf({ name }: RegisteredPerson): MotherName {
  return { given: name.given, father: name.father, grandfather: name.grandfather, family: name.family };
}

/** The parents' states the caller loaded for the IDs a registration names. */
export interface ParentStates {
  mother?: PersonState;
  father?: PersonState;
}

/** The child takes the father's nationality when a father is given, else the mother's. */
export const birthOf = (command: RegisterBirth, state: PersonState): BirthRegistered => birthFrom(factData(command.data) as BirthRegistered['data'], command.data, state);

/**
 * `birthOf` on `data`, the event's data as the caller copied it from the command (the parents'
 * states left out, given beside): filled in here and kept as the event's. The bulk path copies a
 * command's data once, to replace its references to persons, and hands that copy over.
 */
export function birthFrom(data: BirthRegistered['data'], { mother, father }: ParentStates, state: PersonState): BirthRegistered {
  assertUnused(state, data.nationalId);
  const knownMother = requireParent(data.motherId, mother, 'mother')!;
  const knownFather = requireParent(data.fatherId, father, 'father');
  data.nationality = (knownFather ?? knownMother).nationalities[0]!;
  data.motherName = motherNameOf(knownMother);
  return { type: 'BirthRegistered', data };
}

/** An enrolment that names a mother but not her name takes it from her record. */
export const enrolmentOf = (command: EnrolPerson, state: PersonState): PersonEnrolled => enrolmentFrom(factData(command.data) as PersonEnrolled['data'], command.data, state);

/** `enrolmentOf` on the caller's copy of the command's data, as `birthFrom`. */
export function enrolmentFrom(data: PersonEnrolled['data'], { mother, father }: ParentStates, state: PersonState): PersonEnrolled {
  assertUnused(state, data.nationalId);
  const knownMother = requireParent(data.motherId, mother, 'mother');
  requireParent(data.fatherId, father, 'father');
  const motherName = data.motherName ?? (knownMother && motherNameOf(knownMother));
  if (motherName) data.motherName = motherName;
  return { type: 'PersonEnrolled', data };
}

const parentStates = new Set(['mother', 'father']);

/**
 * The command's data without the parents' states, in key order; a field set on it afterwards
 * keeps its place if the command had it, as a spread would. Object rest and a spread copied the
 * data twice, the rest on V8's slow path (every new person of a bulk load passes here).
 */
const factData = (data: EnrolPerson['data'] | RegisterBirth['data']) => withoutKeys(data, parentStates);
