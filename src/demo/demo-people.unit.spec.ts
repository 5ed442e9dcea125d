import { isNationalId } from '../domain/shared/national-id';
import { demoEnrolments, exampleFatherId, exampleMotherId } from './demo-people';

describe('demo country', () => {
  it('holds only national IDs with a right check digit, so every documented example works', () => {
    for (const { nationalId } of demoEnrolments) expect(isNationalId(nationalId)).toBe(true);
  });

  it('holds the mother and father that the birth example names', () => {
    const ids = demoEnrolments.map((enrolment) => enrolment.nationalId);
    expect(ids).toEqual(expect.arrayContaining([exampleMotherId, exampleFatherId]));
  });

  it('names only parents that are enrolled before their children', () => {
    const seen = new Set<string>();
    for (const { nationalId, body } of demoEnrolments) {
      for (const parent of [body.person.motherId, body.person.fatherId]) {
        if (parent) expect(seen.has(parent)).toBe(true);
      }
      seen.add(nationalId);
    }
  });
});
