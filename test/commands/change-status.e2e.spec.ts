import { enrol } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectRecorded, expectRefused, itRefusesWhatEveryFactRouteRefuses } from './person-fact-route';

/** The other changes of status: five routes through one command, each with its own fact. */
describe('changes of status', () => {
  let t: TestApp;
  /** Born and living in Benghazi (LY-BA-03), the registrar's area. */
  let person: string;
  const post = (nid: string, route: string, body: unknown, as?: string) => t.request('POST', `/v1/persons/${nid}/${route}`, { body, as });

  beforeAll(async () => {
    t = await startTestApp();
    person = await enrol(t, { dateOfBirth: '1985-08-20', placeOfBirth: 'LY-BA-03' });
  });
  afterAll(() => t.close());

  describe('POST /v1/persons/{nid}/name-changes', () => {
    const newName = { given: 'فاطمة', father: 'محمد', grandfather: 'سالم', family: 'المسماري', latin: 'Fatima Mohammed Salem Al-Mismari' };
    const body = () => ({ name: newName, reason: 'family name registered wrongly', authorityReference: 'Benghazi court 2026/455', date: '2026-11-15' });

    it('records the new name with its reason and authority', async () => {
      const response = await t.request('POST', `/v1/persons/${person}/name-changes`, { body: body(), headers: { 'idempotency-key': 'name-1' } });
      await expectRecorded(t, person, response, { type: 'NameChanged', data: body(), idempotencyKey: 'name-1' });
    });

    it('refuses a name without its family part: 400 naming name.family', async () => {
      const { family: _, ...partial } = newName;
      await expectRefused(t, person, () => post(person, 'name-changes', { ...body(), name: partial }), 400, 'name.family');
    });

    it('refuses a change dated before the birth: 422 FACT.BEFORE_BIRTH', async () => {
      await expectRefused(t, person, () => post(person, 'name-changes', { ...body(), date: '1980-01-01' }), 422, 'FACT.BEFORE_BIRTH');
    });

    itRefusesWhatEveryFactRouteRefuses(() => t, () => person, {
      path: (nid) => `/v1/persons/${nid}/name-changes`,
      body,
      required: 'authorityReference',
      wrongType: ['name', 'فاطمة محمد سالم المسماري'],
    });
  });

  describe('POST /v1/persons/{nid}/residence-changes', () => {
    const body = () => ({ area: 'LY-BA-03', date: '2026-10-01' });

    it('records the new residence', async () => {
      const response = await post(person, 'residence-changes', body());
      await expectRecorded(t, person, response, { type: 'ResidenceChanged', data: body() });
    });

    it('refuses an area the gazetteer does not hold: 400 naming area', async () => {
      const response = await expectRefused(t, person, () => post(person, 'residence-changes', { ...body(), area: 'LY-BA-09' }), 400, 'area');
      expect(response.body.errors[0].rule).toBe('AREA.UNKNOWN');
    });

    it('refuses a malformed area code: 400 naming area', async () => {
      await expectRefused(t, person, () => post(person, 'residence-changes', { ...body(), area: 'Benghazi' }), 400, 'area');
    });

    it('refuses the Tripoli registrar moving a Benghazi resident within Benghazi: 422 JURISDICTION.OUTSIDE_OFFICE', async () => {
      const resident = await enrol(t, { placeOfBirth: 'LY-BA-03' });
      await expectRefused(
        t,
        resident,
        () => post(resident, 'residence-changes', { area: 'LY-BA-02', date: '2026-10-01' }, 'tripoliRegistrar'),
        422,
        'JURISDICTION.OUTSIDE_OFFICE',
      );
    });

    it('lets the office of the new residence record a move into its area', async () => {
      const resident = await enrol(t, { placeOfBirth: 'LY-BA-03' });
      const response = await post(resident, 'residence-changes', { area: 'LY-TB-01', date: '2026-10-01' }, 'tripoliRegistrar');
      await expectRecorded(t, resident, response, { type: 'ResidenceChanged', data: { area: 'LY-TB-01', date: '2026-10-01' }, as: 'tripoliRegistrar' });
    });

    itRefusesWhatEveryFactRouteRefuses(() => t, () => person, {
      path: (nid) => `/v1/persons/${nid}/residence-changes`,
      body,
      required: 'area',
      wrongType: ['area', 3],
    });
  });

  describe('POST /v1/persons/{nid}/emigrations', () => {
    const body = () => ({ country: 'TN', date: '2026-11-01' });

    it('records the emigration', async () => {
      const response = await post(person, 'emigrations', body());
      await expectRecorded(t, person, response, { type: 'Emigrated', data: body() });
    });

    it('refuses a country that is not an ISO alpha-2 code: 400 naming country', async () => {
      await expectRefused(t, person, () => post(person, 'emigrations', { ...body(), country: 'Tunisia' }), 400, 'country');
    });

    it('refuses an emigration dated before the birth: 422 FACT.BEFORE_BIRTH', async () => {
      await expectRefused(t, person, () => post(person, 'emigrations', { ...body(), date: '1984-12-31' }), 422, 'FACT.BEFORE_BIRTH');
    });

    itRefusesWhatEveryFactRouteRefuses(() => t, () => person, {
      path: (nid) => `/v1/persons/${nid}/emigrations`,
      body,
      required: 'country',
      wrongType: ['date', ['2026-11-01']],
    });
  });

  describe('POST /v1/persons/{nid}/immigrations', () => {
    const body = () => ({ country: 'EG', area: 'LY-BA-03', date: '2026-11-10' });

    it('records the immigration: where the person came from and where they now live', async () => {
      const response = await post(person, 'immigrations', body());
      await expectRecorded(t, person, response, { type: 'Immigrated', data: body() });
    });

    it('refuses an area the gazetteer does not hold: 400 naming area', async () => {
      await expectRefused(t, person, () => post(person, 'immigrations', { ...body(), area: 'LY-XX-01' }), 400, 'area');
    });

    it('refuses settling the person outside the office’s area: 422 JURISDICTION.OUTSIDE_OFFICE', async () => {
      await expectRefused(t, person, () => post(person, 'immigrations', { ...body(), area: 'LY-TB-02' }), 422, 'JURISDICTION.OUTSIDE_OFFICE');
    });

    itRefusesWhatEveryFactRouteRefuses(() => t, () => person, {
      path: (nid) => `/v1/persons/${nid}/immigrations`,
      body,
      required: 'country',
      wrongType: ['country', 818],
    });
  });

  describe('POST /v1/persons/{nid}/nationality-grants', () => {
    const body = () => ({ nationality: 'TN', decisionReference: 'Council of Ministers decision 2026/118', date: '2026-09-01' });

    it('records the nationality granted and the decision', async () => {
      const response = await post(person, 'nationality-grants', body());
      await expectRecorded(t, person, response, { type: 'NationalityGranted', data: body() });
    });

    it('refuses a three-letter country code: 400 naming nationality', async () => {
      await expectRefused(t, person, () => post(person, 'nationality-grants', { ...body(), nationality: 'TUN' }), 400, 'nationality');
    });

    it('refuses the Tripoli registrar granting it to a Benghazi resident: 422 JURISDICTION.OUTSIDE_OFFICE', async () => {
      await expectRefused(t, person, () => post(person, 'nationality-grants', body(), 'tripoliRegistrar'), 422, 'JURISDICTION.OUTSIDE_OFFICE');
    });

    itRefusesWhatEveryFactRouteRefuses(() => t, () => person, {
      path: (nid) => `/v1/persons/${nid}/nationality-grants`,
      body,
      required: 'decisionReference',
      wrongType: ['decisionReference', { number: 118 }],
    });
  });
});
