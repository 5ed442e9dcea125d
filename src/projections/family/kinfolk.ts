import type { PersonState, RegisteredPerson } from '../../domain/person/person-state';
import { compareDays, earliestDay } from '../../domain/shared/partial-date';

/**
 * The people around a person, each as their state at one read point. `childrenOf` may name
 * people who are not (or no longer) children of that parent: the states decide.
 */
export interface Kinfolk {
  person(nationalId: string): PersonState | undefined;
  childrenOf(nationalId: string): string[];
}

export type ParentRole = 'mother' | 'father';

export function registered(kin: Kinfolk, nationalId: string | undefined): RegisteredPerson | undefined {
  const state = nationalId === undefined ? undefined : kin.person(nationalId);
  return state && state.status !== 'unregistered' ? state : undefined;
}

/** Oldest first; the same day by national ID, so the order never depends on storage. */
export const byBirth = (a: RegisteredPerson, b: RegisteredPerson): number =>
  compareDays(earliestDay(a.dateOfBirth), earliestDay(b.dateOfBirth)) || compareDays(a.nationalId, b.nationalId);

/** The role in which `child`'s record names `parentId`, if it does. */
export function roleOf(child: RegisteredPerson, parentId: string): ParentRole | undefined {
  return child.motherId === parentId ? 'mother' : child.fatherId === parentId ? 'father' : undefined;
}

/** The registered people whose records name `parentId` as a parent, oldest first. */
export function childrenOf(kin: Kinfolk, parentId: string): RegisteredPerson[] {
  const children = new Map<string, RegisteredPerson>();
  for (const id of kin.childrenOf(parentId)) {
    const child = registered(kin, id);
    if (child && roleOf(child, parentId)) children.set(id, child);
  }
  return [...children.values()].sort(byBirth);
}

export type SiblingKind = 'full' | 'paternal-half' | 'maternal-half';

export interface Sibling {
  sibling: RegisteredPerson;
  kind: SiblingKind;
  /** The parents both records name. */
  shared: ParentRole[];
  /** Half siblings whose other parent one of the two records leaves unknown: not proven half. */
  otherParentUnknown: boolean;
}

/**
 * Full siblings share both parents; half siblings exactly one. An unknown parent proves nothing,
 * so sharing one parent with the other unknown is reported as half with `otherParentUnknown`.
 */
export function siblingsOf(kin: Kinfolk, person: RegisteredPerson): Sibling[] {
  const candidates = new Map<string, RegisteredPerson>();
  for (const parentId of [person.motherId, person.fatherId]) {
    if (parentId === undefined) continue;
    for (const child of childrenOf(kin, parentId)) if (child.nationalId !== person.nationalId) candidates.set(child.nationalId, child);
  }
  return [...candidates.values()].sort(byBirth).map((sibling) => {
    const shared: ParentRole[] = [];
    if (person.motherId !== undefined && sibling.motherId === person.motherId) shared.push('mother');
    if (person.fatherId !== undefined && sibling.fatherId === person.fatherId) shared.push('father');
    const kind: SiblingKind = shared.length === 2 ? 'full' : shared[0] === 'father' ? 'paternal-half' : 'maternal-half';
    const other = shared[0] === 'father' ? 'motherId' : 'fatherId';
    return { sibling, kind, shared, otherParentUnknown: kind !== 'full' && (person[other] === undefined || sibling[other] === undefined) };
  });
}
