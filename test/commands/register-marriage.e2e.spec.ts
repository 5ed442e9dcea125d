import { enrol, unknownNationalId } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeIdempotency, die, fieldsOf, lastEvent, man, marriageBody, marry, refused, ruleType, woman, wrongCheckDigit } from './family';

describe('POST /v1/marriages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (body: unknown, headers: Record<string, string> = {}, as = 'registrar') =>
    t.request('POST', '/v1/marriages', { body, headers, as });

  it('records the marriage in both streams, each naming the other, with who recorded it', async () => {
    const [husband, wife] = [await man(t), await woman(t)];
    const response = await post(marriageBody([husband, wife]), { 'Idempotency-Key': 'marriage-accepted-1' });

    expect(response.status).toBe(201);
    expect(response.body.marriageId).toMatch(/^[0-9a-f-]{36}$/);
    const [his, hers] = [await lastEvent(t, husband), await lastEvent(t, wife)];
    const common = { marriageId: response.body.marriageId, date: '2015-06-01', place: 'LY-BA-03', contractReference: 'Benghazi court 2015/12' };
    expect(his).toMatchObject({ type: 'MarriageRegistered', data: { ...common, spouseId: wife } });
    expect(hers).toMatchObject({ type: 'MarriageRegistered', data: { ...common, spouseId: husband } });
    for (const event of [his, hers]) {
      expect(event.metadata).toMatchObject({ office: 'LY-BA-03-OFF1', idempotencyKey: 'marriage-accepted-1', registrar: expect.any(String) });
    }
    expect(his.metadata.commandId).toBe(hers.metadata.commandId);
    expect(response.body.facts).toEqual([
      { nationalId: husband, eventIds: [his.id] },
      { nationalId: wife, eventIds: [hers.id] },
    ]);
  });

  it('accepts the spouses in either order', async () => {
    const [husband, wife] = [await man(t), await woman(t)];
    const response = await post(marriageBody([wife, husband]));
    expect(response.status).toBe(201);
    expect((await lastEvent(t, husband)).data).toMatchObject({ spouseId: wife });
  });

  describe('bad input is a 400 naming the field and records nothing', () => {
    let husband: string;
    let wife: string;
    beforeAll(async () => {
      [husband, wife] = [await man(t), await woman(t)];
    });

    it.each(['spouses', 'date', 'place', 'contractReference'])('missing %s', async (field) => {
      const body: Record<string, unknown> = marriageBody([husband, wife]);
      delete body[field];
      const response = await refused(t, [husband, wife], () => post(body));
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toContain(field);
    });

    it.each([
      ['spouses', 'not a list'],
      ['spouses', [123456789012, 234567890124]],
      ['date', 20150601],
      ['date', '2015-02-30'],
      ['place', 42],
      ['place', 'Benghazi'],
      ['contractReference', 881],
      ['contractReference', '  '],
    ])('%s of the wrong type or shape (%j)', async (field, value) => {
      const response = await refused(t, [husband, wife], () => post(marriageBody([husband, wife], { [field]: value })));
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toContain(field);
    });

    it('a malformed national ID, named by its place in the list', async () => {
      const response = await refused(t, [husband], () => post(marriageBody([husband, '12345'])));
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toEqual(['spouses']);
      expect(response.body.errors[0].message).toContain('spouses[1]');
    });

    it('a wrong check digit', async () => {
      const response = await refused(t, [husband, wife], () => post(marriageBody([husband, wrongCheckDigit(wife)])));
      expect(response.status).toBe(400);
      expect(response.body.errors[0].message).toMatch(/spouses\[1\].*check digit/);
    });

    it('one spouse, three spouses, or the same person twice', async () => {
      for (const spouses of [[husband], [husband, wife, wife], [husband, husband]]) {
        const response = await refused(t, [husband, wife], () => post(marriageBody(spouses)));
        expect(response.status).toBe(400);
        expect(fieldsOf(response)).toContain('spouses');
      }
    });

    it('an area the gazetteer does not know', async () => {
      const response = await refused(t, [husband, wife], () => post(marriageBody([husband, wife], { place: 'LY-ZZ-99' })));
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toEqual(['place']);
    });

    it('an unknown field', async () => {
      const response = await refused(t, [husband, wife], () => post({ ...marriageBody([husband, wife]), witness: 'x' }));
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toContain('witness');
    });
  });

  it('an unknown person is a 404 naming the ID', async () => {
    const husband = await man(t);
    const response = await refused(t, [husband], () => post(marriageBody([husband, unknownNationalId()])));
    expect(response.status).toBe(404);
    expect(response.body.detail).toContain(unknownNationalId());
  });

  it('a marriage dated in the future is refused', async () => {
    const [husband, wife] = [await man(t), await woman(t)];
    const response = await refused(t, [husband, wife], () => post(marriageBody([husband, wife], { date: '2027-01-01' })));
    expect(response.status).toBe(422);
    expect(response.body.type).toBe(ruleType('FACT.IN_FUTURE'));
  });

  it('a spouse under age is refused', async () => {
    const [husband, wife] = [await man(t), await woman(t, { dateOfBirth: '2000-01-01' })];
    const response = await refused(t, [husband, wife], () => post(marriageBody([husband, wife], { date: '2015-06-01' })));
    expect(response.status).toBe(422);
    expect(response.body.type).toBe(ruleType('MARRIAGE.UNDER_AGE'));
  });

  it('a spouse who had died by the date is refused', async () => {
    const [husband, wife] = [await man(t), await woman(t)];
    expect((await die(t, wife, '2014-01-01')).status).toBe(201);
    const response = await refused(t, [husband, wife], () => post(marriageBody([husband, wife])));
    expect(response.status).toBe(422);
    expect(response.body.type).toBe(ruleType('FACT.AFTER_DEATH'));
  });

  it('a registrar outside the place of marriage is refused', async () => {
    const [husband, wife] = [await man(t), await woman(t)];
    const response = await refused(t, [husband, wife], () => post(marriageBody([husband, wife]), {}, 'tripoliRegistrar'));
    expect(response.status).toBe(422);
    expect(response.body.type).toBe(ruleType('JURISDICTION.OUTSIDE_OFFICE'));
  });

  it('only a registrar records a marriage', async () => {
    const [husband, wife] = [await man(t), await woman(t)];
    const response = await refused(t, [husband, wife], () => post(marriageBody([husband, wife]), {}, 'supervisor'));
    expect(response.status).toBe(403);
  });

  describe('the spouse limit', () => {
    it('refuses a fifth wife', async () => {
      const husband = await man(t);
      for (let i = 0; i < 4; i++) await marry(t, husband, await woman(t), `2010-0${i + 1}-01`);
      const fifth = await woman(t);
      const response = await refused(t, [husband, fifth], () => post(marriageBody([husband, fifth], { date: '2015-01-01' })));
      expect(response.status).toBe(422);
      expect(response.body.type).toBe(ruleType('MARRIAGE.SPOUSE_LIMIT'));
    });

    it('refuses a second husband', async () => {
      const wife = await woman(t);
      await marry(t, await man(t), wife, '2010-01-01');
      const second = await man(t);
      const response = await refused(t, [second, wife], () => post(marriageBody([second, wife], { date: '2012-01-01' })));
      expect(response.status).toBe(422);
      expect(response.body.type).toBe(ruleType('MARRIAGE.SPOUSE_LIMIT'));
    });

    it('lets a widower remarry: the death of a wife ended that marriage', async () => {
      const husband = await man(t);
      const wives = [];
      for (let i = 0; i < 4; i++) {
        wives.push(await woman(t));
        await marry(t, husband, wives[i]!, `2010-0${i + 1}-01`);
      }
      expect((await die(t, wives[0]!, '2014-01-01')).status).toBe(201);
      const fifth = await woman(t);
      const before = await refused(t, [husband, fifth], () => post(marriageBody([husband, fifth], { date: '2013-06-01' })));
      expect(before.body.type).toBe(ruleType('MARRIAGE.SPOUSE_LIMIT'));
      const after = await post(marriageBody([husband, fifth], { date: '2015-01-01' }));
      expect(after.status).toBe(201);
    });

    it('lets a widow remarry', async () => {
      const wife = await woman(t);
      const first = await man(t);
      await marry(t, first, wife, '2008-01-01');
      expect((await die(t, first, '2012-01-01')).status).toBe(201);
      expect((await post(marriageBody([await man(t), wife], { date: '2013-01-01' }))).status).toBe(201);
    });
  });

  describe('the prohibited degrees', () => {
    let grandmother: string;
    let grandfather: string;
    beforeAll(async () => {
      grandmother = await woman(t, { dateOfBirth: '1930-01-01' });
      grandfather = await man(t, { dateOfBirth: '1928-01-01' });
    });

    const child = (sex: 'F' | 'M', dateOfBirth: string, motherId?: string, fatherId?: string) =>
      enrol(t, { sex, dateOfBirth, ...(motherId && { motherId }), ...(fatherId && { fatherId }) });

    async function expectProhibited(a: string, b: string, relation: string) {
      const response = await refused(t, [a, b], () => post(marriageBody([a, b], { date: '2020-01-01' })));
      expect(response.status).toBe(422);
      expect(response.body.type).toBe(ruleType('MARRIAGE.PROHIBITED_DEGREE'));
      expect(response.body.relation).toBe(relation);
    }

    it('refuses full and half siblings', async () => {
      const brother = await child('M', '1960-01-01', grandmother, grandfather);
      const sister = await child('F', '1962-01-01', grandmother, grandfather);
      const halfSister = await child('F', '1963-01-01', await woman(t, { dateOfBirth: '1935-01-01' }), grandfather);
      await expectProhibited(brother, sister, 'siblings');
      await expectProhibited(brother, halfSister, 'siblings');
    });

    it('refuses uncle and niece, aunt and nephew', async () => {
      const uncle = await child('M', '1958-01-01', grandmother, grandfather);
      const aunt = await child('F', '1959-01-01', grandmother, grandfather);
      const mother = await child('F', '1960-06-01', grandmother, grandfather);
      const niece = await child('F', '1985-01-01', mother);
      const nephew = await child('M', '1986-01-01', mother);
      await expectProhibited(uncle, niece, 'uncle-aunt-niece-nephew');
      await expectProhibited(nephew, aunt, 'uncle-aunt-niece-nephew');
    });

    it('refuses parent and child, grandparent and grandchild', async () => {
      const daughter = await child('F', '1960-01-01', grandmother, grandfather);
      const granddaughter = await child('F', '1985-01-01', daughter);
      await expectProhibited(grandfather, daughter, 'parent-child');
      await expectProhibited(grandfather, granddaughter, 'grandparent-grandchild');
    });

    it('accepts cousins', async () => {
      const son = await child('M', '1955-01-01', grandmother, grandfather);
      const daughter = await child('F', '1957-01-01', grandmother, grandfather);
      const cousin = await child('M', '1980-01-01', undefined, son);
      const otherCousin = await child('F', '1982-01-01', daughter);
      expect((await post(marriageBody([cousin, otherCousin], { date: '2005-01-01' }))).status).toBe(201);
    });
  });

  it('refuses a couple already married to each other', async () => {
    const [husband, wife] = [await man(t), await woman(t)];
    await marry(t, husband, wife, '2010-01-01');
    const response = await refused(t, [husband, wife], () => post(marriageBody([husband, wife], { date: '2012-01-01' })));
    expect(response.status).toBe(422);
    expect(response.body.type).toBe(ruleType('MARRIAGE.ALREADY_MARRIED'));
  });

  describeIdempotency(
    () => t,
    async () => {
      const [husband, wife] = [await man(t), await woman(t)];
      return {
        persons: [husband, wife],
        send: (headers) => post(marriageBody([husband, wife]), headers),
        sendAnother: (headers) => post(marriageBody([husband, wife], { date: '2016-01-01' }), headers),
      };
    },
  );
});
