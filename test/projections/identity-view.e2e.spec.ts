import { enrol, unknownNationalId } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';
import { die, divorce, man, marry, woman, wrongCheckDigit } from '../commands/family';
import { courtCase, expectProblem, purpose, readPerson, tick } from './person-reads';

describe('GET /v1/persons/{nid}', () => {
  let t: TestApp;
  let person: string;
  const view = (nid: string, query = '') => `/v1/persons/${nid}${query}`;

  beforeAll(async () => {
    t = await startTestApp();
    person = await enrol(t, { sex: 'F', dateOfBirth: '1980-05-10' });
  });
  afterAll(() => t.close());

  it('shows the identity view to a registrar', async () => {
    const response = await readPerson(t, view(person));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      nationalId: person,
      name: { family: 'العبيدي' },
      sex: 'F',
      dateOfBirth: '1980-05-10',
      placeOfBirth: 'LY-BA-01',
      status: 'alive',
      maritalStatus: 'single',
      spouses: [],
      parents: { motherName: { given: 'خديجة', family: 'المسماري' } },
      residency: 'citizen',
      nationality: 'LY',
      nationalities: ['LY'],
      employment: [],
      registration: { type: 'PersonEnrolled', eventId: expect.any(String) },
    });
    expect(response.body.dateOfDeath).toBeUndefined();
  });

  describe('who may read', () => {
    it.each([['supervisor', purpose], ['court', courtCase]])('a %s', async (as, headers) => {
      expect((await readPerson(t, view(person), as, headers)).status).toBe(200);
    });

    it('a citizen, their own record only', async () => {
      const own = await t.citizen(person);
      expect((await readPerson(t, view(person), own)).status).toBe(200);
      const other = await enrol(t);
      await expectProblem(await readPerson(t, view(other), own), 403);
    });

    it.each(['statistician', 'verifier', 'administrator'])('not a %s', async (as) => {
      await expectProblem(await readPerson(t, view(person), as), 403);
    });

    it('no one without a credential', async () => {
      await expectProblem(await readPerson(t, view(person), ''), 401);
    });
  });

  describe('purpose and case reference', () => {
    it('takes them as query parameters too', async () => {
      expect((await readPerson(t, view(person, '?purpose=audit'), 'registrar', {})).status).toBe(200);
      expect((await readPerson(t, view(person, '?purpose=inheritance&caseReference=2026%2F5'), 'court', {})).status).toBe(200);
    });

    it('refuses a read without a purpose: 400 naming purpose', async () => {
      await expectProblem(await readPerson(t, view(person), 'registrar', {}), 400, 'purpose');
      await expectProblem(await readPerson(t, view(person), 'supervisor', { 'x-purpose': '' }), 400, 'purpose');
    });

    it('refuses a court read without a case reference: 400 naming caseReference', async () => {
      await expectProblem(await readPerson(t, view(person), 'court', purpose), 400, 'caseReference');
    });
  });

  describe('unknown and malformed IDs', () => {
    it('is a 404 problem for an ID no one holds', async () => {
      const response = await readPerson(t, view(unknownNationalId()));
      await expectProblem(response, 404);
      expect(response.body.type).toBe('urn:sijil:error:PERSON.NOT_FOUND');
    });

    it('is a 400 naming nid for a malformed ID or a wrong check digit', async () => {
      await expectProblem(await readPerson(t, view('12345')), 400, 'nid');
      await expectProblem(await readPerson(t, view(wrongCheckDigit(person))), 400, 'nid');
    });

    it('is a 404 once the registration is annulled', async () => {
      const annulledPerson = await enrol(t);
      const [registration] = await t.store.readStream(`person-${annulledPerson}`);
      const annulment = await t.request('POST', `/v1/persons/${annulledPerson}/annulments`, {
        as: 'supervisor',
        body: { eventId: registration!.id, courtReference: 'Benghazi court 2026/9', reason: 'Duplicate registration' },
      });
      expect(annulment.status).toBe(201);
      await expectProblem(await readPerson(t, view(annulledPerson)), 404);
    });
  });

  describe('asOf and knownAt', () => {
    it('is a 404 on a day before the birth, and as the ledger knew it before the registration was recorded', async () => {
      await expectProblem(await readPerson(t, view(person, '?asOf=1980-05-09')), 404);
      // A late registration: born in 1980, recorded today. On 2000-01-01 the ledger did not know it yet.
      await expectProblem(await readPerson(t, view(person, '?asOf=2000-01-01&knownAt=2000-01-01T00:00:00Z')), 404);
      expect((await readPerson(t, view(person, '?asOf=2000-01-01'))).status).toBe(200);
    });

    it('refuses a misspelt parameter rather than answer for today: 400 naming it', async () => {
      await expectProblem(await readPerson(t, view(person, '?asof=2000-01-01')), 400, 'asof');
    });

    it('reads a knownAt in the future as now', async () => {
      const response = await readPerson(t, view(person, '?knownAt=2999-01-01T00:00:00Z'));
      expect(response.status).toBe(200);
      expect(response.body.nationalId).toBe(person);
    });

    it.each([['asOf', '2021-02-29'], ['asOf', '1980'], ['knownAt', '2026-11-22'], ['knownAt', 'soon']])('refuses %s=%s: 400 naming it', async (field, value) => {
      await expectProblem(await readPerson(t, view(person, `?${field}=${value}`)), 400, field);
    });

    it('applies a correction only as known from the instant it was recorded', async () => {
      const corrected = await enrol(t, { dateOfBirth: '1975' });
      const [registration] = await t.store.readStream(`person-${corrected}`);
      await tick();
      const correction = await t.request('POST', `/v1/persons/${corrected}/corrections`, {
        as: 'supervisor',
        body: { eventId: registration!.id, changes: [{ field: 'dateOfBirth', to: '1975-03-02' }], reason: 'Register page read again', authorityReference: 'NR 2026/3' },
      });
      expect(correction.status).toBe(201);
      const before = `?knownAt=${registration!.recordedAt}`;
      expect((await readPerson(t, view(corrected, before))).body.dateOfBirth).toBe('1975');
      expect((await readPerson(t, view(corrected))).body.dateOfBirth).toBe('1975-03-02');
      // The birth is now known to the day: on 1975-03-01 the person was not yet born.
      await expectProblem(await readPerson(t, view(corrected, '?asOf=1975-03-01')), 404);
      expect((await readPerson(t, view(corrected, '?asOf=1975-03-01&knownAt=' + registration!.recordedAt))).body.dateOfBirth).toBe('1975');
    });
  });

  describe('marital status', () => {
    it('is married, then widowed from the death recorded in the spouse’s stream', async () => {
      const [husband, wife] = [await man(t), await woman(t)];
      const marriageId = await marry(t, husband, wife, '2015-06-01');
      expect((await readPerson(t, view(wife))).body).toMatchObject({
        maritalStatus: 'married',
        spouses: [{ marriageId, spouseId: husband, date: '2015-06-01', place: 'LY-BA-03', contractReference: 'Benghazi court 2015/12', status: 'current' }],
      });
      expect((await die(t, husband, '2022-03-01')).status).toBe(201);
      const widow = (await readPerson(t, view(wife))).body;
      expect(widow.maritalStatus).toBe('widowed');
      expect(widow.spouses[0]).toMatchObject({ status: 'widowed', ended: { how: 'death-of-spouse', date: '2022-03-01' } });
      expect((await readPerson(t, view(wife, '?asOf=2022-02-28'))).body.maritalStatus).toBe('married');
      expect((await readPerson(t, view(husband))).body).toMatchObject({ status: 'deceased', dateOfDeath: '2022-03-01', maritalStatus: 'married' });
    });

    it('is divorced after a divorce', async () => {
      const [husband, wife] = [await man(t), await woman(t)];
      const marriageId = await marry(t, husband, wife, '2015-06-01');
      expect((await divorce(t, marriageId, '2020-02-01')).status).toBe(201);
      const body = (await readPerson(t, view(husband))).body;
      expect(body.maritalStatus).toBe('divorced');
      expect(body.spouses[0]).toMatchObject({ status: 'divorced', ended: { how: 'divorce', date: '2020-02-01', courtReference: 'Benghazi court 2020/7' } });
      expect((await readPerson(t, view(husband, '?asOf=2019-12-31'))).body.maritalStatus).toBe('married');
    });

    it('is single again once the marriage is annulled; married as known before the annulment', async () => {
      const [husband, wife] = [await man(t), await woman(t)];
      await marry(t, husband, wife, '2015-06-01');
      const marriage = (await t.store.readStream(`person-${wife}`)).at(-1)!;
      await tick();
      const annulment = await t.request('POST', `/v1/persons/${wife}/annulments`, {
        as: 'supervisor',
        body: { eventId: marriage.id, courtReference: 'Benghazi court 2026/11', reason: 'Forged guardian consent' },
      });
      expect(annulment.status).toBe(201);
      expect((await readPerson(t, view(wife))).body).toMatchObject({ maritalStatus: 'single', spouses: [] });
      expect((await readPerson(t, view(husband))).body.maritalStatus).toBe('single');
      expect((await readPerson(t, view(wife, `?knownAt=${marriage.recordedAt}`))).body.maritalStatus).toBe('married');
    });
  });
});
