import type { Projection } from '../../src/read-models/projection';
import type { Document } from '../../src/read-models/read-model.port';

/**
 * The event tally as a projection of some version: each document also names the version that
 * built it, so a model left from another version differs from a rebuild, and a count of
 * applications above 1 shows an event applied twice.
 */
export function versionedTally(version?: number): Projection {
  return {
    name: 'versioned-tally',
    version,
    collections: [{ name: 'versioned-tally', indexes: [['applied']] }],
    async apply(events, unitOfWork) {
      for (const event of events) {
        const seen = await unitOfWork.get<Document & { applied: number }>('versioned-tally', event.id);
        unitOfWork.put('versioned-tally', { id: event.id, position: event.position, applied: (seen?.applied ?? 0) + 1, builtBy: version ?? 1 });
      }
    },
  };
}

/** The same projection declaring another version (its documents unchanged). */
export const atVersion = (projection: Projection, version: number): Projection => ({
  name: projection.name,
  version,
  collections: projection.collections,
  eventTypes: projection.eventTypes,
  apply: (events, unitOfWork) => projection.apply(events, unitOfWork),
});

/** Each projection one version up: a model they built before is stale to these. */
export const raised = (projections: Projection[]): Projection[] =>
  projections.map((projection) =>
    projection.name === 'versioned-tally' ? versionedTally((projection.version ?? 1) + 1) : atVersion(projection, (projection.version ?? 1) + 1),
  );
