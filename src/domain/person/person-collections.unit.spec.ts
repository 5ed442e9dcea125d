import { collectionsOf } from './person-collections';
import { uncorrected, type Fact } from './person-facts';
import type { PersonEvent } from './person-events';

const fact = (eventId: string, event: { type: string; data: Record<string, unknown> }): Fact =>
  ({ eventId, recordedAt: '2026-01-01T00:00:00Z', event: event as PersonEvent, annulled: false, correctedBy: uncorrected }) as Fact;

describe('collectionsOf', () => {
  const enrolled = fact('e0', { type: 'PersonEnrolled', data: { nationalId: '2' } });

  it('gives empty lists for a registration and endings that name no entry', () => {
    const lone = [
      enrolled,
      fact('e1', { type: 'DivorceRegistered', data: { marriageId: 'm', spouseId: '3', date: '2000' } }),
      fact('e2', { type: 'EmploymentEnded', data: { employmentId: 'j', date: '2000', reason: 'left' } }),
      fact('e3', { type: 'IdentityCardReported', data: { cardNumber: 'c', date: '2000', reason: 'lost' } }),
    ];
    expect(collectionsOf(lone)).toEqual({ marriages: [], employments: [], cards: [], education: [] });
  });

  it('opens an entry from each kind of fact that starts one, alone beside the registration', () => {
    const opening = {
      marriages: fact('e1', { type: 'MarriageRegistered', data: { marriageId: 'm', spouseId: '3', date: '1990', place: 'LY-BA-01' } }),
      employments: fact('e2', { type: 'EmploymentStarted', data: { employmentId: 'j', employer: 'E', occupation: 'o', sector: 'public', date: '1991' } }),
      cards: fact('e3', { type: 'IdentityCardIssued', data: { cardNumber: 'c', date: '1992', expiresOn: '2002', office: 'O' } }),
      education: fact('e4', { type: 'EducationRecorded', data: { level: 1, institution: 'I', status: 'completed', date: '1993' } }),
    };
    for (const [list, opener] of Object.entries(opening)) {
      const collections = collectionsOf([enrolled, opener]) as unknown as Record<string, Array<{ eventId: string }>>;
      expect(collections[list]!.map((entry) => entry.eventId)).toEqual([opener.eventId]);
    }
  });
});
