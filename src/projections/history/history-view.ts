import {
  occurredOn,
  type FieldChange,
  type PersonEvent,
  type RecordCorrected,
  type RecordedPersonEvent,
  type RegistrationAnnulled,
} from '../../domain/person/person-events';
import { factsOf, isAmendment } from '../../domain/person/person-facts';
import { compareDays, earliestDay, type CivilDate, type PartialDate } from '../../domain/shared/partial-date';

export interface AnnulmentView {
  /** The RegistrationAnnulled event. */
  by: string;
  courtReference: string;
  reason: string;
  date: CivilDate;
  recordedAt: string;
}

export interface CorrectionView {
  eventId: string;
  changes: FieldChange[];
  reason: string;
  authorityReference: string;
  documents: string[];
  date: CivilDate;
  recordedAt: string;
  /** An annulled correction no longer applies. */
  annulled?: AnnulmentView;
}

export interface HistoryEntry {
  eventId: string;
  type: PersonEvent['type'];
  /** The fact's date as it now stands (corrections applied), written as recorded: `1961` stays a year. */
  occurredOn: PartialDate;
  recordedAt: string;
  /** The fact's data as recorded; `corrections` say what changed since. */
  data: PersonEvent['data'];
  corrections?: CorrectionView[];
  annulled?: AnnulmentView;
}

export interface HistoryView {
  nationalId: string;
  events: HistoryEntry[];
}

const annulmentView = ({ eventId, recordedAt, event: { data } }: RecordedPersonEvent<RegistrationAnnulled>): AnnulmentView => ({
  by: eventId,
  courtReference: data.courtReference,
  reason: data.reason,
  date: data.date,
  recordedAt,
});

/**
 * Every fact of the log in civil-date order, each with the corrections and the annulment that
 * change it beside it rather than as entries of their own. Partial dates sort by the first day
 * they may stand for; ties go by recording instant, then by place in the log.
 */
export function historyOf(nationalId: string, log: RecordedPersonEvent[]): HistoryView {
  const annulments = new Map(
    log
      .filter((e): e is RecordedPersonEvent<RegistrationAnnulled> => e.event.type === 'RegistrationAnnulled')
      .map((e) => [e.event.data.annulledEventId, annulmentView(e)]),
  );
  const corrections = new Map<string, CorrectionView[]>();
  for (const e of log) {
    if (e.event.type !== 'RecordCorrected') continue;
    const { correctedEventId, ...data } = (e as RecordedPersonEvent<RecordCorrected>).event.data;
    const annulled = annulments.get(e.eventId);
    const view: CorrectionView = { eventId: e.eventId, ...data, recordedAt: e.recordedAt, ...(annulled && { annulled }) };
    corrections.set(correctedEventId, [...(corrections.get(correctedEventId) ?? []), view]);
  }
  const asRecorded = new Map(log.map((e, index) => [e.eventId, { event: e.event, index }]));
  const entries = factsOf(log)
    .filter(({ event }) => !isAmendment(event))
    .map(({ eventId, recordedAt, event }) => {
      const annulled = annulments.get(eventId);
      const changes = corrections.get(eventId);
      const entry: HistoryEntry = {
        eventId,
        type: event.type,
        occurredOn: occurredOn(event),
        recordedAt,
        data: asRecorded.get(eventId)!.event.data,
        ...(changes && { corrections: changes }),
        ...(annulled && { annulled }),
      };
      return entry;
    });
  const order = (entry: HistoryEntry) => asRecorded.get(entry.eventId)!.index;
  entries.sort(
    (a, b) =>
      compareDays(earliestDay(a.occurredOn), earliestDay(b.occurredOn)) ||
      Date.parse(a.recordedAt) - Date.parse(b.recordedAt) ||
      order(a) - order(b),
  );
  return { nationalId, events: entries };
}
