import type { TestApp } from './test-app';

/** Builders for request bodies and a few people the end-to-end tests record through HTTP. */

let counter = 0;
const names = {
  F: ['فاطمة', 'خديجة', 'مريم', 'عائشة', 'زينب', 'سعاد', 'نورية', 'حليمة'],
  M: ['محمد', 'علي', 'حسن', 'عمر', 'سالم', 'خالد', 'أحمد', 'يوسف'],
};

export interface PersonSpec {
  sex?: 'F' | 'M';
  dateOfBirth?: string;
  placeOfBirth?: string;
  family?: string;
  motherId?: string;
  fatherId?: string;
}

export function enrolmentBody(spec: PersonSpec = {}) {
  const sex = spec.sex ?? 'F';
  counter += 1;
  return {
    person: {
      name: {
        given: names[sex][counter % names[sex].length],
        father: names.M[(counter + 1) % names.M.length],
        grandfather: names.M[(counter + 2) % names.M.length],
        family: spec.family ?? 'العبيدي',
      },
      sex,
      dateOfBirth: spec.dateOfBirth ?? '1980-05-10',
      placeOfBirth: spec.placeOfBirth ?? 'LY-BA-01',
      nationality: 'LY',
      residency: 'citizen',
      motherName: { given: 'خديجة', father: 'عمر', family: 'المسماري' },
      ...(spec.motherId ? { motherId: spec.motherId } : {}),
      ...(spec.fatherId ? { fatherId: spec.fatherId } : {}),
    },
    source: { kind: 'legacy-register', reference: `Benghazi family register 12, page ${counter}` },
  };
}

/** Enrols a person through POST /v1/enrolments and returns the issued national ID. */
export async function enrol(t: TestApp, spec: PersonSpec = {}): Promise<string> {
  const response = await t.request('POST', '/v1/enrolments', { body: enrolmentBody(spec) });
  if (response.status !== 201) throw new Error(`enrolment failed: ${JSON.stringify(response.body)}`);
  return response.body.nationalId as string;
}

export function birthBody(motherId: string, fatherId?: string, child: Partial<{ sex: 'F' | 'M'; dateOfBirth: string; placeOfBirth: string }> = {}) {
  return {
    child: {
      name: { given: 'مريم', father: 'علي', grandfather: 'حسن', family: 'الورفلي', latin: 'Maryam Ali Hasan Al-Warfalli' },
      sex: child.sex ?? 'F',
      dateOfBirth: child.dateOfBirth ?? '2026-11-20',
      placeOfBirth: child.placeOfBirth ?? 'LY-BA-03',
    },
    motherId,
    ...(fatherId ? { fatherId } : {}),
    plurality: 1,
  };
}

/** A married couple, each born in 1990, as most tests of family facts need. */
export async function couple(t: TestApp): Promise<{ wife: string; husband: string; marriageId: string }> {
  const wife = await enrol(t, { sex: 'F', dateOfBirth: '1990-03-01' });
  const husband = await enrol(t, { sex: 'M', dateOfBirth: '1988-07-15', family: 'الورفلي' });
  const response = await t.request('POST', '/v1/marriages', {
    body: { spouses: [husband, wife], date: '2015-06-01', place: 'LY-BA-03', contractReference: 'Benghazi court 2015/12' },
  });
  if (response.status !== 201) throw new Error(`marriage failed: ${JSON.stringify(response.body)}`);
  return { wife, husband, marriageId: response.body.marriageId as string };
}

/** The revision of a person's stream (-1 when empty): unchanged after a refused command. */
export async function revisionOf(t: TestApp, nationalId: string): Promise<number> {
  const events = await t.store.readStream(`person-${nationalId}`);
  return events.length - 1;
}

/** A well-formed national ID with a right check digit that no test has issued. */
export function unknownNationalId(): string {
  return '234567890124';
}
