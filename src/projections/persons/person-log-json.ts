import type { PersonEventType, RecordedPersonEvent } from '../../domain/person/person-events';
import { personEventVersions } from '../../domain/events/upcasters';
import type { RecordedEvent } from '../../event-store/event-store.port';

/**
 * `JSON.stringify` of the person-log document `{ id, events: log }`, whose last events are
 * `appended` as the log gave them: their data goes in as the text the log holds. Serialising the
 * logs again was the largest cost of rebuilding `persons` after writing them.
 */
export function personLogJson(nationalId: string, log: RecordedPersonEvent[], appended: RecordedEvent[]): string {
  const stored = log.length - appended.length;
  // Concatenated rather than joined: the store flattens the text once as it writes it, where a
  // join made a copy of every log's text before that one. The events read back from the stored
  // log are serialised in one call: a sixth cheaper than one call per event.
  let json = `{"id":${JSON.stringify(nationalId)},"events":`;
  json += stored === 0 ? '[' : JSON.stringify(log.slice(0, stored)).slice(0, -1);
  for (let index = stored; index < log.length; index++) {
    if (index > 0) json += ',';
    json += recordedPersonEventJson(log[index], appended[index - stored]);
  }
  return json + ']}';
}

/**
 * `JSON.stringify(recorded)`, `recorded` being `event` as the domain sees it. The log's text of
 * the data is the upcast data only when the event is stored at its type's current version;
 * otherwise the upcast data is serialised.
 */
export function recordedPersonEventJson(recorded: RecordedPersonEvent, event: RecordedEvent): string {
  const current = event.metadata.schemaVersion === personEventVersions[event.type as PersonEventType];
  if (event.dataJson === undefined || !current) return JSON.stringify(recorded);
  const { eventId, recordedAt, event: personEvent } = recorded;
  return `{"eventId":${JSON.stringify(eventId)},"recordedAt":${JSON.stringify(recordedAt)},"event":{"type":${JSON.stringify(personEvent.type)},"data":${event.dataJson}}}`;
}
