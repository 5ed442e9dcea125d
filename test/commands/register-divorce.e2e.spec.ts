import { startTestApp, type TestApp } from '../support/test-app';
import { describeIdempotency, die, divorce, factOf, fieldsOf, lastEvent, man, marriageBody, married, marry, refused, ruleType } from './family';

describe('POST /v1/marriages/{marriageId}/divorce', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const body = (overrides: Record<string, unknown> = {}) => ({ date: '2020-02-01', courtReference: 'Benghazi court 2020/102', ...overrides });
  const post = (marriageId: string, payload: unknown, headers: Record<string, string> = {}, as = 'registrar') =>
    t.request('POST', `/v1/marriages/${marriageId}/divorce`, { body: payload, headers, as });

  it('records the divorce in both streams, each naming the other, with who recorded it', async () => {
    const { husband, wife, marriageId } = await married(t);
    const response = await post(marriageId, body(), { 'Idempotency-Key': 'divorce-accepted-1' });

    expect(response.status).toBe(201);
    expect(response.body.marriageId).toBe(marriageId);
    const [his, hers] = [await lastEvent(t, husband), await lastEvent(t, wife)];
    const common = { marriageId, date: '2020-02-01', courtReference: 'Benghazi court 2020/102' };
    expect(his).toMatchObject({ type: 'DivorceRegistered', data: { ...common, spouseId: wife } });
    expect(hers).toMatchObject({ type: 'DivorceRegistered', data: { ...common, spouseId: husband } });
    for (const event of [his, hers]) {
      expect(event.metadata).toMatchObject({ office: 'LY-BA-03-OFF1', idempotencyKey: 'divorce-accepted-1', registrar: expect.any(String) });
    }
    expect(his.metadata.commandId).toBe(hers.metadata.commandId);
  });

  it('frees the divorced wife to marry again', async () => {
    const { wife, marriageId } = await married(t);
    expect((await post(marriageId, body())).status).toBe(201);
    const response = await t.request('POST', '/v1/marriages', { body: marriageBody([await man(t), wife], { date: '2021-01-01' }) });
    expect(response.status).toBe(201);
  });

  describe('bad input is a 400 naming the field and records nothing', () => {
    let couple: { husband: string; wife: string; marriageId: string };
    beforeAll(async () => {
      couple = await married(t);
    });

    it.each(['date', 'courtReference'])('missing %s', async (field) => {
      const payload: Record<string, unknown> = body();
      delete payload[field];
      const response = await refused(t, [couple.husband, couple.wife], () => post(couple.marriageId, payload));
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toContain(field);
    });

    it.each([
      ['date', 20200201],
      ['date', '2020-13-01'],
      ['courtReference', 102],
      ['courtReference', ''],
    ])('%s of the wrong type or shape (%j)', async (field, value) => {
      const response = await refused(t, [couple.husband, couple.wife], () => post(couple.marriageId, body({ [field]: value })));
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toContain(field);
    });

    it('a malformed marriage ID is a 400, not a 404', async () => {
      const response = await refused(t, [couple.husband, couple.wife], () => post('not-a-marriage', body()));
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toEqual(['marriageId']);
    });
  });

  it('an unknown marriage is a 404', async () => {
    const response = await post('0193a4f2-7c1e-7b3a-9f00-5b2d1c8e4a10', body());
    expect(response.status).toBe(404);
    expect(response.body.type).toBe('urn:sijil:error:MARRIAGE.NOT_FOUND');
  });

  it('a divorce dated in the future is refused', async () => {
    const { husband, wife, marriageId } = await married(t);
    const response = await refused(t, [husband, wife], () => post(marriageId, body({ date: '2027-01-01' })));
    expect(response.status).toBe(422);
    expect(response.body.type).toBe(ruleType('FACT.IN_FUTURE'));
  });

  it('a divorce dated before the marriage is refused', async () => {
    const { husband, wife, marriageId } = await married(t);
    const response = await refused(t, [husband, wife], () => post(marriageId, body({ date: '2015-05-31' })));
    expect(response.status).toBe(422);
    expect(response.body.type).toBe(ruleType('DIVORCE.BEFORE_MARRIAGE'));
  });

  it('a marriage already ended by divorce is not divorced again', async () => {
    const { husband, wife, marriageId } = await married(t);
    expect((await post(marriageId, body())).status).toBe(201);
    const response = await refused(t, [husband, wife], () => post(marriageId, body({ date: '2021-01-01', courtReference: 'again' })));
    expect(response.status).toBe(422);
    expect(response.body.type).toBe(ruleType('DIVORCE.NOT_CURRENT'));
  });

  it('a marriage ended by a death is not divorced after it', async () => {
    const { husband, wife, marriageId } = await married(t);
    expect((await die(t, wife, '2018-01-01')).status).toBe(201);
    const response = await refused(t, [husband, wife], () => post(marriageId, body({ date: '2019-01-01' })));
    expect(response.status).toBe(422);
    expect([ruleType('DIVORCE.NOT_CURRENT'), ruleType('FACT.AFTER_DEATH')]).toContain(response.body.type);
  });

  it('an annulled marriage cannot be divorced', async () => {
    const { husband, wife, marriageId } = await married(t);
    const marriage = await factOf(t, husband, 'MarriageRegistered');
    const annulment = await t.request('POST', `/v1/persons/${husband}/annulments`, {
      as: 'supervisor',
      body: { eventId: marriage.id, courtReference: 'Benghazi court 2019/5', reason: 'Forged consent' },
    });
    expect(annulment.status).toBe(201);
    const response = await refused(t, [husband, wife], () => post(marriageId, body()));
    expect(response.status).toBe(404);
  });

  it('a registrar outside the place of marriage is refused', async () => {
    const { husband, wife, marriageId } = await married(t);
    const response = await refused(t, [husband, wife], () => post(marriageId, body(), {}, 'tripoliRegistrar'));
    expect(response.status).toBe(422);
    expect(response.body.type).toBe(ruleType('JURISDICTION.OUTSIDE_OFFICE'));
  });

  describeIdempotency(
    () => t,
    async () => {
      const { husband, wife, marriageId } = await married(t);
      return {
        persons: [husband, wife],
        send: (headers) => post(marriageId, body(), headers),
        sendAnother: (headers) => post(marriageId, body({ date: '2020-03-01' }), headers),
      };
    },
  );
});
