import { EventStore } from '../event-store.port';

/**
 * What a store that is atomic on one stream only offers (EventStoreDB): the port without
 * `appendToStreams`. The transaction decorator builds the rest on top of it.
 */
export type SingleStreamLog = Omit<EventStore, 'appendToStreams'>;
