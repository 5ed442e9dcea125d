import type { PersonState, RegisteredPerson } from '../../domain/person/person-state';
import type { CivilDate, PartialDate } from '../../domain/shared/partial-date';
import type { PersonName } from '../../domain/shared/person-name';
import { spousesOf, type SpouseView } from '../identity-view/spouses-view';
import { childrenOf, registered, roleOf, siblingsOf, type Kinfolk, type ParentRole, type SiblingKind } from './kinfolk';

/** A relative as their record stands at the read point; only the ID when no record counts there. */
export interface RelativeView {
  nationalId: string;
  name?: PersonName;
  sex?: 'F' | 'M';
  dateOfBirth?: PartialDate;
  status?: 'alive' | 'deceased';
  dateOfDeath?: CivilDate;
}

export interface ParentView extends RelativeView {
  role: ParentRole;
}

export interface ChildView extends RelativeView {
  /** The role in which the child's record names this person. */
  as: ParentRole;
  /** The other parent the child's record names. */
  otherParentId?: string;
}

export interface SiblingView extends RelativeView {
  kind: SiblingKind;
  sharedParents: ParentRole[];
  otherParentUnknown?: true;
}

/** DOMAIN.md's family graph: parents, children, spouses current and past, full and half siblings. */
export interface FamilyView {
  nationalId: string;
  parents: ParentView[];
  children: ChildView[];
  spouses: SpouseView[];
  siblings: SiblingView[];
}

export function relativeView(nationalId: string, state: PersonState | undefined): RelativeView {
  if (!state || state.status === 'unregistered') return { nationalId };
  return {
    nationalId,
    name: state.name,
    sex: state.sex,
    dateOfBirth: state.dateOfBirth,
    status: state.status,
    ...(state.status === 'deceased' && { dateOfDeath: state.dateOfDeath }),
  };
}

/** The spouses, parents and children `familyOf` reads, beyond the person: what a loader must fetch. */
export function spouseAndParentIdsOf(person: RegisteredPerson): string[] {
  return [...person.marriages.map(({ spouseId }) => spouseId), ...[person.motherId, person.fatherId].filter((id): id is string => !!id)];
}

/** The family of `person`, every relative read from `kin` at the same read point. */
export function familyOf(person: RegisteredPerson, kin: Kinfolk): FamilyView {
  const parents: ParentView[] = (['mother', 'father'] as const).flatMap((role) => {
    const id = role === 'mother' ? person.motherId : person.fatherId;
    return id === undefined ? [] : [{ ...relativeView(id, registered(kin, id)), role }];
  });
  const children: ChildView[] = childrenOf(kin, person.nationalId).map((child) => {
    const as = roleOf(child, person.nationalId)!;
    const otherParentId = as === 'mother' ? child.fatherId : child.motherId;
    return { ...relativeView(child.nationalId, child), as, ...(otherParentId && { otherParentId }) };
  });
  const spouseStates = new Map<string, PersonState>();
  for (const { spouseId } of person.marriages) {
    const state = kin.person(spouseId);
    if (state) spouseStates.set(spouseId, state);
  }
  const siblings: SiblingView[] = siblingsOf(kin, person).map(({ sibling, kind, shared, otherParentUnknown }) => ({
    ...relativeView(sibling.nationalId, sibling),
    kind,
    sharedParents: shared,
    ...(otherParentUnknown && { otherParentUnknown: true as const }),
  }));
  return { nationalId: person.nationalId, parents, children, spouses: spousesOf(person, spouseStates), siblings };
}
