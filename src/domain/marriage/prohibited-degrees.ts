import type { Kin } from './marriage-commands';

export type ProhibitedRelation = 'parent-child' | 'grandparent-grandchild' | 'siblings' | 'uncle-aunt-niece-nephew';

/** What the family graph tells about one spouse: their ID, parents and grandparents. */
export interface Lineage {
  id: string;
  parents: string[];
  grandparents: string[];
}

export function lineageOf(id: string, parents: Array<string | undefined>, kin: Kin | undefined): Lineage {
  return { id, parents: withKnown(withKnown([], parents), kin?.parents), grandparents: withKnown([], kin?.grandparents) };
}

/**
 * `ids` with the known IDs of `list` not in it yet, in order. A loop over lists of a few IDs, not
 * a filtered, concatenated list made a set and spread back: objects for the collector, four lists
 * a marriage, thousands of marriages a bulk load.
 */
function withKnown(ids: string[], list: Array<string | undefined> | undefined): string[] {
  if (list) for (const id of list) if (id && !ids.includes(id)) ids.push(id);
  return ids;
}

const shares = (a: string[], b: string[]) => a.some((id) => b.includes(id));

/**
 * DOMAIN.md's prohibited degrees as far as the family graph knows them: parent and child,
 * grandparent and grandchild, full or half siblings (a shared parent), uncle or aunt and niece
 * or nephew (one's parent is the other's grandparent). An unknown parent proves nothing.
 */
export function prohibitedRelation(a: Lineage, b: Lineage): ProhibitedRelation | undefined {
  if (a.parents.includes(b.id) || b.parents.includes(a.id)) return 'parent-child';
  if (a.grandparents.includes(b.id) || b.grandparents.includes(a.id)) return 'grandparent-grandchild';
  if (shares(a.parents, b.parents)) return 'siblings';
  if (shares(a.parents, b.grandparents) || shares(b.parents, a.grandparents)) return 'uncle-aunt-niece-nephew';
  return undefined;
}
