import type { Marriage } from '../../domain/person/person-collections';
import { factById } from '../../domain/person/person-facts';
import type { PersonState, RegisteredPerson } from '../../domain/person/person-state';
import type { CivilDate } from '../../domain/shared/partial-date';
import type { PersonName } from '../../domain/shared/person-name';

export type MaritalStatus = 'single' | 'married' | 'divorced' | 'widowed';

/** How a marriage ended: a divorce, or the spouse's death (widowhood). */
export type MarriageEnd =
  | { how: 'divorce'; date: CivilDate; courtReference: string; eventId: string }
  | { how: 'death-of-spouse'; date: CivilDate };

export interface SpouseView {
  marriageId: string;
  spouseId: string;
  /** The spouse's current name, when the spouse's record is found at the same read point. */
  spouseName?: PersonName;
  date: CivilDate;
  place: string;
  contractReference: string;
  eventId: string;
  /** `current` for a deceased person means the marriage lasted until their death. */
  status: 'current' | 'divorced' | 'widowed';
  ended?: MarriageEnd;
}

/**
 * The death of a spouse that ended this marriage: only a death before the person's own (or on the
 * same day) makes them a widow or widower.
 */
function spouseDeath(person: RegisteredPerson, spouse: PersonState | undefined): CivilDate | undefined {
  if (spouse?.status !== 'deceased') return undefined;
  if (person.status === 'deceased' && spouse.dateOfDeath > person.dateOfDeath) return undefined;
  return spouse.dateOfDeath;
}

function endOf(person: RegisteredPerson, marriage: Marriage, spouse: PersonState | undefined): MarriageEnd | undefined {
  const death = spouseDeath(person, spouse);
  const divorce = marriage.divorce;
  if (divorce && (death === undefined || divorce.date <= death)) {
    const fact = factById(person.facts, divorce.eventId);
    const courtReference = fact?.event.type === 'DivorceRegistered' ? fact.event.data.courtReference : '';
    return { how: 'divorce', date: divorce.date, courtReference, eventId: divorce.eventId };
  }
  return death === undefined ? undefined : { how: 'death-of-spouse', date: death };
}

/**
 * Every marriage that counts, current and past, with how each ended; `spouses` keyed by national
 * ID. Built key by key, as the identity view is (see identityWithoutCardOf).
 */
export function spousesOf(person: RegisteredPerson, spouses: ReadonlyMap<string, PersonState>): SpouseView[] {
  return person.marriages.map((marriage) => {
    const spouse = spouses.get(marriage.spouseId);
    const fact = factById(person.facts, marriage.eventId);
    const ended = endOf(person, marriage, spouse);
    const view: Partial<SpouseView> = { marriageId: marriage.marriageId, spouseId: marriage.spouseId };
    if (spouse && spouse.status !== 'unregistered') view.spouseName = spouse.name;
    view.date = marriage.date;
    view.place = marriage.place;
    view.contractReference = fact?.event.type === 'MarriageRegistered' ? fact.event.data.contractReference : '';
    view.eventId = marriage.eventId;
    view.status = ended === undefined ? 'current' : ended.how === 'divorce' ? 'divorced' : 'widowed';
    if (ended) view.ended = ended;
    return view as SpouseView;
  });
}

/** Married while any marriage is current; otherwise the way the last marriage to end ended. */
export function maritalStatusOf(spouses: SpouseView[]): MaritalStatus {
  if (spouses.length === 0) return 'single';
  if (spouses.some(({ status }) => status === 'current')) return 'married';
  const last = [...spouses].sort((a, b) => (a.ended!.date < b.ended!.date ? -1 : a.ended!.date > b.ended!.date ? 1 : 0)).at(-1)!;
  return last.status === 'widowed' ? 'widowed' : 'divorced';
}
