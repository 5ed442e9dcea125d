import type { PersonEvent, RecordedPersonEvent } from '../../src/domain/person/person-events';

/** Builders for person logs, for the pure view specs: each event recorded at a chosen instant. */

let counter = 0;

export const recorded = <E extends PersonEvent>(recordedAt: string, event: E, eventId = `e${++counter}`): RecordedPersonEvent<E> => ({
  eventId,
  recordedAt,
  event,
});

const name = (given: string, family = 'العبيدي') => ({ given, father: 'محمد', grandfather: 'سالم', family });

export const enrolled = (nationalId: string, data: Partial<Extract<PersonEvent, { type: 'PersonEnrolled' }>['data']> = {}): PersonEvent => ({
  type: 'PersonEnrolled',
  data: {
    nationalId,
    name: name('فاطمة'),
    sex: 'F',
    dateOfBirth: '1980-05-10',
    placeOfBirth: 'LY-BA-01',
    nationality: 'LY',
    residency: 'citizen',
    motherName: { given: 'خديجة', family: 'المسماري' },
    source: { kind: 'legacy-register', reference: 'Benghazi family register 12, page 40' },
    ...data,
  },
});

export const born = (nationalId: string, dateOfBirth: string, motherId = '412345678904'): PersonEvent => ({
  type: 'BirthRegistered',
  data: {
    nationalId,
    name: name('مريم', 'الورفلي'),
    sex: 'F',
    dateOfBirth,
    placeOfBirth: 'LY-BA-03',
    nationality: 'LY',
    motherId,
    motherName: { given: 'فاطمة', family: 'العبيدي' },
    plurality: 1,
  },
});

export const died = (dateOfDeath: string): PersonEvent => ({
  type: 'DeathRegistered',
  data: { dateOfDeath, placeOfDeath: 'LY-BA-03', causeIcd10: 'I21.9', certifier: { kind: 'hospital', reference: 'BGH-1' } },
});

export const married = (marriageId: string, spouseId: string, date: string): PersonEvent => ({
  type: 'MarriageRegistered',
  data: { marriageId, spouseId, date, place: 'LY-BA-03', contractReference: `contract ${marriageId}` },
});

export const divorced = (marriageId: string, spouseId: string, date: string): PersonEvent => ({
  type: 'DivorceRegistered',
  data: { marriageId, spouseId, date, courtReference: `court ${marriageId}` },
});

export const corrected = (correctedEventId: string, field: string, from: unknown, to: unknown, date: string): PersonEvent => ({
  type: 'RecordCorrected',
  data: { correctedEventId, changes: [{ field, from, to }], reason: 'clerical error', authorityReference: 'NR-2026/1', documents: ['doc-1'], date },
});

export const annulled = (annulledEventId: string, date: string): PersonEvent => ({
  type: 'RegistrationAnnulled',
  data: { annulledEventId, courtReference: 'Benghazi court 2026/77', reason: 'void contract', date },
});
