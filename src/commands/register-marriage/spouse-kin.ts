import type { Kin } from '../../domain/marriage/marriage-commands';
import { kinOf, parentIds } from '../../domain/person/person-queries';
import type { PersonState } from '../../domain/person/person-state';
import type { PersonReads } from '../../ledger/person-states';
import { loadPersons, type LoadedPersons } from '../shared/several-persons';

/** Spouses of marriages no divorce ended: their deaths may have ended those marriages (widowhood). */
function undivorcedSpouses(state: PersonState): string[] {
  return state.status === 'unregistered' ? [] : state.marriages.filter((m) => !m.divorce).map((m) => m.spouseId);
}

/**
 * The kin the marriage rules read for each spouse: the parents' streams (for grandparents, so
 * uncle and niece are found) and the streams of spouses still married to them (for widowhood).
 * Everything loaded is added to `read`, so the append asserts none of it changed meanwhile.
 */
export async function loadSpouseKin(persons: PersonReads, spouses: string[], read: LoadedPersons): Promise<Record<string, Kin>> {
  const stateOf = (id: string): PersonState => read.get(id)!.state;
  await loadPersons(persons, spouses.flatMap((id) => [...parentIds(stateOf(id)), ...undivorcedSpouses(stateOf(id))]), read);
  return Object.fromEntries(
    spouses.map((id) => {
      const state = stateOf(id);
      return [id, kinOf(state, parentIds(state).map(stateOf), undivorcedSpouses(state).map(stateOf))];
    }),
  );
}
