import { NotFound } from '../../domain/shared/domain-error';
import { newEventId } from '../../event-store/event-id';
import type { EventStore, StreamWrite } from '../../event-store/event-store.port';

/**
 * Which two persons a marriage ID joins, so a divorce can be sent by marriage ID alone. A system
 * stream per marriage, written with `no_stream` in the same atomic append as both spouses' facts:
 * it exists exactly when the marriage was recorded, and a drawn ID that collided with an issued
 * one is refused by the store rather than joining two marriages. Read by ID in one call, from the
 * log itself, so a divorce never waits for a projection to catch up.
 */
export const marriageStreamId = (marriageId: string): string => `$marriage-${marriageId}`;

interface MarriageSpouses {
  marriageId: string;
  spouses: [string, string];
}

/** `eventId` is for a bulk caller that issues its own IDs (an import writes the same ones on every run); else a UUIDv7. */
export function marriageSpousesWrite(marriageId: string, spouses: [string, string], eventId: string = newEventId()): StreamWrite {
  const data: MarriageSpouses = { marriageId, spouses };
  return {
    streamId: marriageStreamId(marriageId),
    expectedRevision: 'no_stream',
    events: [{ id: eventId, type: 'MarriageSpousesNamed', data, metadata: { schemaVersion: 1 } }],
  };
}

/** The spouses a marriage ID joins; a 404 for an ID the ledger never issued. */
export async function spousesOfMarriage(store: EventStore, marriageId: string): Promise<[string, string]> {
  const [event] = await store.readStream(marriageStreamId(marriageId), { maxCount: 1 });
  if (!event) throw new NotFound('MARRIAGE.NOT_FOUND', `No marriage is registered under ID ${marriageId}`, { marriageId });
  return (event.data as MarriageSpouses).spouses;
}
