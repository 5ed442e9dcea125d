import type { RecordedPersonEvent } from '../../domain/person/person-events';
import type { EventStore } from '../../event-store/event-store.port';
import { personStreamId, toRecordedPersonEvent } from '../../ledger/person-stream';

/**
 * A person's whole log, upcast, read by replay. Reads replay the stream until durable read models
 * take over; the view builders take logs and states, so those read models can reuse them.
 */
export async function loadPersonLog(store: EventStore, nationalId: string): Promise<RecordedPersonEvent[]> {
  const events = await store.readStream(personStreamId(nationalId));
  return events.map(toRecordedPersonEvent);
}
