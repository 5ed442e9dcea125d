import type { RecordedPersonEvent } from '../../domain/person/person-events';
import { annulled, born, corrected, died, enrolled, married, recorded } from '../../../test/projections/person-log';
import { logAt, type ReadPoint } from '../person-read/read-point';
import { historyOf } from './history-view';

const nid = '412345678904';
const historyAt = (log: RecordedPersonEvent[], point: ReadPoint = {}) => historyOf(nid, logAt(log, point));
const types = (log: RecordedPersonEvent[], point?: ReadPoint) => historyAt(log, point).events.map(({ type }) => type);

describe('history', () => {
  it('orders facts by their civil date, not by when they were recorded; ties by recording instant', () => {
    const log = [
      recorded('2026-01-01T10:00:00Z', enrolled(nid, { dateOfBirth: '1961-05-02' })),
      recorded('2026-01-03T10:00:00Z', died('2020-01-01')),
      recorded('2026-01-02T10:00:00Z', married('m2', '398765432103', '1990-01-01')),
      recorded('2026-01-01T11:00:00Z', married('m1', '234567890124', '1985-06-01')),
      recorded('2026-01-01T09:00:00Z', { type: 'ResidenceChanged', data: { area: 'LY-BA-03', date: '1990-01-01' } }),
    ];
    expect(historyAt(log).events.map(({ type, occurredOn }) => `${type} ${occurredOn}`)).toEqual([
      'PersonEnrolled 1961-05-02',
      'MarriageRegistered 1985-06-01',
      'ResidenceChanged 1990-01-01',
      'MarriageRegistered 1990-01-01',
      'DeathRegistered 2020-01-01',
    ]);
  });

  it('sorts a partial date by its first day and shows it as recorded', () => {
    const log = [
      recorded('2026-01-01T10:00:00Z', enrolled(nid, { dateOfBirth: '1961' })),
      recorded('2026-01-01T09:00:00Z', { type: 'ResidenceChanged', data: { area: 'LY-BA-03', date: '1961-01-01' } }),
      recorded('2026-01-01T10:00:00Z', { type: 'NationalityGranted', data: { nationality: 'TN', decisionReference: 'D', date: '1961-06-01' } }),
    ];
    expect(historyAt(log).events.map(({ occurredOn }) => occurredOn)).toEqual(['1961-01-01', '1961', '1961-06-01']);
    expect(historyAt(log).events[1]).toMatchObject({ type: 'PersonEnrolled', data: { dateOfBirth: '1961' } });
  });

  describe('a correction', () => {
    const log = [
      recorded('2005-03-01T10:00:00Z', born(nid, '1990-04-01'), 'birth'),
      recorded('2020-03-01T10:00:00Z', corrected('birth', 'dateOfBirth', '1990-04-01', '1990-04-10', '2020-02-20'), 'fix'),
    ];

    it('is shown beside the fact it changes, which keeps its data as recorded', () => {
      const { events } = historyAt(log);
      expect(events).toHaveLength(1);
      expect(events[0]).toEqual({
        eventId: 'birth',
        type: 'BirthRegistered',
        occurredOn: '1990-04-10',
        recordedAt: '2005-03-01T10:00:00Z',
        data: expect.objectContaining({ dateOfBirth: '1990-04-01' }),
        corrections: [
          {
            eventId: 'fix',
            changes: [{ field: 'dateOfBirth', from: '1990-04-01', to: '1990-04-10' }],
            reason: 'clerical error',
            authorityReference: 'NR-2026/1',
            documents: ['doc-1'],
            date: '2020-02-20',
            recordedAt: '2020-03-01T10:00:00Z',
          },
        ],
      });
    });

    it('is not shown as known before it was recorded', () => {
      const [birth] = historyAt(log, { knownAt: '2020-01-01T00:00:00.000Z' }).events;
      expect(birth).toMatchObject({ occurredOn: '1990-04-01' });
      expect(birth!.corrections).toBeUndefined();
    });

    it('that was annulled is shown annulled and no longer moves the fact', () => {
      const undone = [...log, recorded('2021-01-01T10:00:00Z', annulled('fix', '2020-12-30'), 'undo')];
      const [birth] = historyAt(undone).events;
      expect(birth).toMatchObject({ occurredOn: '1990-04-01', corrections: [{ eventId: 'fix', annulled: { by: 'undo' } }] });
    });
  });

  describe('an annulment', () => {
    const log = [
      recorded('2005-03-01T10:00:00Z', enrolled(nid, { dateOfBirth: '1980-01-01' })),
      recorded('2015-06-02T10:00:00Z', married('m1', '398765432103', '2015-06-01'), 'marriage'),
      recorded('2020-01-10T10:00:00Z', annulled('marriage', '2020-01-09'), 'annulment'),
    ];

    it('leaves the fact in the history, marked annulled, with no entry of its own', () => {
      const { events } = historyAt(log);
      expect(events.map(({ type }) => type)).toEqual(['PersonEnrolled', 'MarriageRegistered']);
      expect(events[1]!.annulled).toEqual({
        by: 'annulment',
        courtReference: 'Benghazi court 2026/77',
        reason: 'void contract',
        date: '2020-01-09',
        recordedAt: '2020-01-10T10:00:00Z',
      });
    });

    it('is not shown as known before it was recorded', () => {
      expect(historyAt(log, { knownAt: '2020-01-10T09:00:00.000Z' }).events[1]!.annulled).toBeUndefined();
    });
  });

  it('as of a day shows only the facts that occurred by then; as known at an instant only those recorded by then', () => {
    const log = [
      recorded('2005-03-01T10:00:00Z', enrolled(nid, { dateOfBirth: '1980-01-01' })),
      recorded('2015-06-02T10:00:00Z', married('m1', '398765432103', '2015-06-01')),
      recorded('2021-01-02T10:00:00Z', died('2021-01-01')),
    ];
    expect(types(log, { asOf: '2015-06-01' })).toEqual(['PersonEnrolled', 'MarriageRegistered']);
    expect(types(log, { asOf: '2015-05-31' })).toEqual(['PersonEnrolled']);
    expect(types(log, { knownAt: '2021-01-02T09:59:59.000Z' })).toEqual(['PersonEnrolled', 'MarriageRegistered']);
    expect(types(log, { knownAt: '2030-01-01T00:00:00.000Z' })).toHaveLength(3);
  });
});
