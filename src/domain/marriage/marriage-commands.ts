import type { CommandMetadata } from '../shared/command-metadata';
import type { PersonState } from '../person/person-state';

/**
 * Facts about two persons. The decision reads both spouses' states and returns the events for
 * each stream, keyed by national ID; the caller appends both atomically.
 */

/** A spouse's known ancestry, enough to test DOMAIN.md's prohibited degrees. */
export interface Kin {
  parents: string[];
  grandparents: string[];
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
