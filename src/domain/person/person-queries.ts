import { keyedById } from '../shared/keyed-by-id';
import type { CivilDate } from '../shared/partial-date';
import type { Kin } from '../marriage/marriage-commands';
import type { IdentityCard, Marriage } from './person-collections';
import type { Fact } from './person-facts';
import type { PersonState } from './person-state';
import { isValidOn } from './rules/identity-card-rules';
import { isCurrentOn } from './rules/marriage-rules';

/** What command handlers and projections ask of a state, so none of them re-derives it. */

export function parentIds(state: PersonState): string[] {
  return state.status === 'unregistered' ? [] : knownIds(state.motherId, state.fatherId);
}

/**
 * The IDs given that are known, in one list of exactly their number, no list filtered: a bulk
 * load asks this for the parents of every new person, and six times a marriage.
 */
export function knownIds(first: string | undefined, second: string | undefined): string[] {
  if (first === undefined) return second === undefined ? [] : [second];
  return second === undefined ? [first] : [first, second];
}

export function marriageById(state: PersonState, marriageId: string): Marriage | undefined {
  return state.status === 'unregistered' ? undefined : state.marriages.find((m) => m.marriageId === marriageId);
}

/** Marriages current on `day`; a spouse's death (`spouseDeaths`, by national ID) ends one. */
export function currentMarriages(state: PersonState, day: CivilDate, spouseDeaths: Record<string, CivilDate> = {}): Marriage[] {
  return state.status === 'unregistered' ? [] : state.marriages.filter((m) => isCurrentOn(m, day, spouseDeaths));
}

/** The card valid on `day` (issued, not expired, not reported), if any: at most one exists. */
export function validCardOn(state: PersonState, day: CivilDate): IdentityCard | undefined {
  return state.status === 'unregistered' ? undefined : state.cards.find((card) => isValidOn(card, day));
}

/**
 * A marriage or divorce is recorded in both spouses' streams: the fact in the spouse's stream that
 * matches `fact` (same type and marriage ID), which a correction or annulment must change too.
 */
export function counterpartFact(fact: Fact, spouse: PersonState): Fact | undefined {
  const { event } = fact;
  if (event.type !== 'MarriageRegistered' && event.type !== 'DivorceRegistered') return undefined;
  return spouse.facts.find(
    (other) => other.event.type === event.type && other.event.data.marriageId === event.data.marriageId,
  );
}

/**
 * No spouse's death, shared: most persons a marriage reads have none, and a null-prototype object
 * is a hash table of a few hundred bytes (two a bulk marriage). Frozen: the rules only read it.
 */
const noDeaths: Record<string, CivilDate> = Object.freeze(keyedById<CivilDate>());

/**
 * The `Kin` a marriage command carries for one spouse, from the states the handler loaded: the
 * person's parents (for grandparents) and spouses (for widowhood).
 */
export function kinOf(state: PersonState, parents: PersonState[], spouses: PersonState[]): Kin {
  let spouseDeaths = noDeaths;
  for (const spouse of spouses) {
    if (spouse.status !== 'deceased') continue;
    if (spouseDeaths === noDeaths) spouseDeaths = keyedById<CivilDate>();
    spouseDeaths[spouse.nationalId] = spouse.dateOfDeath;
  }
  // Without parents there are no grandparents: no set and no lists made to find none (a bulk marriage's spouses seldom have any).
  const grandparents = parents.length === 0 ? [] : [...new Set(parents.flatMap(parentIds))];
  return { parents: parentIds(state), grandparents, spouseDeaths };
}
