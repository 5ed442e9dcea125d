import { revisionOf, unknownNationalId } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeIdempotency, die, divorce, factOf, fieldsOf, lastEvent, man, marriageBody, married, refused, ruleType, wrongCheckDigit } from './family';

describe('POST /v1/persons/{nid}/annulments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const body = (eventId: string, overrides: Record<string, unknown> = {}) => ({
    eventId,
    courtReference: 'Benghazi court 2026/311',
    reason: 'Contracted under a forged guardian consent',
    date: '2026-11-01',
    ...overrides,
  });
  const post = (nid: string, payload: unknown, headers: Record<string, string> = {}, as = 'supervisor') =>
    t.request('POST', `/v1/persons/${nid}/annulments`, { body: payload, headers, as });
  const marryAgain = (a: string, b: string, date = '2021-01-01') =>
    t.request('POST', '/v1/marriages', { body: marriageBody([a, b], { date }) });

  it('annuls a marriage in both streams, each naming its own copy; it stops counting', async () => {
    const { husband, wife } = await married(t);
    const [his, hers] = [await factOf(t, husband, 'MarriageRegistered'), await factOf(t, wife, 'MarriageRegistered')];
    const response = await post(husband, body(his.id), { 'Idempotency-Key': 'annulment-1' });

    expect(response.status).toBe(201);
    const [hisAnnulment, herAnnulment] = [await lastEvent(t, husband), await lastEvent(t, wife)];
    const common = { courtReference: 'Benghazi court 2026/311', reason: 'Contracted under a forged guardian consent', date: '2026-11-01' };
    expect(hisAnnulment).toMatchObject({ type: 'RegistrationAnnulled', data: { ...common, annulledEventId: his.id } });
    expect(herAnnulment).toMatchObject({ type: 'RegistrationAnnulled', data: { ...common, annulledEventId: hers.id } });
    for (const event of [hisAnnulment, herAnnulment]) {
      expect(event.metadata).toMatchObject({ idempotencyKey: 'annulment-1', registrar: expect.any(String) });
    }
    expect(hisAnnulment.metadata.commandId).toBe(herAnnulment.metadata.commandId);
    expect(response.body.counterpart).toEqual({ nationalId: wife, eventIds: [herAnnulment.id] });
    expect((await marryAgain(await man(t), wife)).status).toBe(201);
  });

  it('annuls a divorce from the wife’s side in both streams; the marriage is current again', async () => {
    const { husband, wife, marriageId } = await married(t);
    expect((await divorce(t, marriageId, '2020-01-01')).status).toBe(201);
    const [his, hers] = [await factOf(t, husband, 'DivorceRegistered'), await factOf(t, wife, 'DivorceRegistered')];
    const response = await post(wife, body(hers.id, { date: undefined }));

    expect(response.status).toBe(201);
    expect((await lastEvent(t, wife)).data).toMatchObject({ annulledEventId: hers.id, date: '2026-11-22' });
    expect((await lastEvent(t, husband)).data).toMatchObject({ annulledEventId: his.id });
    const second = await marryAgain(await man(t), wife);
    expect(second.status).toBe(422);
    expect(second.body.type).toBe(ruleType('MARRIAGE.SPOUSE_LIMIT'));
  });

  it('annuls a fact about one person in that stream only', async () => {
    const { husband, wife } = await married(t);
    expect((await die(t, husband, '2020-01-01')).status).toBe(201);
    const death = await lastEvent(t, husband);
    const before = await revisionOf(t, wife);
    const response = await post(husband, body(death.id));
    expect(response.status).toBe(201);
    expect(response.body.counterpart).toBeUndefined();
    expect(await revisionOf(t, wife)).toBe(before);
  });

  describe('refused, recording nothing in either stream', () => {
    it('annulling the same marriage twice, from either side', async () => {
      const { husband, wife } = await married(t);
      const his = await factOf(t, husband, 'MarriageRegistered');
      const hers = await factOf(t, wife, 'MarriageRegistered');
      expect((await post(husband, body(his.id))).status).toBe(201);
      for (const [nid, eventId] of [[husband, his.id], [wife, hers.id]] as const) {
        const response = await refused(t, [husband, wife], () => post(nid, body(eventId, { courtReference: 'again' })));
        expect(response.status).toBe(422);
        expect(response.body.type).toBe(ruleType('ANNULMENT.ALREADY_ANNULLED'));
      }
    });

    it('annulling an annulment', async () => {
      const { husband, wife } = await married(t);
      expect((await post(husband, body((await factOf(t, husband, 'MarriageRegistered')).id))).status).toBe(201);
      const annulment = await lastEvent(t, husband);
      const response = await refused(t, [husband, wife], () => post(husband, body(annulment.id)));
      expect(response.status).toBe(422);
      expect(response.body.type).toBe(ruleType('ANNULMENT.NOT_ANNULLABLE'));
    });

    it('annulling a divorce when the wife has remarried would break the spouse limit', async () => {
      const { husband, wife, marriageId } = await married(t);
      await divorce(t, marriageId, '2020-01-01');
      expect((await marryAgain(await man(t), wife)).status).toBe(201);
      const his = await factOf(t, husband, 'DivorceRegistered');
      const response = await refused(t, [husband, wife], () => post(husband, body(his.id)));
      expect(response.status).toBe(422);
      expect(response.body.type).toBe(ruleType('ANNULMENT.BREAKS_RULE'));
      expect(response.body.rule).toBe('MARRIAGE.SPOUSE_LIMIT');
    });

    it('an annulment dated in the future', async () => {
      const { husband, wife } = await married(t);
      const his = await factOf(t, husband, 'MarriageRegistered');
      const response = await refused(t, [husband, wife], () => post(husband, body(his.id, { date: '2027-01-01' })));
      expect(response.status).toBe(422);
      expect(response.body.rule).toBe('FACT.IN_FUTURE');
    });
  });

  describe('bad input is a 400 naming the field and records nothing', () => {
    let couple: { husband: string; wife: string };
    let eventId: string;
    beforeAll(async () => {
      couple = await married(t);
      eventId = (await factOf(t, couple.husband, 'MarriageRegistered')).id;
    });

    it.each(['eventId', 'courtReference', 'reason'])('missing %s', async (field) => {
      const payload: Record<string, unknown> = body(eventId);
      delete payload[field];
      const response = await refused(t, [couple.husband, couple.wife], () => post(couple.husband, payload));
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toContain(field);
    });

    it.each([
      ['eventId', 42],
      ['eventId', 'first-marriage'],
      ['courtReference', ['a']],
      ['reason', ' '],
      ['date', '01/02/2026'],
    ])('%s of the wrong type or shape (%j)', async (field, value) => {
      const response = await refused(t, [couple.husband, couple.wife], () => post(couple.husband, { ...body(eventId), [field]: value }));
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toContain(field);
    });

    it('a malformed national ID or a wrong check digit in the path', async () => {
      for (const nid of ['1234567890ab', wrongCheckDigit(couple.wife)]) {
        const response = await refused(t, [couple.husband, couple.wife], () => post(nid, body(eventId)));
        expect(response.status).toBe(400);
        expect(fieldsOf(response)).toEqual(['nid']);
      }
    });
  });

  it('an unknown person is a 404', async () => {
    expect((await post(unknownNationalId(), body('0193a4f2-7c1e-7b3a-9f00-5b2d1c8e4a10'))).status).toBe(404);
  });

  it('an unknown event is a 404, also when it is a fact of another person', async () => {
    const { husband, wife } = await married(t);
    const other = await man(t);
    const response = await refused(t, [husband, wife, other], () => post(other, body('0193a4f2-7c1e-7b3a-9f00-5b2d1c8e4a10')));
    expect(response.status).toBe(404);
    const notHis = await refused(t, [husband, wife, other], async () => post(other, body((await factOf(t, husband, 'MarriageRegistered')).id)));
    expect(notHis.status).toBe(404);
    expect(notHis.body.type).toBe('urn:sijil:error:FACT.NOT_FOUND');
  });

  it('only a supervisor annuls', async () => {
    const { husband, wife } = await married(t);
    const his = await factOf(t, husband, 'MarriageRegistered');
    const response = await refused(t, [husband, wife], () => post(husband, body(his.id), {}, 'court'));
    expect(response.status).toBe(403);
  });

  describeIdempotency(
    () => t,
    async () => {
      const { husband, wife } = await married(t);
      const his = await factOf(t, husband, 'MarriageRegistered');
      return {
        persons: [husband, wife],
        send: (headers) => post(husband, body(his.id), headers),
        sendAnother: (headers) => post(husband, body(his.id, { reason: 'Another reason' }), headers),
      };
    },
  );
});
