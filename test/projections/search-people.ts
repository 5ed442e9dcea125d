import type { TestApp } from '../support/test-app';

/** Enrolments with chosen names, for the search and duplicates specs. */

export interface NamedPerson {
  name: { given: string; father: string; grandfather: string; family: string; latin?: string };
  dateOfBirth: string;
  sex?: 'F' | 'M';
  placeOfBirth?: string;
  motherName?: { given: string; father?: string; family: string };
}

let page = 0;

export async function enrolNamed(t: TestApp, person: NamedPerson): Promise<string> {
  const body = {
    person: {
      name: person.name,
      sex: person.sex ?? 'M',
      dateOfBirth: person.dateOfBirth,
      placeOfBirth: person.placeOfBirth ?? 'LY-BA-01',
      nationality: 'LY',
      residency: 'citizen',
      ...(person.motherName && { motherName: person.motherName }),
    },
    source: { kind: 'legacy-register', reference: `Benghazi family register 30, page ${++page}` },
  };
  const response = await t.request('POST', '/v1/enrolments', { body });
  if (response.status !== 201) throw new Error(`enrolment failed: ${JSON.stringify(response.body)}`);
  return response.body.nationalId as string;
}

/** The event ID of the person's enrolment, which a correction or annulment names. */
export async function enrolmentEventId(t: TestApp, nationalId: string): Promise<string> {
  const [enrolment] = await t.store.readStream(`person-${nationalId}`);
  return enrolment!.id;
}

export async function annulEnrolment(t: TestApp, nationalId: string): Promise<void> {
  const response = await t.request('POST', `/v1/persons/${nationalId}/annulments`, {
    as: 'supervisor',
    body: { eventId: await enrolmentEventId(t, nationalId), courtReference: 'Benghazi court 2026/90', reason: 'Enrolled twice', date: '2026-11-01' },
  });
  if (response.status !== 201) throw new Error(`annulment failed: ${JSON.stringify(response.body)}`);
}
