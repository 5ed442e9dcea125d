import { unknownNationalId } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';
import { wrongCheckDigit } from '../commands/family';
import { expectProblem, purpose } from './person-reads';
import { annulEnrolment, enrolNamed, type NamedPerson } from './search-people';

describe('GET /v1/persons/{nid}/duplicates', () => {
  let t: TestApp;
  const zainab = { given: 'زينب', father: 'حسن', family: 'المقريف' };
  const salem: NamedPerson = {
    name: { given: 'سالم', father: 'محمد', grandfather: 'علي', family: 'الفيتوري' },
    dateOfBirth: '1970-04-01',
    placeOfBirth: 'LY-BA-01',
    motherName: zainab,
  };
  let person: string;
  const ids: Record<string, string> = {};

  const duplicates = (nid: string, as = 'supervisor', headers: Record<string, string> = purpose, query = '') =>
    t.request('GET', `/v1/persons/${nid}/duplicates${query}`, { as, headers });

  beforeAll(async () => {
    t = await startTestApp();
    person = await enrolNamed(t, salem);
    // The same man enrolled again from another register: the year alone, the mother's name spelt otherwise.
    ids.again = await enrolNamed(t, { ...salem, dateOfBirth: '1970', motherName: { given: 'زَيْنَب', father: 'حسن', family: 'المقريف' } });
    // Enrolled in Tripoli with a birth date three years off and no mother's name.
    ids.threeYears = await enrolNamed(t, {
      name: { given: 'سالِم', father: 'مُحمّد', grandfather: 'علي', family: 'الفيتورى' },
      dateOfBirth: '1973-02-01',
      placeOfBirth: 'LY-TB-01',
    });
    // Not duplicates: a twin brother, and a namesake born five years later.
    ids.twin = await enrolNamed(t, { ...salem, name: { ...salem.name, given: 'خالد' } });
    ids.namesake = await enrolNamed(t, { ...salem, dateOfBirth: '1975-04-01' });
  });
  afterAll(() => t.close());

  it('lists likely duplicates best first, each with its score and the fields that matched, never the person', async () => {
    const response = await duplicates(person);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      nationalId: person,
      total: 2,
      candidates: [
        {
          nationalId: ids.again,
          name: salem.name,
          sex: 'M',
          dateOfBirth: '1970',
          placeOfBirth: 'LY-BA-01',
          motherName: { given: 'زَيْنَب', father: 'حسن', family: 'المقريف' },
          status: 'alive',
          score: 100,
          matched: ['name.given', 'name.father', 'name.grandfather', 'name.family', 'motherName', 'dateOfBirth', 'placeOfBirth', 'sex'],
        },
        expect.objectContaining({
          nationalId: ids.threeYears,
          dateOfBirth: '1973-02-01',
          score: 53,
          matched: ['name.given', 'name.father', 'name.grandfather', 'name.family', 'dateOfBirth', 'sex'],
        }),
      ],
    });
  });

  it('scores from the other side too, equal scores by the nearer birth date', async () => {
    const response = await duplicates(ids.threeYears!);
    expect(response.body.candidates.map((c: { nationalId: string; score: number }) => [c.nationalId, c.score])).toEqual([
      [ids.namesake, 53],
      [person, 53],
      [ids.again, 53],
    ]);
  });

  it('drops a duplicate whose enrolment is annulled', async () => {
    const extra = await enrolNamed(t, salem);
    expect((await duplicates(person)).body.candidates.map((c: { nationalId: string }) => c.nationalId)).toContain(extra);
    await annulEnrolment(t, extra);
    expect((await duplicates(person)).body.candidates.map((c: { nationalId: string }) => c.nationalId)).not.toContain(extra);
    await expectProblem(await duplicates(extra), 404);
  });

  describe('who may ask', () => {
    it.each(['registrar', 'court', 'statistician', 'verifier'])('not a %s: 403', async (as) => {
      await expectProblem(await duplicates(person, as, { ...purpose, 'x-case-reference': 'c/1' }), 403);
    });

    it('no one without a credential: 401', async () => {
      await expectProblem(await duplicates(person, ''), 401);
    });
  });

  describe('refusals', () => {
    it('an ID no one holds: 404', async () => {
      const response = await duplicates(unknownNationalId());
      await expectProblem(response, 404);
      expect(response.body.type).toBe('urn:sijil:error:PERSON.NOT_FOUND');
    });

    it('a malformed ID or a wrong check digit: 400', async () => {
      await expectProblem(await duplicates('12345'), 400);
      await expectProblem(await duplicates(wrongCheckDigit(person)), 400);
    });

    it('no purpose, or a parameter it does not take: 400 naming it', async () => {
      await expectProblem(await duplicates(person, 'supervisor', {}), 400, 'purpose');
      await expectProblem(await duplicates(person, 'supervisor', purpose, '?asOf=2020-01-01'), 400, 'asOf');
      expect((await duplicates(person, 'supervisor', {}, '?purpose=resolve%20duplicates')).status).toBe(200);
    });
  });
});
