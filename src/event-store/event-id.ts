import { v7 } from 'uuid';

/**
 * A time-ordered UUIDv7: new IDs land at the right-hand end of the unique index instead of at
 * random pages, which keeps appends to a large log fast.
 */
export const newEventId = (): string => v7();
