import type { RecordedPersonEvent } from '../../domain/person/person-events';
import type { CollectionDefinition } from '../../read-models/read-model.port';
import type { IdentityCardView, IdentityView } from '../identity-view/identity-view';

/** What the `persons` projection keeps: each person's log, their current view, and parent-child edges. */

export const PERSON_LOG = 'person-log';
export const CURRENT_IDENTITY = 'identity-current';
export const KINSHIP = 'kinship';

/**
 * Every event of a person's stream as recorded (upcast), in log order: reads at `asOf` or
 * `knownAt` cut it with the same functions the replay used, without touching the log.
 */
export interface PersonLogDocument {
  [key: string]: unknown;
  id: string;
  events: RecordedPersonEvent[];
}

/**
 * The identity view for the common read (no `asOf`, no `knownAt`), kept true across streams: a
 * spouse's death or change of name rewrites it. The valid card depends on the day read, so the
 * cards that may be valid are kept beside the view and chosen at read time.
 */
export interface CurrentIdentityDocument {
  [key: string]: unknown;
  id: string;
  view: Omit<IdentityView, 'identityCard'>;
  cards: IdentityCardView[];
}

/**
 * A parent-child edge: the child's log has named `personId` as a parent at some point (as
 * recorded or by a correction). Edges are only ever added; a read checks the child's state at its
 * read point, so a correction that removed a parent, or a `knownAt` before it, is answered right.
 */
export interface KinshipDocument {
  [key: string]: unknown;
  id: string;
  personId: string;
  relatedId: string;
  relation: 'child';
}

export const kinshipId = (parentId: string, childId: string): string => `${parentId}>${childId}`;

export const personCollections: CollectionDefinition[] = [
  { name: PERSON_LOG, indexes: [] },
  { name: CURRENT_IDENTITY, indexes: [] },
  { name: KINSHIP, indexes: [['personId']] },
];
