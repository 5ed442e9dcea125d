import type { EnrolPersonDto } from '../commands/enrol-person/enrol-person.dto';

/**
 * The people of the demo country that the documentation names. API.md's examples use
 * 412345678904 and 398765432103, whose check digits are wrong (a 400 here); the demo holds the
 * same IDs with their Verhoeff digits, 412345678902 and 398765432109.
 */
export const exampleMotherId = '412345678902';
export const exampleFatherId = '398765432109';

export interface DemoEnrolment {
  nationalId: string;
  body: EnrolPersonDto;
}

const legacy = (page: number) => ({ kind: 'legacy-register' as const, reference: `Benghazi family register 7, page ${page}` });

export const demoEnrolments: DemoEnrolment[] = [
  {
    nationalId: '287415963204',
    body: {
      person: {
        name: { given: 'حسن', father: 'محمد', grandfather: 'عبد الله', family: 'الورفلي', latin: 'Hasan Muhammad Abdallah Al-Warfalli' },
        sex: 'M', dateOfBirth: '1958', placeOfBirth: 'LY-BA-03', nationality: 'LY', residency: 'citizen',
        motherName: { given: 'آمنة', family: 'الورفلي' },
      },
      source: legacy(12),
    },
  },
  {
    nationalId: '516273849508',
    body: {
      person: {
        name: { given: 'زينب', father: 'سالم', grandfather: 'عمر', family: 'البرعصي', latin: 'Zaynab Salim Umar Al-Baraasi' },
        sex: 'F', dateOfBirth: '1962-03', placeOfBirth: 'LY-BA-01', nationality: 'LY', residency: 'citizen',
        motherName: { given: 'فاطمة', father: 'علي', family: 'البرعصي' },
      },
      source: legacy(13),
    },
  },
  {
    nationalId: exampleFatherId,
    body: {
      person: {
        name: { given: 'علي', father: 'حسن', grandfather: 'محمد', family: 'الورفلي', latin: 'Ali Hasan Muhammad Al-Warfalli' },
        sex: 'M', dateOfBirth: '1992-09-03', placeOfBirth: 'LY-BA-03', nationality: 'LY', residency: 'citizen',
        motherName: { given: 'زينب', father: 'سالم', family: 'البرعصي' },
        fatherId: '287415963204', motherId: '516273849508',
      },
      source: legacy(14),
    },
  },
  {
    nationalId: exampleMotherId,
    body: {
      person: {
        name: { given: 'سعاد', father: 'عمر', grandfather: 'خليفة', family: 'المسماري', latin: "Su'ad Umar Khalifa Al-Mismari" },
        sex: 'F', dateOfBirth: '1996-04-12', placeOfBirth: 'LY-BA-03', nationality: 'LY', residency: 'citizen',
        motherName: { given: 'خديجة', father: 'عمر', family: 'المسماري' },
      },
      source: { kind: 'late-registration', reference: 'Benghazi office 3, late registration 2014/55' },
    },
  },
];
