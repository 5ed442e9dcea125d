import { enrolment } from '../testing/person-fixtures';
import type { PersonEvent, RecordedPersonEvent } from './person-events';
import { factsOf } from './person-facts';

const education = (institution: string): PersonEvent => ({
  type: 'EducationRecorded',
  data: { level: 3, institution, status: 'completed', date: '2000-06-30' },
});

const recorded = (eventId: string, event: PersonEvent): RecordedPersonEvent => ({ eventId, recordedAt: '2026-11-22T10:00:00Z', event });

describe('factsOf', () => {
  // Short logs find a fact's place by a look along the facts, long ones by a map: both are checked.
  it.each([3, 12])('keeps a fact once per event ID, at its first place and as last recorded (%i events)', (length) => {
    const log = [recorded('e0', enrolment())];
    for (let n = 1; n < length - 1; n++) log.push(recorded(`e${n}`, education(`school ${n}`)));
    log.push(recorded('e1', education('replayed')));
    const facts = factsOf(log);
    expect(facts.map((fact) => fact.eventId)).toEqual(log.slice(0, -1).map((event) => event.eventId));
    expect(facts[1]!.event).toEqual(education('replayed'));
  });

  it.each([3, 12])('applies a correction to the fact it names (%i events)', (length) => {
    const log = [recorded('e0', enrolment())];
    for (let n = 1; n < length - 1; n++) log.push(recorded(`e${n}`, education(`school ${n}`)));
    log.push(recorded('fix', { type: 'RecordCorrected', data: { correctedEventId: 'e1', changes: [{ field: 'institution', from: 'school 1', to: 'college' }], reason: 'typo' } } as PersonEvent));
    const facts = factsOf(log);
    expect(facts[1]!.event.data).toMatchObject({ institution: 'college' });
    expect(facts[1]!.correctedBy).toEqual(['fix']);
  });
});
