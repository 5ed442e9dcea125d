import { enrol, unknownNationalId } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';
import { die, man, marry, woman, wrongCheckDigit } from '../commands/family';
import { courtCase, expectProblem, purpose, readPerson, tick } from './person-reads';

describe('GET /v1/persons/{nid}/history', () => {
  let t: TestApp;
  const history = (nid: string, query = '') => `/v1/persons/${nid}/history${query}`;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('a life with a correction and an annulment', () => {
    let wife: string;
    let husband: string;
    let registrationId: string;
    let marriageEventId: string;
    let marriageRecordedAt: string;

    beforeAll(async () => {
      // Enrolled from a legacy register that knows only the year of birth.
      wife = await enrol(t, { sex: 'F', dateOfBirth: '1961' });
      husband = await man(t, { dateOfBirth: '1955-01-01' });
      await marry(t, husband, wife, '1985-06-01');
      await tick();
      expect((await t.request('POST', `/v1/persons/${wife}/residence-changes`, { body: { area: 'LY-BA-03', date: '1980-02-01' } })).status).toBe(201);
      const log = await t.store.readStream(`person-${wife}`);
      registrationId = log[0]!.id;
      marriageEventId = log[1]!.id;
      marriageRecordedAt = log[1]!.recordedAt;
      await tick();
      const correction = await t.request('POST', `/v1/persons/${wife}/corrections`, {
        as: 'supervisor',
        body: { eventId: registrationId, changes: [{ field: 'placeOfBirth', to: 'LY-BA-03' }], reason: 'Register page read again', authorityReference: 'NR 2026/3', date: '2026-11-20' },
      });
      expect(correction.status).toBe(201);
      const annulment = await t.request('POST', `/v1/persons/${wife}/annulments`, {
        as: 'supervisor',
        body: { eventId: marriageEventId, courtReference: 'Benghazi court 2026/11', reason: 'Forged guardian consent', date: '2026-11-21' },
      });
      expect(annulment.status).toBe(201);
    });

    it('lists the facts in civil-date order, the partial birth date as recorded', async () => {
      const response = await readPerson(t, history(wife));
      expect(response.status).toBe(200);
      expect(response.body.nationalId).toBe(wife);
      expect(response.body.events.map((e: { type: string; occurredOn: string }) => `${e.type} ${e.occurredOn}`)).toEqual([
        'PersonEnrolled 1961',
        'ResidenceChanged 1980-02-01',
        'MarriageRegistered 1985-06-01',
      ]);
      for (const event of response.body.events) expect(event).toMatchObject({ eventId: expect.any(String), recordedAt: expect.any(String), data: expect.any(Object) });
    });

    it('shows a correction beside the fact, whose data stays as recorded', async () => {
      const [registration] = (await readPerson(t, history(wife))).body.events;
      expect(registration).toMatchObject({
        eventId: registrationId,
        data: { placeOfBirth: 'LY-BA-01', dateOfBirth: '1961' },
        corrections: [
          {
            eventId: expect.any(String),
            changes: [{ field: 'placeOfBirth', from: 'LY-BA-01', to: 'LY-BA-03' }],
            reason: 'Register page read again',
            authorityReference: 'NR 2026/3',
            date: '2026-11-20',
          },
        ],
      });
    });

    it('keeps an annulled fact, marked annulled with the annulment and the court reference', async () => {
      const marriage = (await readPerson(t, history(wife))).body.events[2];
      expect(marriage).toMatchObject({
        eventId: marriageEventId,
        type: 'MarriageRegistered',
        annulled: { by: expect.any(String), courtReference: 'Benghazi court 2026/11', reason: 'Forged guardian consent', date: '2026-11-21' },
      });
    });

    it('as known before the correction and the annulment, shows neither', async () => {
      const { events } = (await readPerson(t, history(wife, `?knownAt=${marriageRecordedAt}`))).body;
      expect(events.map((e: { type: string }) => e.type)).toEqual(['PersonEnrolled', 'MarriageRegistered']);
      expect(events[0].corrections).toBeUndefined();
      expect(events[1].annulled).toBeUndefined();
    });

    it('as of a day, shows only the facts that occurred by then', async () => {
      const { events } = (await readPerson(t, history(wife, '?asOf=1985-05-31'))).body;
      expect(events.map((e: { type: string }) => e.type)).toEqual(['PersonEnrolled', 'ResidenceChanged']);
      await expectProblem(await readPerson(t, history(wife, '?asOf=1960-12-31')), 404);
    });

    it('orders a fact recorded late by when it occurred', async () => {
      expect((await die(t, husband, '2020-01-01')).status).toBe(201);
      const late = await t.request('POST', `/v1/persons/${husband}/residence-changes`, { body: { area: 'LY-BA-03', date: '2010-01-01' } });
      expect(late.status).toBe(201);
      const types = (await readPerson(t, history(husband))).body.events.map((e: { type: string }) => e.type);
      expect(types).toEqual(['PersonEnrolled', 'MarriageRegistered', 'ResidenceChanged', 'DeathRegistered']);
    });
  });

  describe('who may read', () => {
    let person: string;
    beforeAll(async () => {
      person = await woman(t);
    });

    it.each([['registrar', purpose], ['supervisor', purpose], ['court', courtCase]])('a %s', async (as, headers) => {
      expect((await readPerson(t, history(person), as, headers)).status).toBe(200);
    });

    it('a citizen, their own history only', async () => {
      const own = await t.citizen(person);
      expect((await readPerson(t, history(person), own)).status).toBe(200);
      await expectProblem(await readPerson(t, history(await woman(t)), own), 403);
    });

    it.each(['statistician', 'verifier'])('not a %s', async (as) => {
      await expectProblem(await readPerson(t, history(person), as), 403);
    });

    it('with a purpose, and for a court a case reference: 400 naming the field', async () => {
      await expectProblem(await readPerson(t, history(person), '', purpose), 401);
      await expectProblem(await readPerson(t, history(person), 'registrar', {}), 400, 'purpose');
      await expectProblem(await readPerson(t, history(person), 'court', purpose), 400, 'caseReference');
      expect((await readPerson(t, history(person, '?purpose=audit&caseReference=C-1'), 'court', {})).status).toBe(200);
    });
  });

  describe('refusals', () => {
    it('is a 404 for an unknown person, a 400 for a malformed ID or wrong check digit', async () => {
      await expectProblem(await readPerson(t, history(unknownNationalId())), 404);
      await expectProblem(await readPerson(t, history('1234567890')), 400, 'nid');
      await expectProblem(await readPerson(t, history(wrongCheckDigit(await woman(t)))), 400, 'nid');
    });

    it('is a 404 as known before the person was recorded, and a 400 naming a bad asOf or knownAt', async () => {
      const person = await woman(t);
      await expectProblem(await readPerson(t, history(person, '?knownAt=2026-01-01T00:00:00Z')), 404);
      await expectProblem(await readPerson(t, history(person, '?asOf=2026-13-01')), 400, 'asOf');
      await expectProblem(await readPerson(t, history(person, '?knownAt=2026-11-22T10:00:00')), 400, 'knownAt');
    });
  });

  it('documents the read parameters and headers in OpenAPI', async () => {
    const response = await t.request('GET', '/docs/openapi.json', { as: '' });
    expect(response.status).toBe(200);
    for (const path of ['/v1/persons/{nid}', '/v1/persons/{nid}/history']) {
      const names = response.body.paths[path].get.parameters.map((p: { name: string }) => p.name);
      expect(names).toEqual(expect.arrayContaining(['nid', 'X-Purpose', 'X-Case-Reference', 'purpose', 'caseReference', 'asOf', 'knownAt']));
    }
    expect(response.body.components.schemas.IdentityViewResponse.properties).toHaveProperty('maritalStatus');
    expect(response.body.components.schemas.HistoryEntryResponse.properties).toHaveProperty('corrections');
  });
});
