import type { DeceasedPerson, PersonState, RegisteredPerson } from '../../domain/person/person-state';
import { daysBetween, earliestDay, type CivilDate } from '../../domain/shared/partial-date';
import type { PersonName } from '../../domain/shared/person-name';
import { relativeView, type RelativeView } from '../family/family-view';
import { childrenOf, registered, siblingsOf, type Kinfolk, type ParentRole } from '../family/kinfolk';
import { deathEvidence, marriageEvidence, namingEvidence, type Evidence } from './heir-evidence';

export type HeirRelation = 'spouse' | 'child' | 'descendant' | 'mother' | 'father' | 'full-sibling' | 'paternal-half-sibling' | 'maternal-half-sibling';

/** A child of the deceased (or of a descendant) who died on or before the deceased's death day. */
export interface PredeceasedLink {
  nationalId: string;
  name: PersonName;
  dateOfDeath: CivilDate;
}

export interface Heir extends RelativeView {
  relation: HeirRelation;
  /** Spouses: the marriage that lasted until the death. */
  marriageId?: string;
  /** Descendants: the predeceased line from the deceased's child down to the heir's parent. */
  through?: PredeceasedLink[];
  /** Born after the death, conceived before it: the father died at most the policy's days before the birth. */
  posthumous?: true;
  /** Half siblings whose other parent one record leaves unknown: not proven half. */
  otherParentUnknown?: true;
  /** The facts that prove the relation, the deaths in the line, and the heir's own later death. */
  evidence: Evidence[];
}

export interface HeirsView {
  nationalId: string;
  name: PersonName;
  dateOfDeath: CivilDate;
  death: Evidence;
  heirs: Heir[];
}

/**
 * Survived the deceased: alive, or died on a later day. Two deaths on the same day prove no
 * order, so neither inherits from the other; the court may decide otherwise on evidence.
 */
const survives = (state: PersonState, death: CivilDate): state is RegisteredPerson =>
  state.status === 'alive' || (state.status === 'deceased' && state.dateOfDeath > death);

/**
 * Alive at the death: born on or before it, or born after it of a father who had died by then and
 * at most `posthumousDays` before the birth (the window the birth rules allow: in the womb).
 */
function presence(kin: Kinfolk, person: RegisteredPerson, death: CivilDate, posthumousDays: number): 'born' | 'posthumous' | undefined {
  const born = earliestDay(person.dateOfBirth);
  if (born <= death) return 'born';
  const father = registered(kin, person.fatherId);
  if (father?.status !== 'deceased' || father.dateOfDeath > death) return undefined;
  return daysBetween(father.dateOfDeath, born) <= posthumousDays ? 'posthumous' : undefined;
}

const laterDeath = (heir: RegisteredPerson): Evidence[] => (heir.status === 'deceased' ? [deathEvidence(heir)] : []);

/** DOMAIN.md's heirs of a deceased person as of the day of death; the shares are the court's. */
export function heirsOf(deceased: DeceasedPerson, kin: Kinfolk, posthumousDays: number): HeirsView {
  const death = deceased.dateOfDeath;
  const heir = (person: RegisteredPerson, relation: HeirRelation, evidence: Evidence[], extra: Partial<Heir> = {}): Heir => ({
    ...relativeView(person.nationalId, person),
    relation,
    ...extra,
    evidence: [...evidence, ...laterDeath(person)],
  });

  const spouses = deceased.marriages.flatMap(({ marriageId, spouseId, date, divorce }) => {
    const spouse = registered(kin, spouseId);
    if (!spouse || date > death || (divorce && divorce.date <= death) || !survives(spouse, death)) return [];
    return [heir(spouse, 'spouse', marriageEvidence(deceased, spouse, marriageId), { marriageId })];
  });

  /** The heirs in the line of `parent`'s children: the survivors, and for the predeceased their own line. */
  const line = (parent: RegisteredPerson, through: DeceasedPerson[], evidence: Evidence[]): Heir[] =>
    childrenOf(kin, parent.nationalId).flatMap((child) => {
      const present = presence(kin, child, death, posthumousDays);
      if (!present) return [];
      const role: ParentRole = child.motherId === parent.nationalId ? 'mother' : 'father';
      const proof = [...evidence, ...namingEvidence(child, role)];
      if (survives(child, death)) {
        const links = through.map(({ nationalId, name, dateOfDeath }) => ({ nationalId, name, dateOfDeath }));
        return [
          heir(child, through.length === 0 ? 'child' : 'descendant', proof, {
            ...(through.length > 0 && { through: links }),
            ...(present === 'posthumous' && { posthumous: true as const }),
          }),
        ];
      }
      const predeceased = child as DeceasedPerson;
      return line(predeceased, [...through, predeceased], [...proof, deathEvidence(predeceased)]);
    });
  const descendants = line(deceased, [], []);

  const parents = (['mother', 'father'] as const).flatMap((role) => {
    const parent = registered(kin, role === 'mother' ? deceased.motherId : deceased.fatherId);
    return parent && survives(parent, death) ? [heir(parent, role, namingEvidence(deceased, role))] : [];
  });

  const siblings = siblingsOf(kin, deceased)
    .filter(({ sibling }) => presence(kin, sibling, death, posthumousDays) !== undefined && survives(sibling, death))
    .map(({ sibling, kind, shared, otherParentUnknown }) =>
      heir(sibling, `${kind}-sibling`, shared.flatMap((role) => [...namingEvidence(deceased, role), ...namingEvidence(sibling, role)]), {
        ...(otherParentUnknown && { otherParentUnknown: true as const }),
        ...(presence(kin, sibling, death, posthumousDays) === 'posthumous' && { posthumous: true as const }),
      }),
    );
  const siblingOrder: HeirRelation[] = ['full-sibling', 'paternal-half-sibling', 'maternal-half-sibling'];
  siblings.sort((a, b) => siblingOrder.indexOf(a.relation) - siblingOrder.indexOf(b.relation));

  return {
    nationalId: deceased.nationalId,
    name: deceased.name,
    dateOfDeath: death,
    death: deathEvidence(deceased),
    heirs: [...spouses, ...descendants.filter((h) => h.relation === 'child'), ...descendants.filter((h) => h.relation === 'descendant'), ...parents, ...siblings],
  };
}

/**
 * Who a loader must read for `heirsOf` first: spouses and parents (`persons`), and the children of
 * the deceased and of each parent (`parents`); then the children of every predeceased descendant.
 */
export function heirRelativesOf(deceased: RegisteredPerson): { persons: string[]; parents: string[] } {
  const parents = [deceased.motherId, deceased.fatherId].filter((id): id is string => !!id);
  return { persons: [...deceased.marriages.map(({ spouseId }) => spouseId), ...parents], parents: [deceased.nationalId, ...parents] };
}

