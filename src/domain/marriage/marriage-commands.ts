import type { CommandMetadata } from '../shared/command-metadata';
import type { PersonState } from '../person/person-state';

/**
 * Facts about two persons. The decision reads both spouses' states and returns the events for
 * each stream, keyed by national ID; the caller appends both atomically.
 */

/**
 * What the rules need from other streams about one spouse: known ancestry, enough to test
 * DOMAIN.md's prohibited degrees, and the deaths of earlier spouses, which end those marriages
 * (widowhood) and so free a place under the concurrent-spouse limit.
 */
export interface Kin {
  parents: string[];
  grandparents: string[];
  /** Date of death of each of this person's spouses who has died, keyed by national ID. */
  spouseDeaths: Record<string, string>;
}

export interface RegisterMarriage {
  type: 'RegisterMarriage';
  data: {
    marriageId: string;
    spouses: [PersonState, PersonState];
    /** Keyed by each spouse's national ID; loaded by the caller from the parents' streams. */
    kin: Record<string, Kin>;
    date: string;
    place: string;
    contractReference: string;
  };
  metadata: CommandMetadata;
}

export interface RegisterDivorce {
  type: 'RegisterDivorce';
  data: {
    marriageId: string;
    spouses: [PersonState, PersonState];
    date: string;
    courtReference: string;
  };
  metadata: CommandMetadata;
}

export type MarriageCommand = RegisterMarriage | RegisterDivorce;
