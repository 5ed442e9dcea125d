import type { RecordedEvent } from '../event-store/event-store.port';
import type { CollectionDefinition, Document, DocumentJson } from './read-model.port';

/**
 * A batch's view of the read model: reads see the documents as the batch has left them so far,
 * writes are staged and committed by the engine together with the checkpoint. A document read is
 * the batch's own copy: the projection may change it in place, and the change counts once `put`
 * (later reads in the batch see the same copy). A document put may be changed and put again:
 * the last state is what commits, serialised once.
 */
export interface ProjectionUnitOfWork {
  get<T extends Document>(collection: string, id: string): Promise<T | undefined>;
  /**
   * `json`, when given, is the document's JSON as the projection makes it: the commit writes it
   * instead of serialising the document, so the document stands as put, changed only by putting
   * it again (and what a function reads to make the text must not change either). A function
   * also says the text is not worth keeping for later batches (a large document met again only
   * far down the log): it is made as the commit writes it and dropped.
   */
  put(collection: string, document: Document, json?: DocumentJson): void;
  delete(collection: string, id: string): void;
}

/**
 * One read model built from the log. `apply` must be deterministic in the events alone (no
 * clock, no randomness), so that a rebuild from position zero equals the live model.
 */
export interface Projection {
  /** Stable name: the key of its checkpoint. */
  name: string;
  /**
   * Raise it (a positive integer; omitted: 1) when a release changes what the projection stores:
   * a model stored by another version is reset and rebuilt from position zero when the projection
   * starts, and `rebuild` records the new version.
   */
  version?: number;
  collections: CollectionDefinition[];
  /**
   * The event types `apply` reads, when it reads only some: it is given only these (a rebuild
   * reads only these from the log), and its checkpoint passes over the others. Omitted: all.
   */
  eventTypes?: readonly string[];
  /** Applies one batch of events, in log order (system streams are never delivered). */
  apply(events: RecordedEvent[], unitOfWork: ProjectionUnitOfWork): Promise<void>;
}
