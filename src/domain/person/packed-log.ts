import type { PersonEvent, RecordedPersonEvent } from './person-events';

/**
 * A person's log as one JSON text, each event a row `[eventId, recordedAt, type, data]`: a
 * flat string instead of dozens of objects, for holding many persons' logs compactly. The data
 * goes through JSON as the log's own copy does, so a log read back from here equals the same
 * log read from the store.
 */
export type PackedLogRow = [eventId: string, recordedAt: string, type: PersonEvent['type'], data: PersonEvent['data']];

export function packLogRows(log: readonly RecordedPersonEvent[]): PackedLogRow[] {
  return log.map(({ eventId, recordedAt, event }) => [eventId, recordedAt, event.type, event.data]);
}

export function unpackLogRows(rows: readonly PackedLogRow[]): RecordedPersonEvent[] {
  return rows.map(([eventId, recordedAt, type, data]) => ({ eventId, recordedAt, event: { type, data } as PersonEvent }));
}
