import type { PersonEventType } from '../domain/person/person-events';

/**
 * What a person projection keeps of each event to recompute its own view: only the facts it reads,
 * with only their fields. The rest of an event (sources, reasons, references) would be serialised
 * into every person's document and parsed back on every later fact, for nothing.
 */

/**
 * The fields a projection reads, by the type of the facts it keeps. Typed by event type: the keys
 * also choose which events a rebuild reads from the log (`keptTypes`), so a misspelt one must not
 * compile rather than silently leave its facts out.
 */
export type KeptFields = ReadonlyMap<PersonEventType, readonly string[]>;

function pick(data: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of fields) if (field in data) picked[field] = data[field];
  return picked;
}

/** Every type keptData may keep: the projection's own, and the corrections and annulments of them. */
export const keptTypes = (fields: KeptFields): PersonEventType[] => [...fields.keys(), 'RecordCorrected', 'RegistrationAnnulled'];

/**
 * The slim data of an event worth keeping, or undefined. A correction or annulment is kept only
 * when it names a kept fact (`typeOfKept` answers that fact's type), a correction with its changes
 * to that type's kept fields alone.
 */
export function keptData(
  fields: KeptFields,
  type: string,
  data: Record<string, unknown>,
  typeOfKept: (eventId: unknown) => string | undefined,
): Record<string, unknown> | undefined {
  const own = fields.get(type as PersonEventType);
  if (own !== undefined) return pick(data, own);
  if (type === 'RegistrationAnnulled') {
    return typeOfKept(data.annulledEventId) === undefined ? undefined : { annulledEventId: data.annulledEventId, date: data.date };
  }
  if (type !== 'RecordCorrected') return undefined;
  const target = typeOfKept(data.correctedEventId);
  if (target === undefined) return undefined;
  const kept = fields.get(target as PersonEventType) ?? [];
  const changes = (data.changes as Array<{ field: string }>).filter(({ field }) => kept.includes(field));
  return { correctedEventId: data.correctedEventId, changes, date: data.date };
}
