import { enrol, revisionOf, unknownNationalId } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeIdempotency, die, divorce, factOf, fieldsOf, lastEvent, man, married, marry, refused, ruleType, woman, wrongCheckDigit } from './family';

describe('POST /v1/persons/{nid}/corrections', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const body = (eventId: string, changes: unknown, overrides: Record<string, unknown> = {}) => ({
    eventId,
    changes,
    reason: 'Transcription error in the register',
    authorityReference: 'Civil status authority decision 2026/77',
    documents: ['Contract scan 2015/12'],
    date: '2026-11-01',
    ...overrides,
  });
  const post = (nid: string, payload: unknown, headers: Record<string, string> = {}, as = 'supervisor') =>
    t.request('POST', `/v1/persons/${nid}/corrections`, { body: payload, headers, as });

  describe('a marriage or divorce is corrected in both spouses’ streams', () => {
    it('corrects the marriage date in both streams at once, each naming its own copy', async () => {
      const { husband, wife } = await married(t);
      const [his, hers] = [await factOf(t, husband, 'MarriageRegistered'), await factOf(t, wife, 'MarriageRegistered')];
      const response = await post(husband, body(his.id, [{ field: 'date', to: '2015-05-20' }]), { 'Idempotency-Key': 'correction-1' });

      expect(response.status).toBe(201);
      const [hisCorrection, herCorrection] = [await lastEvent(t, husband), await lastEvent(t, wife)];
      const common = {
        changes: [{ field: 'date', from: '2015-06-01', to: '2015-05-20' }],
        reason: 'Transcription error in the register',
        authorityReference: 'Civil status authority decision 2026/77',
        documents: ['Contract scan 2015/12'],
        date: '2026-11-01',
      };
      expect(hisCorrection).toMatchObject({ type: 'RecordCorrected', data: { ...common, correctedEventId: his.id } });
      expect(herCorrection).toMatchObject({ type: 'RecordCorrected', data: { ...common, correctedEventId: hers.id } });
      for (const event of [hisCorrection, herCorrection]) {
        expect(event.metadata).toMatchObject({ idempotencyKey: 'correction-1', registrar: expect.any(String) });
      }
      expect(hisCorrection.metadata.commandId).toBe(herCorrection.metadata.commandId);
      expect(response.body).toEqual({
        nationalId: husband,
        eventIds: [hisCorrection.id],
        counterpart: { nationalId: wife, eventIds: [herCorrection.id] },
      });
    });

    it('corrects a divorce from the wife’s side in both streams', async () => {
      const { husband, wife, marriageId } = await married(t);
      expect((await divorce(t, marriageId, '2020-01-01')).status).toBe(201);
      const hers = await factOf(t, wife, 'DivorceRegistered');
      const his = await factOf(t, husband, 'DivorceRegistered');
      const response = await post(wife, body(hers.id, [{ field: 'courtReference', to: 'Benghazi court 2020/8' }]));
      expect(response.status).toBe(201);
      expect((await lastEvent(t, wife)).data).toMatchObject({ correctedEventId: hers.id });
      expect((await lastEvent(t, husband)).data).toMatchObject({ correctedEventId: his.id });
    });
  });

  it('corrects a fact about one person in that stream only, dated today by default', async () => {
    const person = await man(t);
    const { husband: unrelated } = await married(t);
    expect((await die(t, person, '2020-01-01')).status).toBe(201);
    const death = await lastEvent(t, person);
    const before = await revisionOf(t, unrelated);
    const response = await post(person, body(death.id, [{ field: 'placeOfDeath', to: 'LY-BA-01' }], { date: undefined }));
    expect(response.status).toBe(201);
    expect(response.body.counterpart).toBeUndefined();
    expect((await lastEvent(t, person)).data).toMatchObject({ correctedEventId: death.id, date: '2026-11-22' });
    expect(await revisionOf(t, unrelated)).toBe(before);
  });

  it('loads the parents a corrected enrolment names, old and new', async () => {
    const mother = await woman(t, { dateOfBirth: '1950-01-01' });
    const otherMother = await woman(t, { dateOfBirth: '1952-01-01' });
    const child = await enrol(t, { sex: 'F', dateOfBirth: '1980-01-01', motherId: mother });
    const enrolment = await factOf(t, child, 'PersonEnrolled');
    const accepted = await post(child, body(enrolment.id, [{ field: 'motherId', to: otherMother }]));
    expect(accepted.status).toBe(201);

    const aMan = await man(t, { dateOfBirth: '1950-01-01' });
    const refusal = await refused(t, [child, aMan], () => post(child, body(enrolment.id, [{ field: 'motherId', to: aMan }])));
    expect(refusal.status).toBe(422);
    expect(refusal.body.type).toBe(ruleType('CORRECTION.BREAKS_RULE'));
    expect(refusal.body.rule).toBe('BIRTH.MOTHER_NOT_FEMALE');
  });

  describe('a correction that would break a rule is refused and records nothing in either stream', () => {
    it('a marriage date before the wife was of age', async () => {
      const [husband, wife] = [await man(t), await woman(t, { dateOfBirth: '1995-01-01' })];
      await marry(t, husband, wife, '2015-06-01');
      const his = await factOf(t, husband, 'MarriageRegistered');
      const response = await refused(t, [husband, wife], () => post(husband, body(his.id, [{ field: 'date', to: '2012-01-01' }])));
      expect(response.status).toBe(422);
      expect(response.body.type).toBe(ruleType('CORRECTION.BREAKS_RULE'));
      expect(response.body.rule).toBe('MARRIAGE.UNDER_AGE');
    });

    it('a divorce date before the marriage', async () => {
      const { husband, wife, marriageId } = await married(t);
      await divorce(t, marriageId, '2020-01-01');
      const his = await factOf(t, husband, 'DivorceRegistered');
      const response = await refused(t, [husband, wife], () => post(husband, body(his.id, [{ field: 'date', to: '2014-01-01' }])));
      expect(response.status).toBe(422);
      expect(response.body.rule).toBe('DIVORCE.BEFORE_MARRIAGE');
    });

    it('a marriage date in the future', async () => {
      const { husband, wife } = await married(t);
      const his = await factOf(t, husband, 'MarriageRegistered');
      const response = await refused(t, [husband, wife], () => post(husband, body(his.id, [{ field: 'date', to: '2027-01-01' }])));
      expect(response.status).toBe(422);
      expect(response.body.rule).toBe('FACT.IN_FUTURE');
    });

    it('the spouse named by a marriage, which identifies it', async () => {
      const { husband, wife } = await married(t);
      const his = await factOf(t, husband, 'MarriageRegistered');
      const response = await refused(t, [husband, wife], () => post(husband, body(his.id, [{ field: 'spouseId', to: unknownNationalId() }])));
      expect(response.status).toBe(422);
      expect(response.body.type).toBe(ruleType('CORRECTION.IMMUTABLE_FIELD'));
    });

    it('a correction dated in the future', async () => {
      const { husband, wife } = await married(t);
      const his = await factOf(t, husband, 'MarriageRegistered');
      const response = await refused(t, [husband, wife], () =>
        post(husband, body(his.id, [{ field: 'place', to: 'LY-BA-01' }], { date: '2027-01-01' })),
      );
      expect(response.status).toBe(422);
      expect(response.body.rule).toBe('FACT.IN_FUTURE');
    });
  });

  /**
   * A spouse's death is in the spouse's stream, yet it ends the marriage: a correction judges
   * the widower's whole history with those deaths, not as if every wife were alive.
   */
  describe('a widower’s marriages, judged with his late wife’s death', () => {
    async function widowerWithFiveMarriages() {
      const husband = await man(t);
      const wives: string[] = [];
      for (let i = 0; i < 4; i++) {
        wives.push(await woman(t));
        await marry(t, husband, wives[i]!, `2010-0${i + 1}-01`);
      }
      expect((await die(t, wives[0]!, '2014-01-01')).status).toBe(201);
      wives.push(await woman(t));
      await marry(t, husband, wives[4]!, '2015-01-01');
      return { husband, wives };
    }

    it('refuses moving the fifth marriage before the late wife died', async () => {
      const { husband, wives } = await widowerWithFiveMarriages();
      const fifth = await factOf(t, wives[4]!, 'MarriageRegistered');
      const response = await refused(t, [husband, wives[4]!], () => post(wives[4]!, body(fifth.id, [{ field: 'date', to: '2013-01-01' }])));
      expect(response.body.rule).toBe('MARRIAGE.SPOUSE_LIMIT');
    });

    it('accepts moving another marriage within the limit', async () => {
      const { wives } = await widowerWithFiveMarriages();
      const second = await factOf(t, wives[1]!, 'MarriageRegistered');
      expect((await post(wives[1]!, body(second.id, [{ field: 'date', to: '2010-05-01' }]))).status).toBe(201);
    });
  });

  describe('bad input is a 400 naming the field and records nothing', () => {
    let couple: { husband: string; wife: string };
    let eventId: string;
    beforeAll(async () => {
      couple = await married(t);
      eventId = (await factOf(t, couple.husband, 'MarriageRegistered')).id;
    });
    const valid = () => body(eventId, [{ field: 'place', to: 'LY-BA-01' }]);

    it.each(['eventId', 'changes', 'reason', 'authorityReference'])('missing %s', async (field) => {
      const payload: Record<string, unknown> = valid();
      delete payload[field];
      const response = await refused(t, [couple.husband, couple.wife], () => post(couple.husband, payload));
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toContain(field);
    });

    it.each([
      ['eventId', 'not-an-event'],
      ['changes', []],
      ['changes', 'date'],
      ['changes', [{ to: '2015-01-01' }]],
      ['changes', [{ field: 'date' }]],
      ['reason', 12],
      ['documents', 'scan'],
      ['documents', [7]],
      ['date', '2026-02-30'],
    ])('%s of the wrong type or shape (%j)', async (field, value) => {
      const response = await refused(t, [couple.husband, couple.wife], () => post(couple.husband, { ...valid(), [field]: value }));
      expect(response.status).toBe(400);
      expect(fieldsOf(response).some((name) => name.startsWith(field))).toBe(true);
    });

    it('a corrected value the fact cannot hold, named by its place in the request', async () => {
      const response = await refused(t, [couple.husband, couple.wife], () =>
        post(couple.husband, body(eventId, [{ field: 'place', to: 'LY-BA-01' }, { field: 'date', to: '2015-02-30' }])),
      );
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toEqual(['changes[1].to']);
    });

    it('a field the fact does not have', async () => {
      const response = await refused(t, [couple.husband, couple.wife], () => post(couple.husband, body(eventId, [{ field: 'colour', to: 'red' }])));
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toEqual(['changes[0].field']);
    });

    it('a malformed national ID or a wrong check digit in the path', async () => {
      for (const nid of ['12345', wrongCheckDigit(couple.husband)]) {
        const response = await refused(t, [couple.husband, couple.wife], () => post(nid, valid()));
        expect(response.status).toBe(400);
        expect(fieldsOf(response)).toEqual(['nid']);
      }
    });
  });

  it('an unknown person is a 404', async () => {
    const response = await post(unknownNationalId(), body('0193a4f2-7c1e-7b3a-9f00-5b2d1c8e4a10', [{ field: 'date', to: '2015-01-01' }]));
    expect(response.status).toBe(404);
  });

  it('an unknown event is a 404', async () => {
    const { husband, wife } = await married(t);
    const response = await refused(t, [husband, wife], () =>
      post(husband, body('0193a4f2-7c1e-7b3a-9f00-5b2d1c8e4a10', [{ field: 'date', to: '2015-01-01' }])),
    );
    expect(response.status).toBe(404);
    expect(response.body.type).toBe('urn:sijil:error:FACT.NOT_FOUND');
  });

  it('only a supervisor corrects', async () => {
    const { husband, wife } = await married(t);
    const his = await factOf(t, husband, 'MarriageRegistered');
    const response = await refused(t, [husband, wife], () => post(husband, body(his.id, [{ field: 'place', to: 'LY-BA-01' }]), {}, 'registrar'));
    expect(response.status).toBe(403);
  });

  describeIdempotency(
    () => t,
    async () => {
      const { husband, wife } = await married(t);
      const his = await factOf(t, husband, 'MarriageRegistered');
      return {
        persons: [husband, wife],
        send: (headers) => post(husband, body(his.id, [{ field: 'place', to: 'LY-BA-01' }]), headers),
        sendAnother: (headers) => post(husband, body(his.id, [{ field: 'place', to: 'LY-BA-02' }]), headers),
      };
    },
  );
});
