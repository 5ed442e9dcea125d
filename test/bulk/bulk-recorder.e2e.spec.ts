import { randomUUID } from 'node:crypto';
import { BulkRecorder } from '../../src/bulk/bulk-recorder';
import type { BulkCommand, BulkResult } from '../../src/bulk/bulk-commands';
import { defaultPolicy } from '../../src/domain/policy/jurisdiction-policy';
import { nid } from '../../src/domain/testing/person-fixtures';
import { WrongExpectedRevision } from '../../src/event-store/event-store.port';
import { Gazetteer } from '../../src/gazetteer/gazetteer';
import { birthBody, couple, enrol, enrolmentBody } from '../support/people';
import { startTestApp, type Response, type TestApp } from '../support/test-app';

/** The API and the bulk path, on the same store and the same commands, refuse with the same codes. */
describe('BulkRecorder beside the API', () => {
  let t: TestApp;
  let bulk: BulkRecorder;
  beforeAll(async () => {
    t = await startTestApp();
    bulk = new BulkRecorder(t.store, Gazetteer.load(), defaultPolicy);
  });
  afterAll(() => t.close());

  const agency = { registrar: 'bulk', office: 'LY-BA-03-OFF1', officeArea: 'LY-BA-03' };
  const record = (commands: BulkCommand[]) => bulk.record(commands, { agency, now: t.clock.now().toISOString() });
  const codeOfResponse = (response: Response) => String(response.body.type).split(':').pop();
  const codeOfResult = (result: BulkResult) => (result.status === 'refused' ? result.error.code : result.status);
  const unknownId = nid(987_654);
  const death = (date = '2020-01-01') => ({ dateOfDeath: date, placeOfDeath: 'LY-BA-03', causeIcd10: 'I21.9', certifier: { kind: 'hospital' as const, reference: 'BMC 1' } });

  const enrolmentData = (body: ReturnType<typeof enrolmentBody>) => ({ ...body.person, source: body.source }) as Extract<BulkCommand, { type: 'EnrolPerson' }>['data'];
  const birthData = (body: ReturnType<typeof birthBody>) =>
    ({ ...body.child, motherId: body.motherId, ...(body.fatherId && { fatherId: body.fatherId }), plurality: body.plurality }) as Extract<BulkCommand, { type: 'RegisterBirth' }>['data'];

  async function expectSameRefusal(http: () => Promise<Response>, command: BulkCommand, code: string) {
    const response = await http();
    expect(response.status).toBeGreaterThanOrEqual(400);
    const [result] = await record([command]);
    expect([codeOfResponse(response), codeOfResult(result!)]).toEqual([code, code]);
  }

  it('refuses births as the API does: unknown mother, mother not female, in the future, mother too old', async () => {
    const man = await enrol(t, { sex: 'M' });
    const oldWoman = await enrol(t, { sex: 'F', dateOfBirth: '1940-01-01' });
    for (const [body, code] of [
      [birthBody(unknownId), 'PERSON.NOT_FOUND'],
      [birthBody(man), 'BIRTH.MOTHER_NOT_FEMALE'],
      [birthBody(oldWoman, undefined, { dateOfBirth: '2026-11-20' }), 'BIRTH.MOTHER_AGE'],
      [birthBody(await enrol(t, { sex: 'F' }), undefined, { dateOfBirth: '2027-01-01' }), 'FACT.IN_FUTURE'],
      [birthBody(await enrol(t, { sex: 'F' }), undefined, { placeOfBirth: 'LY-ZZ-99' }), 'AREA.UNKNOWN'],
    ] as const) {
      await expectSameRefusal(() => t.request('POST', '/v1/births', { body }), { type: 'RegisterBirth', data: birthData(body) }, code);
    }
  });

  it('refuses deaths, person facts and enrolments as the API does', async () => {
    const dead = await enrol(t);
    expect((await t.request('POST', `/v1/persons/${dead}/death`, { body: death() })).status).toBe(201);
    const alive = await enrol(t);
    const cases: Array<[() => Promise<Response>, BulkCommand, string]> = [
      [() => t.request('POST', `/v1/persons/${dead}/death`, { body: death('2021-01-01') }), { type: 'RegisterDeath', nationalId: dead, data: death('2021-01-01') }, 'DEATH.ALREADY_RECORDED'],
      [() => t.request('POST', `/v1/persons/${unknownId}/death`, { body: death() }), { type: 'RegisterDeath', nationalId: unknownId, data: death() }, 'PERSON.NOT_FOUND'],
      [() => t.request('POST', `/v1/persons/${alive}/death`, { body: death('1970-01-01') }), { type: 'RegisterDeath', nationalId: alive, data: death('1970-01-01') }, 'FACT.BEFORE_BIRTH'],
      [
        () => t.request('POST', `/v1/persons/${alive}/residence-changes`, { body: { area: 'LY-TB-01', date: '2020-01-01' } }),
        { type: 'ChangeResidence', nationalId: alive, data: { area: 'LY-TB-01', date: '2020-01-01' } },
        'JURISDICTION.OUTSIDE_OFFICE',
      ],
      [
        () => t.request('POST', `/v1/persons/${alive}/residence-changes`, { body: { area: 'LY-BA-77', date: '2020-01-01' } }),
        { type: 'ChangeResidence', nationalId: alive, data: { area: 'LY-BA-77', date: '2020-01-01' } },
        'AREA.UNKNOWN',
      ],
      [
        () => t.request('POST', `/v1/persons/${alive}/employments/NOSUCHJOB/end`, { body: { date: '2020-01-01', reason: 'resigned' } }),
        { type: 'EndEmployment', nationalId: alive, data: { employmentId: 'NOSUCHJOB', date: '2020-01-01', reason: 'resigned' } },
        'EMPLOYMENT.NOT_FOUND',
      ],
      [
        () => t.request('POST', '/v1/enrolments', { body: enrolmentBody({ motherId: unknownId }) }),
        { type: 'EnrolPerson', data: enrolmentData(enrolmentBody({ motherId: unknownId })) },
        'PERSON.NOT_FOUND',
      ],
      [
        () => t.request('POST', '/v1/enrolments', { body: enrolmentBody({ placeOfBirth: 'LY-ZZ-01' }) }),
        { type: 'EnrolPerson', data: enrolmentData(enrolmentBody({ placeOfBirth: 'LY-ZZ-01' })) },
        'AREA.UNKNOWN',
      ],
    ];
    for (const [http, command, code] of cases) await expectSameRefusal(http, command, code);
  });

  it('refuses marriages and divorces as the API does: under age, prohibited degree, spouse limit, unknown marriage', async () => {
    const { wife, husband } = await couple(t);
    const young = await enrol(t, { sex: 'F', dateOfBirth: '2010-01-01' });
    const daughter = await enrol(t, { sex: 'F', dateOfBirth: '2016-01-01', motherId: wife, fatherId: husband });
    const other = await enrol(t, { sex: 'M', dateOfBirth: '1980-01-01' });
    const marriage = (spouses: [string, string], date = '2026-10-01') => ({ spouses, date, place: 'LY-BA-03', contractReference: 'court 1' });
    const cases: Array<[[string, string], string, string?]> = [
      [[other, young], 'MARRIAGE.UNDER_AGE'],
      [[husband, daughter], 'MARRIAGE.PROHIBITED_DEGREE', '2036-10-01'],
      [[other, wife], 'MARRIAGE.SPOUSE_LIMIT'],
      [[husband, wife], 'MARRIAGE.ALREADY_MARRIED'],
      [[other, unknownId], 'PERSON.NOT_FOUND'],
    ];
    for (const [spouses, code, date] of cases) {
      const body = marriage(spouses, date);
      const { spouses: _, ...data } = body;
      if (date) t.clock.set(`${date}T09:00:00Z`);
      await expectSameRefusal(() => t.request('POST', '/v1/marriages', { body }), { type: 'RegisterMarriage', spouses, data }, code);
      t.clock.set('2026-11-22T09:00:00Z');
    }
    const divorce = { date: '2026-11-01', courtReference: 'court 2' };
    for (const [marriageId, code] of [[randomUUID(), 'MARRIAGE.NOT_FOUND'], ['not-a-uuid', 'MARRIAGE.ID_FORMAT']]) {
      await expectSameRefusal(
        () => t.request('POST', `/v1/marriages/${marriageId}/divorce`, { body: divorce }),
        { type: 'RegisterDivorce', data: { marriageId: marriageId!, ...divorce } },
        code!,
      );
    }
  });

  it('records the events the API records, and lets later commands of a batch see earlier ones', async () => {
    const marriageId = randomUUID();
    const body = enrolmentBody({ sex: 'F', dateOfBirth: '1990-01-01' });
    const viaApi = await t.request('POST', '/v1/enrolments', { body });
    const [enrolled, born, married, divorced, again] = await record([
      { type: 'EnrolPerson', ref: 'mother', key: 'k1', data: enrolmentData(body) },
      { type: 'RegisterBirth', ref: 'child', data: { ...birthData(birthBody('')), motherId: { ref: 'mother' } } },
      { type: 'RegisterMarriage', spouses: [await enrol(t, { sex: 'M' }), { ref: 'mother' }], data: { date: '2015-01-01', place: 'LY-BA-03', contractReference: 'c', marriageId } },
      { type: 'RegisterDivorce', data: { marriageId, date: '2016-01-01', courtReference: 'd' } },
      { type: 'EnrolPerson', key: 'k1', data: enrolmentData(body) },
    ]);
    expect([enrolled, born, married, divorced].map((r) => r!.status)).toEqual(['recorded', 'recorded', 'recorded', 'recorded']);
    expect(again).toEqual({ status: 'duplicate', nationalId: (enrolled as { nationalId: string }).nationalId });
    const [fromApi] = await t.store.readStream(`person-${viaApi.body.nationalId}`);
    const fromBulk = await t.store.readStream(`person-${(enrolled as { nationalId: string }).nationalId}`);
    expect({ ...(fromBulk[0]!.data as object), nationalId: 'x' }).toEqual({ ...(fromApi!.data as object), nationalId: 'x' });
    expect(fromBulk.map((e) => e.type)).toEqual(['PersonEnrolled', 'MarriageRegistered', 'DivorceRegistered']);
    expect(fromBulk[0]!.metadata).toMatchObject({ registrar: 'bulk', office: 'LY-BA-03-OFF1', idempotencyKey: 'k1', schemaVersion: 1 });
    // A divorce over HTTP finds the bulk-recorded marriage by its ID.
    const overHttp = await t.request('POST', `/v1/marriages/${marriageId}/divorce`, { body: { date: '2017-01-01', courtReference: 'e' } });
    expect(codeOfResponse(overHttp)).toBe('DIVORCE.NOT_CURRENT');
  });

  it('reads the persons it committed from its cache, and decides again from the store when another writer changed one', async () => {
    const [enrolled] = await record([{ type: 'EnrolPerson', key: 'cache-1', data: enrolmentData(enrolmentBody({ dateOfBirth: '1980-01-01' })) }]);
    const nationalId = (enrolled as { nationalId: string }).nationalId;
    const hits = bulk.cache.hits;
    const [moved] = await record([{ type: 'ChangeResidence', nationalId, data: { area: 'LY-BA-03', date: '2019-01-01' } }]);
    expect(moved!.status).toBe('recorded');
    expect(bulk.cache.hits).toBe(hits + 1);
    // Another writer: the API records the death; the cache still holds the person alive.
    expect((await t.request('POST', `/v1/persons/${nationalId}/death`, { body: death() })).status).toBe(201);
    const [again, duplicate] = await record([
      { type: 'RegisterDeath', nationalId, data: death('2021-01-01') },
      { type: 'EnrolPerson', key: 'cache-1', data: enrolmentData(enrolmentBody()) },
    ]);
    expect(codeOfResult(again!)).toBe('DEATH.ALREADY_RECORDED');
    expect(duplicate).toEqual({ status: 'duplicate', nationalId });
    expect((await t.store.readStream(`person-${nationalId}`)).map((e) => e.type)).toEqual(['PersonEnrolled', 'ResidenceChanged', 'DeathRegistered']);
  });

  it('refuses a marriage ID in use, found by the append on a first attempt that took it to be unused', async () => {
    const marriageId = randomUUID();
    const marriage = async () => ({
      type: 'RegisterMarriage' as const,
      spouses: [await enrol(t, { sex: 'M' }), await enrol(t, { sex: 'F' })] as [string, string],
      data: { date: '2015-01-01', place: 'LY-BA-03', contractReference: 'c', marriageId },
    });
    const [first] = await record([await marriage()]);
    expect(first!.status).toBe('recorded');
    const [again, other] = await record([await marriage(), { type: 'EnrolPerson', data: enrolmentData(enrolmentBody()) }]);
    expect([codeOfResult(again!), other!.status]).toEqual(['MARRIAGE.ID_IN_USE', 'recorded']);
  });
  describe('a batch handed over before the one before it committed', () => {
    it('is decided on what the batch before decided: its persons, its marriages', async () => {
      const marriageId = randomUUID();
      const wife = nid(880_001);
      const husband = await enrol(t, { sex: 'M', dateOfBirth: '1985-01-01' });
      const first = record([
        { type: 'EnrolPerson', data: { ...enrolmentData(enrolmentBody({ sex: 'F', dateOfBirth: '1990-01-01' })), nationalId: wife } },
        { type: 'RegisterMarriage', spouses: [husband, wife], data: { date: '2015-01-01', place: 'LY-BA-03', contractReference: 'c', marriageId } },
      ]);
      const second = record([
        { type: 'RegisterBirth', data: { ...birthData(birthBody('', husband)), motherId: wife, fatherId: husband } },
        { type: 'RegisterDivorce', data: { marriageId, date: '2018-01-01', courtReference: 'd' } },
      ]);
      const results = [...(await first), ...(await second)];
      expect(results.map(codeOfResult)).toEqual(['recorded', 'recorded', 'recorded', 'recorded']);
      expect((await t.store.readStream(`person-${wife}`)).map((e) => e.type)).toEqual(['PersonEnrolled', 'MarriageRegistered', 'DivorceRegistered']);
    });

    it('is decided again when the append of the batch before failed and was decided again', async () => {
      const [enrolled] = await record([{ type: 'EnrolPerson', data: enrolmentData(enrolmentBody({ dateOfBirth: '1980-01-01' })) }]);
      const nationalId = (enrolled as { nationalId: string }).nationalId;
      // Another writer: the cache still holds the person alive.
      expect((await t.request('POST', `/v1/persons/${nationalId}/death`, { body: death('2020-01-01') })).status).toBe(201);
      const first = record([{ type: 'ChangeResidence', nationalId, data: { area: 'LY-BA-03', date: '2019-01-01' } }]);
      const second = record([{ type: 'RegisterDeath', nationalId, data: death('2021-01-01') }]);
      expect([...(await first), ...(await second)].map(codeOfResult)).toEqual(['recorded', 'DEATH.ALREADY_RECORDED']);
      expect((await t.store.readStream(`person-${nationalId}`)).map((e) => e.type)).toEqual(['PersonEnrolled', 'DeathRegistered', 'ResidenceChanged']);
    });

    it('is not recorded when the batch before failed for good, and the next one handed over after that is', async () => {
      const enrolment = (nationalId: string): BulkCommand => ({ type: 'EnrolPerson', data: { ...enrolmentData(enrolmentBody()), nationalId } });
      const ids = [nid(880_002), nid(880_003), nid(880_004)];
      // The caller's own write expects a revision its stream is not at: not the recorder's to retry.
      const first = bulk.record([enrolment(ids[0]!)], {
        agency,
        now: t.clock.now().toISOString(),
        alsoAppend: () => [{ streamId: `$bulk-test-${randomUUID()}`, expectedRevision: 0, events: [{ id: randomUUID(), type: 'Progress', data: {}, metadata: { schemaVersion: 1 } }] }],
      });
      const second = record([enrolment(ids[1]!)]);
      await expect(first).rejects.toThrow(WrongExpectedRevision);
      await expect(second).rejects.toThrow(/earlier batch/);
      const [after] = await record([enrolment(ids[2]!)]);
      expect(after!.status).toBe('recorded');
      const logs = await Promise.all(ids.map((id) => t.store.readStream(`person-${id}`)));
      expect(logs.map((log) => log.length)).toEqual([0, 0, 1]);
    });
  });
});
